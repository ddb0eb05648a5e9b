#include "sim/cli/run_command.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <unistd.h>

#include <functional>
#include <optional>

#include "sim/engine/run.hpp"
#include "sim/engine/timeline.hpp"
#include "sim/output/csv_output.hpp"
#include "sim/output/run_record.hpp"
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

int run_one(const std::string& arg, const Scenario& s, const std::string& dir, const RunOptions& o,
            const CliGlobals& g, bool progress) {
  const ProjectPaths& paths = g.paths;
  const auto t0 = std::chrono::steady_clock::now();
  const std::string started = utc_now();
  const fs::path record_path = fs::path(dir) / "run.json";
  std::vector<std::string> old_files;
  if (fs::exists(record_path)) {
    if (!o.force)
      throw InputError({dir}, "this folder already holds a finished run; choose another with -o, or pass --force to replace it");
    // --force: the folder stops claiming a finished run at once, so a new
    // run that is interrupted cannot leave its files beside the old record.
    old_files = files_of_finished_run(record_path);
    fs::remove(record_path);
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot create output folder {}: {}", dir, ec.message()));

  CsvOutput output(dir, s);
  RunContext ctx;
  ctx.default_world_dir = paths.world_dir;
  if (progress && show_progress(o.progress)) ctx.progress = [&](int d, int t) { draw_progress(s.name, d, t); };
  const RunSummary summary = run_scenario(s, output, ctx);
  for (const auto& problem : summary.world_problems) spdlog::debug("world: {}", problem);
  if (!summary.world_problems.empty())
    spdlog::info("{}: the world data had {} unmatched or added names (listed in run.json, world_problems)",
                 s.name, summary.world_problems.size());

  RunRecord record;
  record.started_utc = started;
  record.finished_utc = utc_now();
  record.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  record.threads = g.threads;
  record.files = output.files();
  record.units = output.units();
  record.command_line = g.command_line;
  write_run_json(record_path.string(), s, summary, record);
  // Files of the replaced run that this one did not write again are stale.
  for (const auto& f : old_files)
    if (std::find(record.files.begin(), record.files.end(), f) == record.files.end()) {
      std::error_code ignore;
      fs::remove(fs::path(dir) / f, ignore);
    }

  spdlog::info("{}: {} years, {} cities, {} states, {} networks ever, in {:.2f} s", s.name, summary.years,
               summary.cities, summary.states, summary.networks_ever, record.wall_seconds);
  fmt::print("{}: outputs in {}/ ({}, run.json)\n", s.name, dir, fmt::join(record.files, ", "));
  return 0;
}

}  // namespace

int run_command(const RunOptions& o, const CliGlobals& g) {
  const ProjectPaths& paths = g.paths;
  Params defaults;
  try {
    defaults = load_defaults(paths.defaults_file);
  } catch (const InputError& e) {
    spdlog::error("{}", e.what());
    return 2;
  }
  // Load every file first (cheap), so two that would write into the same
  // folder are caught before anything runs; then run them concurrently,
  // sharing the cores through TBB. A failing file is reported and the
  // others carry on; the exit code is the worst of all.
  const std::size_t n = o.scenarios.size();
  std::vector<int> codes(n, 0);
  std::vector<std::optional<Scenario>> loaded(n);
  std::vector<std::string> dirs(n);
  auto report = [&](std::size_t i, const std::function<void()>& f) {
    try {
      f();
    } catch (const InputError& e) {
      spdlog::error("{}", e.what());
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
            tbb::this_task_arena::isolate(
                [&] { report(i, [&] { run_one(o.scenarios[i], *loaded[i], dirs[i], o, g, n == 1); }); });
      },
      tbb::simple_partitioner());
  int worst = 0;
  for (int c : codes) worst = worst == 2 || c == 2 ? 2 : std::max(worst, c);
  if (n > 1) {
    const auto failed = static_cast<std::size_t>(std::count_if(codes.begin(), codes.end(), [](int c) { return c != 0; }));
    if (failed) spdlog::error("{} of {} scenarios failed", failed, n);
  }
  return worst;
}

int validate_command(const std::vector<std::string>& files, const ProjectPaths& paths) {
  int status = 0;
  try {
    const Params defaults = load_defaults(paths.defaults_file);
    for (const auto& f : files) {
      try {
        const Scenario s = load_scenario(resolve_scenario_path(f, paths), defaults, {paths.scenario_dir});
        RunContext ctx;
        ctx.default_world_dir = paths.world_dir;
        const WorldData data = load_world(s, ctx);
        Timeline bind(s, data);  // checks every name in the events against the world
        fmt::print("{}: ok ({}, {}-{}, {} events)\n", f, s.name, s.start, s.end, s.events.size());
      } catch (const InputError& e) {
        spdlog::error("{}", e.what());
        status = 2;
      }
    }
  } catch (const InputError& e) {
    spdlog::error("{}", e.what());
    return 2;
  }
  return status;
}

int list_command(const ProjectPaths& paths) {
  const Params defaults = load_defaults(paths.defaults_file);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(paths.scenario_dir))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    try {
      const Scenario s = load_scenario(f.string(), defaults, {paths.scenario_dir});
      std::string line = s.description.substr(0, s.description.find('\n'));
      fmt::print("{:<28} {}\n", f.stem().string(), line);
    } catch (const InputError& e) {
      fmt::print("{:<28} (invalid: {})\n", f.stem().string(), e.what());
    }
  }
  return 0;
}

void add_run_commands(Commands& commands) {
  auto run = std::make_shared<RunOptions>();
  auto seed = std::make_shared<std::uint64_t>(0);
  CLI::App* cmd = commands.add("run", "Run scenarios and write their CSV trajectories", [run, seed](const CliGlobals& g) {
    return run_command(*run, g);
  });
  cmd->add_option("scenarios", run->scenarios, "Scenario files, or names from the library (paris_withdrawal)")
      ->required();
  cmd->add_option("-o,--output", run->output, "Output folder (with several scenarios: one sub-folder each)");
  cmd->add_option_function<std::uint64_t>("--seed", [run](std::uint64_t s) { run->seed = s; },
                                          "Seed of the run's random streams (overrides the scenario)");
  cmd->add_option("--set", run->sets, "Override a parameter: --set economy.club_benefit=0.02 (repeatable)");
  cmd->add_flag("--force", run->force, "Replace the outputs of a finished run in the output folder");
  cmd->add_flag("!--no-progress", run->progress, "No progress bar");

  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* validate = commands.add("validate", "Check scenario files against the schema and the world",
                                    [files](const CliGlobals& g) { return validate_command(*files, g.paths); });
  validate->add_option("files", *files, "Scenario files or library names")->required();

  commands.add("list", "List the scenario library", [](const CliGlobals& g) { return list_command(g.paths); });
}

}  // namespace urbis
