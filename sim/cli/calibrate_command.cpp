// `urbis calibrate CONFIG.yaml`: fits parameters to targets over replicate
// seeds (sim/calibrate), or with --evaluate measures the fit of the current
// defaults. Writes every evaluation and the final fit table as CSV.
#include <filesystem>
#include <fstream>
#include <memory>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "sim/calibrate/calibrate.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/output_folder.hpp"
#include "sim/core/interrupt.hpp"
#include "sim/core/param_table.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace fs = std::filesystem;

namespace urbis {

namespace {

struct CalibrateOptions {
  std::string config;
  std::string output = "out/calibration";
  bool evaluate = false;
};

void write_fit(const fs::path& file, const CalibConfig& c, const Evaluation& e) {
  std::ofstream out(file);
  out << "target,measure,network,years,low,high,value,scale,mean,sd,met,source\n";
  for (std::size_t t = 0; t < c.targets.size(); ++t) {
    const auto& tg = c.targets[t];
    const auto& f = e.fits[t];
    const std::string years = tg.measure == "network_actions" ? fmt::format("{}-{}", tg.from, tg.to)
                                                              : fmt::format("{}", tg.year);
    out << fmt::format("{},{},{},{},{},{},{},{},{:.6g},{:.6g},{},\"{}\"\n", tg.name, tg.measure, tg.network, years,
                       tg.range ? fmt::format("{}", tg.low) : "", tg.range ? fmt::format("{}", tg.high) : "",
                       tg.range ? "" : fmt::format("{}", tg.centre), tg.scale, f.mean, f.sd, f.met ? 1 : 0,
                       tg.source);
  }
}

int calibrate_command(const CalibrateOptions& o, const CliGlobals& g) {
  const CalibConfig config = load_calibration(o.config);
  const Params defaults = load_defaults(g.paths.defaults_file);
  const Scenario scenario = load_scenario(resolve_scenario_path(config.scenario, g.paths), defaults, {g.paths.scenario_dir});
  RunContext ctx;
  ctx.default_world_dir = g.paths.world_dir;
  const CalibrationProblem problem(config, scenario, ctx);
  prepare_output_folder(o.output, "-o");

  std::ofstream log(fs::path(o.output) / "evaluations.csv");
  log << "evaluation,objective";
  for (const auto& p : config.params) log << "," << p.path;
  for (const auto& t : config.targets) log << "," << t.name;
  log << "\n";
  auto report = [&](int n, const Evaluation& e) {
    log << n << fmt::format(",{:.6g}", e.objective);
    for (double v : e.values) log << fmt::format(",{:.6g}", v);
    for (const auto& f : e.fits) log << fmt::format(",{:.6g}", f.mean);
    log << "\n" << std::flush;
    std::string line = fmt::format("{:>4} objective {:9.4f} |", n, e.objective);
    for (std::size_t p = 0; p < e.values.size(); ++p) line += fmt::format(" {}={:.4g}", config.params[p].path, e.values[p]);
    line += " |";
    for (std::size_t t = 0; t < e.fits.size(); ++t) line += fmt::format(" {}={:.1f}", config.targets[t].name, e.fits[t].mean);
    spdlog::info("{}", line);
  };

  Evaluation best;
  int evaluations = 0;
  try {
    if (o.evaluate) {
      std::vector<double> current;
      for (const auto& p : config.params) current.push_back(get_param(scenario.params, *find_param(p.path)));
      best = problem.evaluate(current);
      report(++evaluations, best);
    } else {
      best = nelder_mead(problem, [&](int n, const Evaluation& e) {
        evaluations = n;
        report(n, e);
      });
    }
  } catch (const Interrupted& e) {
    // evaluations.csv holds every finished evaluation (one flushed line
    // each); the one in progress is dropped, and no fit.csv claims a result.
    throw Interrupted(e.signal(), fmt::format("{} at a step boundary: {} evaluations finished, in {}; no fit.csv written",
                                              e.what(), evaluations, (fs::path(o.output) / "evaluations.csv").string()));
  }
  write_fit(fs::path(o.output) / "fit.csv", config, best);

  fmt::print("{} {} seeds, objective {:.4f}\n", o.evaluate ? "fit of the current values over" : "best fit over",
             config.seeds.size(), best.objective);
  fmt::print("values (for configs/defaults.yaml):\n");
  for (std::size_t p = 0; p < config.params.size(); ++p)
    fmt::print("  {}: {:.6g}\n", config.params[p].path, best.values[p]);
  fmt::print("{:<22} {:>14} {:>10} {:>8} {}\n", "target", "target value", "mean", "sd", "met");
  for (std::size_t t = 0; t < config.targets.size(); ++t) {
    const auto& tg = config.targets[t];
    const std::string want = tg.range ? fmt::format("{}-{}", tg.low, tg.high) : fmt::format("{}±{}", tg.centre, tg.scale);
    fmt::print("{:<22} {:>14} {:>10.1f} {:>8.1f} {}\n", tg.name, want, best.fits[t].mean, best.fits[t].sd,
               best.fits[t].met ? "yes" : "no");
  }
  fmt::print("tables in {}/ (evaluations.csv, fit.csv)\n", o.output);
  return 0;
}

}  // namespace

void add_calibrate_commands(Commands& commands) {
  auto o = std::make_shared<CalibrateOptions>();
  CLI::App* cmd = commands.add("calibrate", "Fit parameters to calibration targets over replicate seeds (Nelder-Mead)",
                               [o](const CliGlobals& g) { return calibrate_command(*o, g); });
  cmd->add_option("config", o->config, "Calibration config (configs/calibration/calibrate.yaml)")->required();
  cmd->add_option("-o,--output", o->output, "Folder for evaluations.csv and fit.csv (default out/calibration)");
  cmd->add_flag("--evaluate", o->evaluate, "Measure the fit of the current defaults only; no search");
}

}  // namespace urbis
