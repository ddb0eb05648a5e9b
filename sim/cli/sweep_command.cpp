// `urbis sweep`, `urbis sweep merge`, `urbis summarize`, `urbis sensitivity`
// (docs/SWEEPS.md).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "analysis/sensitivity.hpp"
#include "analysis/summary.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/output_folder.hpp"
#include "sim/cli/sweep_command.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/effects_check.hpp"
#include "sim/sweep/mpi_runner.hpp"
#include "sim/sweep/records.hpp"
#include "sim/sweep/runner.hpp"

namespace fs = std::filesystem;

namespace urbis {

namespace {

struct SweepArgs {
  std::string file, output, shard, merge_dir, dir, out_file;
  bool resume = false, progress = true, check_effects = false;
  int resamples = 1000;
  std::uint64_t seed = 1;
};

// "I/N" -> (I, N) with 0 <= I < N.
std::pair<int, int> parse_shard(const std::string& text, const std::string& where) {
  const auto slash = text.find('/');
  int i = -1, n = 0;
  try {
    if (slash != std::string::npos) {
      std::size_t a = 0, b = 0;
      i = std::stoi(text.substr(0, slash), &a);
      n = std::stoi(text.substr(slash + 1), &b);
      if (a != slash || b != text.size() - slash - 1) n = 0;
    }
  } catch (const std::exception&) {
    n = 0;
  }
  if (n < 1 || i < 0 || i >= n)
    throw InputError({where}, fmt::format("expected I/N with 0 <= I < N (such as 0/3), got '{}'", text));
  return {i, n};
}

// The shard from --shard, else from a Slurm array task.
std::pair<int, int> shard_of(const SweepArgs& a) {
  if (!a.shard.empty()) return parse_shard(a.shard, "--shard");
  const char* id = std::getenv("SLURM_ARRAY_TASK_ID");
  const char* count = std::getenv("SLURM_ARRAY_TASK_COUNT");
  if (!id) return {0, 1};
  if (!count) throw InputError({"SLURM_ARRAY_TASK_ID"}, "set without SLURM_ARRAY_TASK_COUNT; pass --shard I/N");
  const char* min = std::getenv("SLURM_ARRAY_TASK_MIN");
  const long first = min ? std::atol(min) : 0;
  return parse_shard(fmt::format("{}/{}", std::atol(id) - first, count), "SLURM_ARRAY_TASK_ID");
}

}  // namespace

sweep::SweepPlan sweep_plan(const std::string& file, const CliGlobals& g) {
  sweep::SweepSpec spec = sweep::load_sweep(file);
  const Params defaults = load_defaults(g.paths.defaults_file);
  // Each scenario: relative to the sweep file's folder, else a library name.
  std::vector<Scenario> bases;
  std::vector<std::string> args;
  ErrorList errors;
  for (std::size_t i = 0; i < spec.scenarios.size(); ++i)
    errors.attempt([&] {
      const std::string& name = spec.scenarios[i];
      const fs::path beside = fs::path(file).parent_path() / name;
      std::string path, arg;
      if (fs::path(name).is_absolute()) {
        path = arg = name;
      } else if (fs::exists(beside)) {
        path = arg = beside.lexically_normal().string();
      } else if (name.find('/') == std::string::npos) {
        path = resolve_scenario_path(name, g.paths);
        arg = name;
      }
      if (path.empty() || !fs::exists(path))
        throw InputError(spec.scenario_wheres[i],
                         fmt::format("scenario '{}' not found beside the sweep file nor in the scenario library ({}){}",
                                     name, g.paths.scenario_dir, did_you_mean(name, library_names(g.paths))));
      bases.push_back(load_scenario(path, defaults, {g.paths.scenario_dir}));
      args.push_back(arg);
    });
  errors.throw_if_any();
  RunContext ctx;
  ctx.default_world_dir = g.paths.world_dir;
  return sweep::make_plan(std::move(spec), std::move(bases), std::move(args), ctx);
}

namespace {

int sweep_command(const SweepArgs& a, const CliGlobals& g) {
  if (a.file.empty()) throw InputError({"urbis sweep"}, "expected a sweep file (or: urbis sweep merge DIR)");
  const sweep::SweepPlan plan = sweep_plan(a.file, g);
  if (a.check_effects) {
    const auto none = sweep::parameters_without_effect(plan);
    if (none.empty()) {
      fmt::print("every varied parameter changes the outputs\n");
      return 0;
    }
    spdlog::error("{} varied parameter{} changed nothing the run reports: {}", none.size(), none.size() == 1 ? "" : "s",
                  fmt::join(none, ", "));
    return 1;
  }
  sweep::SweepOptions o;
  o.output = a.output;
  o.resume = a.resume;
  std::tie(o.shard_index, o.shard_count) = shard_of(a);
  o.progress = a.progress;
  o.threads = g.threads;
  const std::string dir = o.output.empty() ? plan.spec.output : o.output;
  prepare_output_folder(dir, o.output.empty() ? "output.directory" : "-o");
  if (!sweep::launched_by_mpi())
    spdlog::info("{}: {} points x {} replicates = {} runs{}, into {}/", plan.spec.name, plan.point_count(),
                 plan.spec.replicates, plan.runs(),
                 o.shard_count > 1 ? fmt::format(" (shard {}/{})", o.shard_index, o.shard_count) : "", dir);
  return sweep::run_sweep(plan, o);
}

struct Manifest {
  nlohmann::json json;
  std::vector<std::string> params, metrics;
  std::vector<ParamScale> scales;
};

Manifest read_manifest(const std::string& dir) {
  const std::string path = sweep::manifest_path(dir);
  std::ifstream in(path);
  if (!in) throw InputError({dir}, "no sweep.json here: not the output folder of a sweep");
  Manifest m;
  try {
    m.json = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw InputError({path}, fmt::format("not valid JSON ({}); the sweep folder is damaged", e.what()));
  }
  for (const auto& p : m.json.at("parameters")) {
    m.params.push_back(p.at("path"));
    m.scales.push_back({p.at("path"), p.at("min"), p.at("max"), p.at("scale") == "log"});
  }
  m.metrics = m.json.at("metrics").get<std::vector<std::string>>();
  if (!fs::exists(fs::path(dir) / "runs.csv"))
    throw InputError({dir}, "no runs.csv yet: finish the sweep (--resume) or join its shards with urbis sweep merge");
  return m;
}

int summarize_command(const SweepArgs& a) {
  const Manifest m = read_manifest(a.dir);
  const CsvTable runs = read_csv((fs::path(a.dir) / "runs.csv").string());
  const std::string out = a.out_file.empty() ? (fs::path(a.dir) / "summary.csv").string() : a.out_file;
  if (!a.out_file.empty()) check_output_file(out, "-o");
  // With a scenarios factor, a point is a parameter point with a scenario: summaries name it.
  std::vector<std::string> columns = m.params;
  if (m.json.contains("scenarios")) columns.insert(columns.begin(), "scenario");
  write_file_atomically(out, summary_csv(runs, columns, m.metrics));
  fmt::print("summary written: {}\n", out);
  return 0;
}

int sensitivity_command(const SweepArgs& a) {
  const Manifest m = read_manifest(a.dir);
  const CsvTable runs = read_csv((fs::path(a.dir) / "runs.csv").string());
  const std::string design = m.json.at("design");
  const auto samples = m.json.at("samples").get<std::size_t>();
  std::string text, name;
  if (design == "saltelli") {
    text = sobol_csv(runs, m.scales, m.metrics, samples, a.resamples, a.seed);
    name = "sobol.csv";
  } else if (design == "morris") {
    text = morris_csv(runs, m.scales, m.metrics, samples, a.resamples, a.seed);
    name = "morris.csv";
  } else {
    throw InputError({a.dir},
                     fmt::format("sensitivity indices need a saltelli or morris design; this sweep's is {}", design));
  }
  const std::string out = a.out_file.empty() ? (fs::path(a.dir) / name).string() : a.out_file;
  if (!a.out_file.empty()) check_output_file(out, "-o");
  write_file_atomically(out, text);
  fmt::print("{}", text);
  fmt::print("written: {}\n", out);
  return 0;
}

}  // namespace

void add_sweep_commands(Commands& commands) {
  auto a = std::make_shared<SweepArgs>();
  CLI::App* cmd = commands.add("sweep", "Run a parameter sweep (docs/SWEEPS.md); 'sweep merge DIR' joins shards",
                               [a](const CliGlobals& g) {
                                 if (!a->merge_dir.empty()) return sweep::merge_sweep(a->merge_dir);
                                 return sweep_command(*a, g);
                               });
  cmd->add_option("sweep_file", a->file, "The sweep file (YAML)");
  cmd->add_option("-o,--output", a->output, "Output folder (default: the sweep's output.directory)");
  cmd->add_flag("--resume", a->resume, "Do only the runs not yet recorded in the output folder");
  cmd->add_option("--shard", a->shard,
                  "Do share I of N (0 <= I < N) of the runs; default from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT");
  cmd->add_flag("--check-effects", a->check_effects,
                "Only check that each varied parameter changes the outputs (exit 1 when one does not)");
  cmd->add_flag("!--no-progress", a->progress, "No progress line");
  CLI::App* merge =
      cmd->add_subcommand("merge", "Join the records of a sweep's shards into runs.csv; list missing runs");
  merge->add_option("dir", a->merge_dir, "The sweep's output folder")->required();

  CLI::App* sum =
      commands.add("summarize", "Per point, across replicates: mean, sd, 95% CI and quantiles (summary.csv)",
                   [a](const CliGlobals&) { return summarize_command(*a); });
  sum->add_option("dir", a->dir, "A sweep's output folder (with runs.csv)")->required();
  sum->add_option("-o,--output", a->out_file, "Output file (default: DIR/summary.csv)");

  CLI::App* sens = commands.add("sensitivity", "Sobol (saltelli design) or Morris indices of a sweep, as CSV",
                                [a](const CliGlobals&) { return sensitivity_command(*a); });
  sens->add_option("dir", a->dir, "A sweep's output folder (with runs.csv)")->required();
  sens->add_option("-o,--output", a->out_file, "Output file (default: DIR/sobol.csv or DIR/morris.csv)");
  sens->add_option("--bootstrap", a->resamples, "Bootstrap resamples for the confidence intervals")
      ->check(CLI::Range(0, 100000));
  sens->add_option("--bootstrap-seed", a->seed, "Seed of the bootstrap");
}

}  // namespace urbis
