#include "sim/cli/serve_forward.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

namespace fs = std::filesystem;

namespace urbis {

namespace {

constexpr std::string_view kServeProgram = "urbis-serve";

int exec_error = 0;  // errno of the failed start of urbis-serve
std::string serve_program;

}  // namespace

std::optional<std::size_t> subcommand_position(std::span<const std::string_view> args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (a == "-v" || a == "--verbose" || a == "-q" || a == "--quiet" || a.starts_with("--threads=")) continue;
    if (a == "--threads") {
      ++i;  // its value
      continue;
    }
    if (a.starts_with("-")) return std::nullopt;
    return i;
  }
  return std::nullopt;
}

void forward_serve(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  const auto at = subcommand_position(args);
  if (!at || args[*at] != "serve") return;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  serve_program = ((ec ? fs::path(argv[0]) : exe).parent_path() / kServeProgram).string();
  execv(serve_program.c_str(), argv);
  exec_error = errno;
}

void add_serve_forward(Commands& commands) {
  CLI::App* cmd = commands.add(
      "serve", "Serve the live view and the participatory classroom over HTTP (teacher's guide: docs/CLASSROOM.md)",
      [](const CliGlobals&) {
        spdlog::error(
            "'urbis serve' runs in the program {}, which could not be started ({}); it is built and "
            "installed with urbis (cmake --build build/release builds both)",
            serve_program.empty() ? std::string(kServeProgram) : serve_program,
            std::strerror(exec_error ? exec_error : ENOENT));
        return 1;
      });
  cmd->prefix_command();  // what follows is urbis-serve's to read
  cmd->set_help_flag();
  cmd->allow_extras();
}

}  // namespace urbis
