// `urbis calibrate CONFIG.yaml` (docs/CALIBRATION.md): fits parameters to
// targets over replicate seeds with Nelder-Mead, or samples their posterior
// with ABC (--abc), or with --evaluate measures the fit of the current
// values. --check turns a missed target into exit code 3 (the validation
// suite); --markdown and --update-doc write the table for docs/VALIDATION.md.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "sim/calibrate/abc.hpp"
#include "sim/calibrate/markdown.hpp"
#include "sim/calibrate/nelder_mead.hpp"
#include "sim/calibrate/scenarios.hpp"
#include "sim/calibrate/tables.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/output_folder.hpp"
#include "sim/core/interrupt.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace fs = std::filesystem;

namespace urbis {

namespace {

using namespace calib;

// Exit code of --check when a target is missed (0: all met; 1 and 2 keep
// their meaning: internal error, bad input).
constexpr int kTargetsMissed = 3;

struct CalibrateOptions {
  std::string config;
  std::string output = "out/calibration";
  bool evaluate = false;
  bool abc = false;
  bool check = false;
  std::string markdown;    // write the validation table here
  std::string update_doc;  // replace the table between the markers of this doc
};

// A path as the user would type it from here (for the line that says how
// to regenerate a table).
std::string shown(const std::string& path) {
  const fs::path rel = fs::path(path).lexically_proximate(fs::current_path());
  return rel.empty() || *rel.begin() == ".." ? fs::path(path).filename().string() : rel.string();
}

std::string read_text(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InputError({file}, "cannot read the document to update");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void print_fit(const CalibConfig& c, const Evaluation& e, const std::string& what) {
  fmt::print("{} over {} seeds, objective {:.4f}\n", what, c.seeds.size(), e.objective);
  if (!c.params.empty()) fmt::print("values (for configs/defaults.yaml):\n");
  for (std::size_t p = 0; p < c.params.size(); ++p) fmt::print("  {}: {:.6g}\n", c.params[p].path, e.values[p]);
  fmt::print("{:<26} {:>22} {:>12} {:>12} {}\n", "target", "target value", "mean", "sd", "met");
  for (std::size_t t = 0; t < c.targets.size(); ++t) {
    const auto& tg = c.targets[t];
    const auto& f = e.fits[t];
    const std::string sd =
        tg.difference == Difference::relative ? fmt::format("{:.1f} pt", 100 * f.sd) : fmt::format("{:.1f}", f.sd);
    fmt::print("{:<26} {:>22} {:>12} {:>12} {}\n", tg.name, target_text(tg), value_text(tg, f.mean), sd,
               f.met ? "yes" : "no");
  }
}

// ABC: writes abc_points.csv, posterior.csv, posterior_summary.csv and
// predictive.csv; returns the accepted point closest to the targets (or the
// closest point of all when nothing was accepted).
Evaluation run_abc_files(const CalibrationProblem& problem, const fs::path& dir) {
  const CalibConfig& c = problem.config();
  if (c.seeds.size() < 10)
    spdlog::warn("ABC over {} seeds: the noise of the seed means widens the posterior; give at least 10",
                 c.seeds.size());
  const auto batch = [&](const std::vector<std::vector<double>>& points) {
    spdlog::info("ABC: {} points x {} runs", points.size(), problem.runs_per_evaluation());
    // A line at each tenth of the runs (from whichever worker gets there).
    return problem.evaluate_all(points, [](std::size_t done, std::size_t total) {
      if (done * 10 / total != (done - 1) * 10 / total) spdlog::info("  {} of {} runs", done, total);
    });
  };
  const auto after = [&](int round, const AbcResult& r) {
    const auto accepted = std::count_if(r.points.begin(), r.points.end(),
                                        [&](const AbcPoint& p) { return p.round == round && p.accepted; });
    spdlog::info("ABC round {}: {} accepted, largest accepted distance {:.4g}", round, accepted, r.tolerance.back());
  };
  const AbcResult abc = run_abc(c.params, c.abc, batch, after);
  write_file_atomically((dir / "abc_points.csv").string(), abc_points_csv(c, abc));
  if (abc.posterior.empty()) {
    double closest = abc.points[0].eval.objective;
    for (const auto& p : abc.points) closest = std::min(closest, p.eval.objective);
    throw InputError({c.file}, fmt::format("abc.epsilon {} is below every point's distance (the smallest is {:.4g}); "
                                           "raise it, or use abc.accept (see {})",
                                           *c.abc.epsilon, closest, (dir / "abc_points.csv").string()));
  }
  write_file_atomically((dir / "posterior.csv").string(), posterior_csv(c, abc));
  write_file_atomically((dir / "posterior_summary.csv").string(), posterior_summary_csv(c, abc));
  write_file_atomically((dir / "predictive.csv").string(), predictive_csv(problem, abc));
  const AbcPoint* best = &abc.points[abc.posterior[0]];
  for (auto i : abc.posterior)
    if (abc.points[i].eval.objective < best->eval.objective) best = &abc.points[i];
  return best->eval;
}

int calibrate_command(const CalibrateOptions& o, const CliGlobals& g) {
  const CalibConfig config = load_calibration(o.config);
  prepare_output_folder(o.output, "-o");  // before the worlds load: a mistake is told at once
  const Params defaults = load_defaults(g.paths.defaults_file);
  RunContext ctx;
  ctx.default_world_dir = g.paths.world_dir;
  const CalibrationProblem problem(config, load_scenarios(config, defaults, g.paths.scenario_dir), ctx);
  const Method method = o.abc ? Method::abc : config.method;
  if (!o.evaluate && config.params.empty())
    throw InputError({config.file}, "no parameters to fit: give 'parameters', or measure the targets with --evaluate");
  spdlog::info("{}: {} runs per evaluation ({} seeds), {} world load{}", o.config, problem.runs_per_evaluation(),
               config.seeds.size(), problem.world_loads(), problem.world_loads() == 1 ? "" : "s");
  const fs::path dir(o.output);

  // Every evaluation of the search (Nelder-Mead, --evaluate), one flushed
  // line each, so that a search stopped midway leaves the finished ones.
  const bool logs = o.evaluate || method == Method::nelder_mead || config.abc.polish;
  std::ofstream log;
  if (logs) {
    log.open(dir / "evaluations.csv");
    log << evaluations_header(config) << std::flush;
  }
  auto report = [&](int n, const Evaluation& e) {
    log << evaluation_row(n, e) << std::flush;
    std::string line = fmt::format("{:>4} objective {:9.4f} |", n, e.objective);
    for (std::size_t p = 0; p < e.values.size(); ++p)
      line += fmt::format(" {}={:.4g}", config.params[p].path, e.values[p]);
    spdlog::info("{}", line);
  };

  Evaluation best;
  std::string what;
  int evaluations = 0;
  auto counted = [&](int n, const Evaluation& e) {
    evaluations = n;
    report(n, e);
  };
  try {
    if (o.evaluate) {
      best = problem.evaluate(problem.current_values());
      counted(1, best);
      what = "fit of the current values";
    } else if (method == Method::nelder_mead) {
      best = nelder_mead(problem, {}, counted);
      what = "best fit (Nelder-Mead)";
    } else {
      best = run_abc_files(problem, dir);
      what = "closest accepted ABC point";
      if (config.abc.polish) {
        best = nelder_mead(problem, best.values, counted);
        what = "best fit (Nelder-Mead from the closest ABC point)";
      }
    }
  } catch (const Interrupted& e) {
    // evaluations.csv holds every finished evaluation (one flushed line
    // each); the one in progress is dropped, and no fit.csv claims a result.
    throw Interrupted(e.signal(),
                      fmt::format("{} at a step boundary: {} evaluations finished{}; no fit.csv written", e.what(),
                                  evaluations, logs ? ", in " + (dir / "evaluations.csv").string() : std::string()));
  }
  if (logs && !log.flush())
    throw std::runtime_error(fmt::format("cannot write {}", (dir / "evaluations.csv").string()));
  write_file_atomically((dir / "fit.csv").string(), fit_csv(config, best));

  print_fit(config, best, what);
  std::vector<std::string> written = {"fit.csv"};
  if (logs) written.push_back("evaluations.csv");
  if (!o.evaluate && method == Method::abc)
    for (const char* f : {"abc_points.csv", "posterior.csv", "posterior_summary.csv", "predictive.csv"})
      written.push_back(f);
  fmt::print("tables in {}/: {}\n", o.output, fmt::join(written, ", "));

  if (!o.markdown.empty() || !o.update_doc.empty()) {
    std::string command = fmt::format("urbis calibrate {} --evaluate", shown(o.config));
    if (!o.update_doc.empty()) command += fmt::format(" --update-doc {}", shown(o.update_doc));
    const std::string table = validation_markdown(config, best, command);
    if (!o.markdown.empty()) write_file_atomically(o.markdown, table);
    if (!o.update_doc.empty())
      write_file_atomically(o.update_doc, replace_fragment(read_text(o.update_doc), table, o.update_doc));
  }

  const auto missed = std::count_if(best.fits.begin(), best.fits.end(), [](const TargetFit& f) { return !f.met; });
  if (o.check && missed > 0) {
    spdlog::error("{} of {} targets missed (--check)", missed, best.fits.size());
    return kTargetsMissed;
  }
  return 0;
}

}  // namespace

void add_calibrate_commands(Commands& commands) {
  auto o = std::make_shared<CalibrateOptions>();
  CLI::App* cmd = commands.add("calibrate",
                               "Fit parameters to calibration targets over replicate seeds (Nelder-Mead or ABC), "
                               "or check the current values against them",
                               [o](const CliGlobals& g) { return calibrate_command(*o, g); });
  cmd->add_option("config", o->config, "Calibration config (configs/calibration/calibrate.yaml)")->required();
  cmd->add_option("-o,--output", o->output, "Folder for the tables (default out/calibration)");
  auto* evaluate = cmd->add_flag("--evaluate", o->evaluate, "Measure the fit of the current values only; no search");
  cmd->add_flag("--abc", o->abc, "Approximate Bayesian computation (the config's abc: settings) instead of Nelder-Mead")
      ->excludes(evaluate);
  cmd->add_flag("--check", o->check, "Exit with code 3 when any target of the printed fit is missed");
  cmd->add_option("--markdown", o->markdown, "Write the fit as a Markdown table (for docs/VALIDATION.md)");
  cmd->add_option("--update-doc", o->update_doc,
                  "Replace the table between the validation-table markers of this Markdown file");
}

}  // namespace urbis
