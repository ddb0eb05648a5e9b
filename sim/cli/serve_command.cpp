// `urbis serve`: the live view and the participatory classroom over HTTP
// (sim/serve/, docs/CLASSROOM_API.md; the teacher's guide is
// docs/CLASSROOM.md). Loads the scenario library and the scenario files named
// on the command line, prints the teacher's token and the addresses, and
// serves until SIGINT or SIGTERM.
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <pthread.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "sim/cli/commands.hpp"
#include "sim/core/input_error.hpp"
#include "sim/serve/addresses.hpp"
#include "sim/serve/server.hpp"

namespace fs = std::filesystem;

namespace urbis {

namespace {

struct ServeArgs {
  serve::ServeOptions options;
  std::vector<std::string> scenarios;  // names in the library or files; the first is the start-up room's
};

// The scenario the classroom mode opens when none is named: the real world,
// a recent start, a few rounds that matter (scenarios/classroom_2025.yaml).
constexpr const char* kClassroomScenario = "classroom_2025";

// A --scenario value names a file when it is one, or looks like a path.
bool names_a_file(const std::string& s) {
  return fs::exists(s) || s.find('/') != std::string::npos || fs::path(s).extension() == ".yaml";
}

int serve_command(ServeArgs a, const CliGlobals& g) {
  serve::ServeOptions& o = a.options;
  if (a.scenarios.empty()) a.scenarios.push_back(o.classroom ? kClassroomScenario : o.scenario);
  serve::LibraryPaths paths;
  paths.scenario_dir = g.paths.scenario_dir;
  paths.defaults_file = g.paths.defaults_file;
  paths.world_dir = g.paths.world_dir;
  paths.targets_file = (fs::path(g.paths.home) / "configs" / "calibration" / "targets.yaml").string();
  for (const auto& s : a.scenarios)
    if (names_a_file(s)) {
      if (!fs::is_regular_file(s))
        throw InputError({s}, "no such scenario file (--scenario takes a library name or a file)");
      paths.files.push_back(s);
    }
  o.scenario = names_a_file(a.scenarios.front()) ? fs::path(a.scenarios.front()).stem().string() : a.scenarios.front();
  // A library name that is not there is told at once, not after loading the library.
  std::vector<std::string> library_names;
  for (const auto& e : fs::directory_iterator(paths.scenario_dir))
    if (e.path().extension() == ".yaml") library_names.push_back(e.path().stem().string());
  for (const auto& s : a.scenarios)
    if (!names_a_file(s) && std::find(library_names.begin(), library_names.end(), s) == library_names.end())
      throw InputError({"--scenario"},
                       fmt::format("no scenario '{}' in the library{}", s, did_you_mean(s, library_names)));

  // SIGINT and SIGTERM are taken by this thread alone (sigwait below); every
  // thread started from here on (HTTP workers, rooms, TBB) inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const auto library = serve::Library::load(paths);
  for (const auto& p : library->problems()) spdlog::warn("scenario library: {}", p);
  for (const auto& s : a.scenarios)
    if (!names_a_file(s) && !library->find(s))
      throw InputError({"--scenario"},
                       fmt::format("no scenario '{}' in the library{}", s, did_you_mean(s, library->names())));

  serve::Server server(library, o);
  const int port = server.bind();
  const auto urls = server.urls();
  const std::string& base = urls.front();
  const std::string& room = server.first_room();
  const std::string& token = server.teacher_token();
  fmt::print("urbis serve: listening on {}\n", serve::base_url(o.host, port));
  fmt::print("urbis serve: teacher's token {}\n", token);
  fmt::print("urbis serve: room {} ({}{})\n", room, o.scenario, o.classroom ? ", participatory" : "");
  fmt::print("  live view: {}/live?room={}#token={}\n", base, room, token);
  if (o.classroom) {
    fmt::print("  teacher:   {}/teacher?room={}#token={}\n", base, room, token);
    fmt::print("  projector: {}/projector?room={}#token={}\n", base, room, token);
    fmt::print("  students:  {}/join (room code {})\n", base, room);
  }
  for (std::size_t k = 1; k < urls.size(); ++k)
    fmt::print("  also:      {} (another address of this computer)\n", urls[k]);
  if (serve::is_wildcard(o.host) || (o.host != "127.0.0.1" && o.host != "localhost" && o.host != "::1"))
    fmt::print(
        "  (listening beyond this machine: anyone on the network can open the pages; keep the token to yourself)\n");
  fmt::print("  the teacher's guide: docs/CLASSROOM.md\n");
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
  auto a = std::make_shared<ServeArgs>();
  serve::ServeOptions& o = a->options;
  CLI::App* cmd = commands.add(
      "serve", "Serve the live view and the participatory classroom over HTTP (teacher's guide: docs/CLASSROOM.md)",
      [a](const CliGlobals& g) { return serve_command(*a, g); });
  cmd->footer(
      "The teacher's guide, with a 45-minute lesson plan: docs/CLASSROOM.md (the HTTP API: docs/CLASSROOM_API.md).\n"
      "Prints the teacher's token (needed by the teacher's controls) and the pages to open.\n"
      "Listens on loopback only unless --host says otherwise (--host 0.0.0.0 for a classroom LAN: the\n"
      "computer's network addresses are printed). Stop it with Ctrl-C (SIGINT) or SIGTERM.");
  cmd->add_option("--scenario", a->scenarios,
                  "Scenario of the start-up room: a name in the library or a scenario file (checked at start-up). "
                  "Repeat it to offer several; the teacher picks among them for new rooms. Default: " +
                      std::string(kClassroomScenario) + " with --classroom, else " + o.scenario);
  cmd->add_option("--host", o.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--allow-host", o.allow_hosts,
                  "Another name students may type for this computer (the pages answer only to the names and "
                  "addresses printed, against DNS rebinding)");
  cmd->add_option("--port", o.port, "Port to listen on (0: a free one, printed at start-up)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_flag("--classroom", o.classroom, "Make the start-up room participatory: students join and play cities");
  cmd->add_option("--max-rooms", o.max_rooms, "Rooms open at once")->check(CLI::Range(1, 64))->capture_default_str();
  cmd->add_option("--max-players", o.max_players, "Players per room")->check(CLI::Range(1, 500))->capture_default_str();
  cmd->add_option("--round-seconds", o.round_seconds,
                  "Participatory rooms: seconds to choose in each round, counted down on every page once the "
                  "teacher starts the clock; then choices lock and the round is played (0: no clock)")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str();
}

}  // namespace urbis
