// `urbis serve`: the live view and the participatory classroom over HTTP
// (sim/serve/, docs/CLASSROOM_API.md). Loads the scenario library, prints the
// teacher's token and the addresses, and serves until SIGINT or SIGTERM.
#include <csignal>
#include <filesystem>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <pthread.h>
#include <unistd.h>
#include <spdlog/spdlog.h>

#include "sim/cli/commands.hpp"
#include "sim/serve/server.hpp"

namespace fs = std::filesystem;

namespace urbis {

namespace {

int serve_command(const serve::ServeOptions& o, const CliGlobals& g) {
  // SIGINT and SIGTERM are taken by this thread alone (sigwait below); every
  // thread started from here on (HTTP workers, rooms, TBB) inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  serve::LibraryPaths paths;
  paths.scenario_dir = g.paths.scenario_dir;
  paths.defaults_file = g.paths.defaults_file;
  paths.world_dir = g.paths.world_dir;
  paths.targets_file = (fs::path(g.paths.home) / "configs" / "calibration" / "targets.yaml").string();
  const auto library = serve::Library::load(paths);
  for (const auto& p : library->problems()) spdlog::warn("scenario library: {}", p);

  serve::Server server(library, o);
  const int port = server.bind();
  const std::string base = fmt::format("http://{}:{}", o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host, port);
  const std::string& room = server.first_room();
  const std::string& token = server.teacher_token();
  fmt::print("urbis serve: listening on {}\n", base);
  fmt::print("urbis serve: teacher's token {}\n", token);
  fmt::print("urbis serve: room {} ({}{})\n", room, o.scenario, o.classroom ? ", participatory" : "");
  fmt::print("  live view: {}/live?room={}#token={}\n", base, room, token);
  if (o.classroom) {
    fmt::print("  teacher:   {}/teacher?room={}#token={}\n", base, room, token);
    fmt::print("  students:  {}/join (room code {})\n", base, room);
  }
  if (o.host != "127.0.0.1" && o.host != "localhost" && o.host != "::1")
    fmt::print("  (listening beyond this machine: anyone on the network can open the pages; keep the token to yourself)\n");
  std::fflush(stdout);

  // When serving ends by itself (it should not), wake the wait below.
  std::thread http([&] {
    server.run();
    ::kill(::getpid(), SIGTERM);
  });
  int sig = 0;
  sigwait(&signals, &sig);
  fmt::print("urbis serve: {} received, stopping\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
  server.stop();
  http.join();
  return 0;
}

}  // namespace

void add_serve_commands(Commands& commands) {
  auto o = std::make_shared<serve::ServeOptions>();
  CLI::App* cmd = commands.add(
      "serve", "Serve the live view and the participatory classroom over HTTP (docs/CLASSROOM_API.md)",
      [o](const CliGlobals& g) { return serve_command(*o, g); });
  cmd->footer(
      "Prints the teacher's token (needed by the teacher's controls) and the pages to open.\n"
      "Listens on loopback only unless --host says otherwise (--host 0.0.0.0 for a classroom LAN).\n"
      "Stop it with Ctrl-C (SIGINT) or SIGTERM.");
  cmd->add_option("--scenario", o->scenario, "Scenario of the start-up room, by its name in the library")
      ->capture_default_str();
  cmd->add_option("--host", o->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", o->port, "Port to listen on (0: a free one, printed at start-up)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_flag("--classroom", o->classroom, "Make the start-up room participatory: students join and play cities");
  cmd->add_option("--max-rooms", o->max_rooms, "Rooms open at once")->check(CLI::Range(1, 64))->capture_default_str();
  cmd->add_option("--max-players", o->max_players, "Players per room")->check(CLI::Range(1, 500))->capture_default_str();
  cmd->add_option("--round-seconds", o->round_seconds,
                  "Participatory rooms: advance a round every so many seconds (0: only when the teacher steps)")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str();
}

}  // namespace urbis
