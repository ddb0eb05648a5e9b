// The urbis command: parses the command line, sets threads and logging, and
// hands over to the chosen subcommand.
#include <filesystem>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <tbb/global_control.h>

#include "sim/cli/commands.hpp"
#include "sim/core/input_error.hpp"

int main(int argc, char** argv) {
  using namespace urbis;
  auto logger = spdlog::stderr_color_mt("urbis");
  logger->set_pattern("urbis: %^%l%$: %v");
  spdlog::set_default_logger(logger);

  CLI::App app{"urbis: an agent-based simulation of cities, states and city networks"};
  app.set_version_flag("--version", std::string("urbis ") + URBIS_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // --threads, --verbose and --quiet may follow the subcommand
  bool verbose = false, quiet = false;
  int threads = 0;
  app.add_flag("-v,--verbose", verbose, "Log more (world data problems, timings)");
  app.add_flag("-q,--quiet", quiet, "Log only errors");
  app.add_option("--threads", threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 1024));

  Commands commands(app);
  add_run_commands(commands);
  add_sweep_commands(commands);
  add_calibrate_commands(commands);
  add_report_commands(commands);
  add_serve_commands(commands);
  add_outputs_commands(commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // usage mistakes are bad input
  }
  spdlog::set_level(quiet ? spdlog::level::err : verbose ? spdlog::level::debug : spdlog::level::info);

  std::unique_ptr<tbb::global_control> limit;
  if (threads > 0)
    limit = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                  static_cast<std::size_t>(threads));
  CliGlobals globals;
  globals.threads = static_cast<int>(tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
  for (int i = 0; i < argc; ++i) globals.command_line += (i ? " " : "") + std::string(argv[i]);

  try {
    globals.paths = find_project_paths(argv[0]);
    return commands.dispatch(globals);
  } catch (const InputError& e) {
    spdlog::error("{}", e.what());
    return 2;
  } catch (const std::filesystem::filesystem_error& e) {
    // A folder that cannot be written, a full disk: the system's reason and
    // the path, not an "internal error".
    spdlog::error("cannot write {}: {}", e.path1().string(), e.code().message());
    return 1;
  } catch (const std::exception& e) {
    spdlog::error("internal error: {}", e.what());
    return 1;
  }
}
