// `urbis validate FILE...`: checks scenario, sweep and calibration files
// without running them, each against the world it would run on. The kind
// of file is told by its keys: a sweep has metrics (and a design or
// scenarios), a calibration config has targets; anything else is read as a
// scenario. Every file is checked; the exit code is 2 when any has a mistake.
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "sim/calibrate/config.hpp"
#include "sim/calibrate/problem.hpp"
#include "sim/calibrate/scenarios.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/run_command.hpp"
#include "sim/cli/sweep_command.hpp"
#include "sim/compare/paired_runs.hpp"
#include "sim/engine/event_binding.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/outcome.hpp"

namespace fs = std::filesystem;

namespace urbis {

namespace {

enum class FileKind { scenario, sweep, calibration };

// Told from the top-level keys in the text (a key at the start of a line),
// without parsing: the loader of the kind found reads the file with its own
// limits and reports any syntax error at its line.
FileKind kind_of(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  bool sweep = false, calibration = false;
  for (std::size_t n = 0; std::getline(in, line) && n < 100000; ++n) {
    const auto key = [&](const char* k) {
      const std::size_t len = std::char_traits<char>::length(k);
      return line.compare(0, len, k) == 0 && line.size() > len && (line[len] == ':' || line[len] == ' ');
    };
    sweep = sweep || key("metrics") || key("design") || key("scenarios") || key("replicates");
    calibration = calibration || key("targets") || key("max_evaluations");
  }
  return sweep ? FileKind::sweep : calibration ? FileKind::calibration : FileKind::scenario;
}

std::string validate_scenario(const std::string& path, const Params& defaults, const ProjectPaths& paths) {
  const Scenario s = load_scenario(path, defaults, {paths.scenario_dir});
  RunContext ctx;
  ctx.default_world_dir = paths.world_dir;
  const WorldData data = load_world(s, ctx);
  bind_schedule(s, data);  // checks every name in the events against the world
  std::string counterfactual;
  if (!s.compare_with.empty()) {
    const Scenario b = load_scenario(s.compare_with, defaults, {paths.scenario_dir});
    try {
      compare::check_comparable(s, b);
    } catch (const InputError& e) {
      throw InputError(s.compare_with_place, fmt::format("compare_with: {}", e.message()));
    }
    counterfactual = fmt::format(", compare_with {}", b.name);
  }
  return fmt::format("scenario {}, {}-{}, {} events{}", s.name, s.start, s.end, s.events.size(), counterfactual);
}

std::string validate_sweep(const std::string& path, const CliGlobals& g) {
  const sweep::SweepPlan plan = sweep_plan(path, g);
  // Each scenario's events and the metrics' states and networks against its world.
  for (const auto& base : plan.bases) {
    const WorldData data = load_world(base, plan.context);
    bind_schedule(base, data);
    sweep::MetricObserver metrics(plan.spec.metrics, base, data);
  }
  return fmt::format(
      "sweep {}, {} points x {} replicates = {} runs{}", plan.spec.name, plan.point_count(), plan.spec.replicates,
      plan.runs(),
      plan.spec.scenario_factor ? fmt::format(", scenarios {}", fmt::join(plan.spec.scenarios, ", ")) : "");
}

std::string validate_calibration(const std::string& path, const Params& defaults, const ProjectPaths& paths) {
  const calib::CalibConfig config = calib::load_calibration(path);
  RunContext ctx;
  ctx.default_world_dir = paths.world_dir;
  // Loads the scenarios and their worlds: checks years, networks, cities and states.
  const calib::CalibrationProblem problem(config, calib::load_scenarios(config, defaults, paths.scenario_dir), ctx);
  return fmt::format("calibration of {}: {} parameters, {} targets, {} seeds ({} runs per evaluation)",
                     config.scenario.name, config.params.size(), config.targets.size(), config.seeds.size(),
                     problem.runs_per_evaluation());
}

int validate_command(const std::vector<std::string>& files, const CliGlobals& g) {
  const Params defaults = load_defaults(g.paths.defaults_file);
  int status = 0;
  for (const auto& f : files) {
    try {
      const std::string path = fs::exists(f) ? f : resolve_scenario_path(f, g.paths);
      std::string what;
      switch (kind_of(path)) {
        case FileKind::scenario: what = validate_scenario(path, defaults, g.paths); break;
        case FileKind::sweep: what = validate_sweep(path, g); break;
        case FileKind::calibration: what = validate_calibration(path, defaults, g.paths); break;
      }
      fmt::print("{}: ok ({})\n", f, what);
    } catch (const InputError& e) {
      log_input_error(e);
      status = 2;
    }
  }
  return status;
}

}  // namespace

void add_validate_command(Commands& commands) {
  auto files = std::make_shared<std::vector<std::string>>();
  CLI::App* validate = commands.add("validate", "Check scenario, sweep and calibration files without running them",
                                    [files](const CliGlobals& g) { return validate_command(*files, g); });
  validate->add_option("files", *files, "Scenario, sweep or calibration files, or library names")->required();
}

}  // namespace urbis
