// The urbis command: run, validate and list scenarios.
#include <memory>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <tbb/global_control.h>

#include "sim/cli/paths.hpp"
#include "sim/cli/run_command.hpp"
#include "sim/core/input_error.hpp"

int main(int argc, char** argv) {
  using namespace urbis;
  auto logger = spdlog::stderr_color_mt("urbis");
  logger->set_pattern("urbis: %^%l%$: %v");
  spdlog::set_default_logger(logger);

  CLI::App app{"urbis: an agent-based simulation of cities, states and city networks"};
  app.set_version_flag("--version", std::string("urbis ") + URBIS_VERSION);
  app.require_subcommand(1);
  bool verbose = false, quiet = false;
  app.add_flag("-v,--verbose", verbose, "Log more (world data problems, timings)");
  app.add_flag("-q,--quiet", quiet, "Log only errors");

  RunOptions run;
  std::uint64_t seed = 0;
  auto* run_cmd = app.add_subcommand("run", "Run scenarios and write their CSV trajectories");
  run_cmd->add_option("scenarios", run.scenarios, "Scenario files, or names from the library (paris_withdrawal)")
      ->required();
  run_cmd->add_option("-o,--output", run.output, "Output folder (with several scenarios: one sub-folder each)");
  auto* seed_opt = run_cmd->add_option("--seed", seed, "Seed of the run's random streams (overrides the scenario)");
  run_cmd->add_option("--threads", run.threads, "Worker threads (default: all cores)")->check(CLI::Range(0, 1024));
  run_cmd->add_option("--set", run.sets, "Override a parameter: --set economy.club_benefit=0.02 (repeatable)");
  run_cmd->add_flag("--force", run.force, "Replace the outputs of a finished run in the output folder");
  run_cmd->add_flag("!--no-progress", run.progress, "No progress bar");

  std::vector<std::string> to_validate;
  auto* validate_cmd = app.add_subcommand("validate", "Check scenario files against the schema and the world");
  validate_cmd->add_option("files", to_validate, "Scenario files or library names")->required();

  auto* list_cmd = app.add_subcommand("list", "List the scenario library");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // usage mistakes are bad input
  }
  spdlog::set_level(quiet ? spdlog::level::err : verbose ? spdlog::level::debug : spdlog::level::info);

  std::unique_ptr<tbb::global_control> threads;
  if (run.threads > 0)
    threads = std::make_unique<tbb::global_control>(tbb::global_control::max_allowed_parallelism,
                                                    static_cast<std::size_t>(run.threads));
  if (run.threads == 0)
    run.threads = static_cast<int>(tbb::global_control::active_value(tbb::global_control::max_allowed_parallelism));
  if (*seed_opt) run.seed = seed;
  for (int i = 0; i < argc; ++i) run.command_line += (i ? " " : "") + std::string(argv[i]);

  try {
    const ProjectPaths paths = find_project_paths(argv[0]);
    if (*run_cmd) return run_command(run, paths);
    if (*validate_cmd) return validate_command(to_validate, paths);
    if (*list_cmd) return list_command(paths);
  } catch (const InputError& e) {
    spdlog::error("{}", e.what());
    return 2;
  } catch (const std::exception& e) {
    spdlog::error("internal error: {}", e.what());
    return 1;
  }
  return 0;
}
