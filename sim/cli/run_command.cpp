#include "sim/cli/run_command.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include "sim/cli/output_folder.hpp"
#include "sim/cli/seeds.hpp"
#include "sim/cli/work_folder.hpp"
#include "sim/core/interrupt.hpp"
#include "sim/engine/run.hpp"
#include "sim/output/csv_output.hpp"
#include "sim/output/run_record.hpp"
#include "sim/output/stale_temps.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace fs = std::filesystem;

namespace urbis {

namespace {

bool show_progress(bool wanted) { return wanted && ::isatty(STDERR_FILENO) && !std::getenv("CI"); }

void draw_progress(const std::string& name, int done, int total) {
  const int width = 30;
  const int filled = total > 0 ? done * width / total : width;
  fmt::print(stderr, "\r{:<24.24} [{:<{}}] {}/{} years", name, std::string(static_cast<std::size_t>(filled), '#'),
             width, done, total);
  if (done == total) fmt::print(stderr, "\r{:80}\r", "");
}

Scenario prepare(const std::string& arg, const Params& defaults, const RunOptions& o, const ProjectPaths& paths) {
  Scenario s = load_scenario(resolve_scenario_path(arg, paths), defaults, {paths.scenario_dir});
  for (const auto& set : o.sets) apply_override(s, set);
  if (o.seed) s.seed = *o.seed;
  return s;
}

// Where a scenario's files go: -o (one scenario), -o/<name> (several), or its own output.directory.
std::string output_dir(const Scenario& s, const RunOptions& o) {
  if (o.output.empty()) return s.output.directory;
  return o.scenarios.size() == 1 ? o.output : (fs::path(o.output) / s.name).string();
}

// The files a finished run lists in its run.json (plain names only), so
// that --force can remove what the new run does not write again. Best
// effort: an unreadable record lists nothing.
std::vector<std::string> files_of_finished_run(const fs::path& record) {
  std::vector<std::string> files;
  try {
    std::ifstream in(record);
    const auto j = nlohmann::json::parse(in);
    for (const auto& f : j.at("files")) {
      const std::string name = f.get<std::string>();
      if (!name.empty() && name.find('/') == std::string::npos && name != "." && name != "..") files.push_back(name);
    }
  } catch (const std::exception&) {
  }
  return files;
}

int run_one(const Scenario& s, const std::string& dir, const RunOptions& o, const CliGlobals& g, bool progress) {
  const ProjectPaths& paths = g.paths;
  const auto t0 = std::chrono::steady_clock::now();
  const std::string started = utc_now();
  const fs::path record_path = fs::path(dir) / "run.json";
  const bool replacing = fs::exists(record_path);
  if (replacing && !o.force)
    throw InputError({dir},
                     "this folder already holds a finished run; choose another with -o, or pass --force to replace it");
  prepare_output_folder(dir, o.output.empty() ? "output.directory" : "-o");
  for (const auto& name : remove_stale_temps(dir))
    spdlog::info("{}: removed {}, left by an interrupted run", dir, name);

  // --force: the new run is written beside the old one, which stays whole
  // until the new one is complete (an interrupt leaves the old run).
  std::optional<WorkFolder> staging;
  if (replacing) staging.emplace(fs::path(dir), "replacement");
  const std::string write_dir = staging ? staging->path().string() : dir;

  CsvOutput output(write_dir, s);
  RunContext ctx;
  ctx.default_world_dir = paths.world_dir;
  const bool bar = progress && show_progress(o.progress);
  ctx.progress = [&](int d, int t) {
    if (bar) draw_progress(s.name, d, t);
    throw_if_interrupted();  // at a step boundary: the temporary files go as the writers unwind
  };
  RunSummary summary;
  try {
    throw_if_interrupted();
    summary = run_scenario(s, output, ctx);
  } catch (const Interrupted&) {
    if (bar) fmt::print(stderr, "\r{:80}\r", "");
    throw;
  }
  for (const auto& problem : summary.world_problems) spdlog::debug("world: {}", problem);
  if (!summary.world_problems.empty())
    spdlog::info("{}: the world data had {} unmatched or added names (listed in run.json, world_problems)", s.name,
                 summary.world_problems.size());

  RunRecord record;
  record.started_utc = started;
  record.finished_utc = utc_now();
  record.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  record.threads = g.threads;
  record.files = output.files();
  record.units = output.units();
  record.command_line = g.command_line;
  if (staging) {
    write_run_json((staging->path() / "run.json").string(), s, summary, record);
    staging->move_in(dir, record.files, "run.json", files_of_finished_run(record_path));
  } else {
    write_run_json(record_path.string(), s, summary, record);
  }

  spdlog::info("{}: {} years, {} cities, {} states, {} networks ever, in {:.2f} s", s.name, summary.years,
               summary.cities, summary.states, summary.networks_ever, record.wall_seconds);
  fmt::print("{}: outputs in {}/ ({}, run.json)\n", s.name, dir, fmt::join(record.files, ", "));
  return 0;
}

}  // namespace

int run_command(const RunOptions& o, const CliGlobals& g) {
  const ProjectPaths& paths = g.paths;
  const Params defaults = load_defaults(paths.defaults_file);
  // Load every file first (cheap), so two that would write into the same
  // folder are caught before anything runs; then run them concurrently,
  // sharing the cores through TBB. A failing file is reported and the
  // others carry on; the exit code is the worst of all.
  const std::size_t n = o.scenarios.size();
  std::vector<int> codes(n, 0);
  std::vector<std::optional<Scenario>> loaded(n);
  std::vector<std::string> dirs(n);
  std::atomic<int> finished{0};
  auto report = [&](std::size_t i, const std::function<void()>& f) {
    try {
      f();
    } catch (const Interrupted& e) {
      codes[i] = e.exit_code();
    } catch (const InputError& e) {
      log_input_error(e);
      codes[i] = 2;
    } catch (const std::exception& e) {
      spdlog::error("{}: {}", o.scenarios[i], e.what());
      codes[i] = 1;
    }
  };
  for (std::size_t i = 0; i < n; ++i)
    report(i, [&] {
      loaded[i] = prepare(o.scenarios[i], defaults, o, paths);
      dirs[i] = output_dir(*loaded[i], o);
      for (std::size_t j = 0; j < i; ++j)
        if (loaded[j] && fs::path(dirs[j]).lexically_normal() == fs::path(dirs[i]).lexically_normal()) {
          loaded[i].reset();
          throw InputError({o.scenarios[i]}, fmt::format("writes into the same folder as {} ({}); give the "
                                                         "scenarios different names or output directories",
                                                         o.scenarios[j], dirs[i]));
        }
    });
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, n, 1),
      [&](const tbb::blocked_range<std::size_t>& r) {
        for (std::size_t i = r.begin(); i != r.end(); ++i)
          if (loaded[i])
            tbb::this_task_arena::isolate([&] {
              report(i, [&] {
                run_one(*loaded[i], dirs[i], o, g, n == 1);
                ++finished;
              });
            });
      },
      tbb::simple_partitioner());
  if (const int sig = interrupt_signal(); sig && finished < static_cast<int>(n)) {
    const std::string done = n > 1 ? fmt::format("{} of {} scenarios finished; ", finished.load(), n) : "";
    throw Interrupted(
        sig, fmt::format("interrupted by {} at a step boundary: {}an unfinished run leaves no files{}",
                         signal_name(sig), done, o.force ? " (a run it was to replace is still in place)" : ""));
  }
  int worst = 0;
  for (int c : codes) worst = worst == 2 || c == 2 ? 2 : std::max(worst, c);
  if (n > 1) {
    const auto failed =
        static_cast<std::size_t>(std::count_if(codes.begin(), codes.end(), [](int c) { return c != 0; }));
    if (failed) spdlog::error("{} of {} scenarios failed", failed, n);
  }
  return worst;
}

void add_run_commands(Commands& commands) {
  auto run = std::make_shared<RunOptions>();
  auto seed = std::make_shared<std::string>();
  CLI::App* cmd =
      commands.add("run", "Run scenarios and write their CSV trajectories", [run, seed](const CliGlobals& g) {
        if (!seed->empty()) run->seed = parse_seed(*seed, "--seed");
        return run_command(*run, g);
      });
  cmd->add_option("scenarios", run->scenarios, "Scenario files, or names from the library (paris_withdrawal)")
      ->required();
  cmd->add_option("-o,--output", run->output, "Output folder (with several scenarios: one sub-folder each)");
  cmd->add_option("--seed", *seed, "Seed of the run's random streams, 0 to 2^64 - 1 (overrides the scenario)");
  cmd->add_option("--set", run->sets, "Override a parameter: --set economy.club_benefit=0.02 (repeatable)");
  cmd->add_flag("--force", run->force, "Replace the outputs of a finished run in the output folder");
  cmd->add_flag("!--no-progress", run->progress, "No progress bar");
  add_validate_command(commands);
}

}  // namespace urbis
