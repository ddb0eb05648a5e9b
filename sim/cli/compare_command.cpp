// `urbis compare A [B] --seeds 1-10`: a scenario against its counterfactual
// (B, or A's compare_with:), both run with the same seeds, and the tables of
// their paired differences (sim/compare/, analysis/effects.hpp).
//   DIR/effects.csv, effects_summary.csv, seeds.csv   the tables
//   DIR/comparison.json                               what was compared, how; written last
//   DIR/runs/{a,b}/<seed>/                            every run's folder, with --keep-runs
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "sim/cli/commands.hpp"
#include "sim/cli/output_folder.hpp"
#include "sim/cli/seeds.hpp"
#include "sim/cli/work_folder.hpp"
#include "sim/compare/effect_tables.hpp"
#include "sim/compare/paired_runs.hpp"
#include "sim/core/interrupt.hpp"
#include "sim/output/atomic_file.hpp"
#include "sim/output/run_record.hpp"
#include "sim/output/stale_temps.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace urbis {

namespace {

struct CompareArgs {
  std::string a, b, output, seeds = "1-10";
  std::vector<std::string> states, networks, cities;
  bool force = false, keep_runs = false, progress = true;
};

// How `urbis run` names a scenario file: its library name when it is one.
std::string arg_of(const std::string& file, const ProjectPaths& paths) {
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(file, ec);
  const fs::path lib = fs::weakly_canonical(paths.scenario_dir, ec);
  if (p.parent_path() == lib) return p.stem().string();
  return file;
}

// Names asked for on the command line, checked against the world.
void check_names(const std::vector<std::string>& asked, const std::vector<std::string>& known, const char* option,
                 const char* what, const char* list) {
  for (const auto& name : asked)
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw InputError({option}, fmt::format("unknown {} '{}'{}; urbis list {} shows them", what, name,
                                             did_you_mean(name, known), list));
}

compare::Selection selection_of(const CompareArgs& x, const compare::Side& a, const compare::Side& b,
                                const ProjectPaths& paths) {
  RunContext ctx;
  ctx.default_world_dir = paths.world_dir;
  const WorldData world = load_world(a.scenario, ctx);
  compare::Selection sel = compare::default_selection(a, b, world);
  const World& w = world.world;
  std::vector<std::string> networks = network_names_at_start(a.scenario, world);
  for (const auto* side : {&a, &b})
    for (const auto& e : side->scenario.events)
      if (e.type == EventType::found_network) networks.push_back(e.name);
  check_names(x.states, w.states.iso3, "--states", "state", "states");
  check_names(x.networks, networks, "--networks", "network", "networks");
  check_names(x.cities, w.cities.name, "--cities", "city", "cities");
  auto add = [](std::vector<std::string>& to, const std::vector<std::string>& more) {
    for (const auto& m : more)
      if (std::find(to.begin(), to.end(), m) == to.end()) to.push_back(m);
  };
  add(sel.states, x.states);
  add(sel.networks, x.networks);
  // Cities asked for, then those of the protagonists.
  std::vector<std::string> cities = x.cities;
  add(cities, sel.cities);
  sel.cities = cities;
  return sel;
}

// Both sides write the same city files (the scenario's, else the
// counterfactual's; every variable when cities were asked for and neither writes them).
void share_city_output(compare::Side& a, compare::Side& b, bool cities_asked) {
  CityOutputSpec spec = a.scenario.output.cities.enabled ? a.scenario.output.cities : b.scenario.output.cities;
  if (!spec.enabled && cities_asked) {
    spec.enabled = true;
    spec.stride = 1;
  }
  a.scenario.output.cities = b.scenario.output.cities = spec;
}

json events_of(const Scenario& s) {
  json list = json::array();
  for (const auto& e : s.events) {
    std::string subject = !e.state.empty()     ? e.state
                          : !e.network.empty() ? e.network
                          : !e.name.empty()    ? e.name
                          : !e.city.empty()    ? e.city
                          : !e.target.empty()  ? e.target
                                               : e.issue;
    std::string text = e.label.empty() ? fmt::format("{} {}", event_type_name(e.type), subject) : e.label;
    list.push_back({{"year", e.year}, {"type", event_type_name(e.type)}, {"subject", subject}, {"label", text}});
  }
  return list;
}

json side_json(const compare::Side& side) {
  const Scenario& s = side.scenario;
  json j;
  j["scenario"] = s.name;
  j["arg"] = side.arg;
  j["description"] = s.description;
  j["scenario_file"] = s.file;
  j["scenario_hash"] = scenario_hash(s);
  j["start"] = s.start;
  j["end"] = s.end;
  j["protagonists"] = s.protagonists;
  j["overrides"] = s.overrides;
  j["events"] = events_of(s);
  return j;
}

std::string signed_stat(double v) { return std::isnan(v) ? "–" : fmt::format("{:+.4g}", v); }
std::string plain_stat(double v) { return std::isnan(v) ? "–" : fmt::format("{:.4g}", v); }

// The effects a reader looks at first: the protagonists' states and the
// world's network measures, over the years from the first difference on.
void print_headline(const compare::ComparisonTables& t, const compare::Side& a, const compare::Side& b,
                    std::size_t seeds) {
  const std::vector<std::string> global = {"network_share", "memberships", "active_networks", "cooperation_index",
                                           "mean_tension"};
  std::vector<const std::pair<compare::SeriesKey, PairedEffect>*> rows;
  for (const auto& r : t.summary_rows) {
    const auto& k = r.first;
    const bool protagonist = k.level == compare::Level::state &&
                             (std::count(a.scenario.protagonists.begin(), a.scenario.protagonists.end(), k.subject) ||
                              std::count(b.scenario.protagonists.begin(), b.scenario.protagonists.end(), k.subject));
    const bool headline = k.level == compare::Level::global && std::count(global.begin(), global.end(), k.metric);
    if ((protagonist || headline) && r.second.n > 0 && r.second.difference != 0) rows.push_back(&r);
  }
  if (t.diverges == 0) {
    fmt::print("{} and {} give the same numbers in every series, year and seed\n", a.scenario.name, b.scenario.name);
    return;
  }
  fmt::print("{} - {}: mean over {}-{} (from the first year they differ), {} seeds, 95% t interval over seeds:\n",
             a.scenario.name, b.scenario.name, t.from, t.to, seeds);
  fmt::print("  {:<24} {:<8} {:>11} {:>11} {:>11} {:>25} {:>9}\n", "metric", "subject", "scenario", "counterfact.",
             "difference", "95% interval", "same sign");
  for (const auto* r : rows) {
    const auto& e = r->second;
    fmt::print("  {:<24} {:<8} {:>11} {:>11} {:>11} {:>25} {:>9}\n", r->first.metric, r->first.subject,
               plain_stat(e.mean_a), plain_stat(e.mean_b), signed_stat(e.difference),
               fmt::format("[{}, {}]", signed_stat(e.ci_low), signed_stat(e.ci_high)),
               fmt::format("{}/{}", e.same_sign, e.n));
  }
}

bool terminal(bool wanted) { return wanted && ::isatty(STDERR_FILENO) && !std::getenv("CI"); }

int compare_command(const CompareArgs& x, const CliGlobals& g) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::string started = utc_now();
  const Params defaults = load_defaults(g.paths.defaults_file);
  const std::vector<std::uint64_t> seeds = parse_seeds(x.seeds, "--seeds");
  compare::Side a{load_scenario(resolve_scenario_path(x.a, g.paths), defaults, {g.paths.scenario_dir}), x.a};
  compare::Side b;
  if (!x.b.empty()) {
    b = {load_scenario(resolve_scenario_path(x.b, g.paths), defaults, {g.paths.scenario_dir}), x.b};
  } else if (!a.scenario.compare_with.empty()) {
    b = {load_scenario(a.scenario.compare_with, defaults, {g.paths.scenario_dir}),
         arg_of(a.scenario.compare_with, g.paths)};
  } else {
    throw InputError({a.scenario.file},
                     "names no counterfactual to compare with: give one (urbis compare "
                     "SCENARIO COUNTERFACTUAL), or add compare_with: NAME to the scenario");
  }
  compare::check_comparable(a.scenario, b.scenario);
  share_city_output(a, b, !x.cities.empty());
  const compare::Selection sel = selection_of(x, a, b, g.paths);

  const std::string dir =
      x.output.empty() ? fmt::format("out/compare/{}-vs-{}", a.scenario.name, b.scenario.name) : x.output;
  const fs::path record = fs::path(dir) / "comparison.json";
  if (fs::exists(record) && !x.force)
    throw InputError({dir},
                     "this folder already holds a finished comparison; choose another with -o, or pass --force "
                     "to replace it");
  prepare_output_folder(dir, x.output.empty() ? "the default output folder" : "-o");
  for (const auto& name : remove_stale_temps(dir))
    spdlog::info("{}: removed {}, left by an interrupted job", dir, name);

  spdlog::info("{} vs {}: {} seeds, {} runs, {}-{}, into {}/", a.scenario.name, b.scenario.name, seeds.size(),
               2 * seeds.size(), a.scenario.start, std::min(a.scenario.end, b.scenario.end), dir);
  WorkFolder work(dir, "comparison");
  compare::PairedOptions o;
  o.seeds = seeds;
  o.selection = sel;
  o.runs_dir = (work.path() / "runs").string();
  o.keep_runs = x.keep_runs;
  o.command_line = g.command_line;
  o.threads = g.threads;
  const bool bar = terminal(x.progress);
  if (bar)
    o.progress = [](int d, int t) { fmt::print(stderr, "\rcompare: {}/{} runs{}", d, t, d == t ? "\r\033[K" : ""); };
  RunContext ctx;
  ctx.default_world_dir = g.paths.world_dir;
  compare::PairedResult runs;
  try {
    runs = compare::run_pairs(a, b, ctx, o);
  } catch (const Interrupted& e) {
    if (bar) fmt::print(stderr, "\r\033[K");
    throw Interrupted(e.signal(), fmt::format("{} at a step boundary: the comparison was not written{}", e.what(),
                                              x.force ? " (the one it was to replace is still in place)" : ""));
  }
  const compare::ComparisonTables t = compare::effect_tables(runs, seeds, sel);

  std::vector<std::string> files = {"effects.csv", "effects_summary.csv", "seeds.csv"};
  write_file_atomically((work.path() / "effects.csv").string(), t.effects);
  write_file_atomically((work.path() / "effects_summary.csv").string(), t.summary);
  write_file_atomically((work.path() / "seeds.csv").string(), t.seeds);
  if (x.keep_runs) files.push_back("runs");

  json j;
  j["format"] = 1;
  j["kind"] = "comparison";
  j["a"] = side_json(a);
  j["b"] = side_json(b);
  j["seeds"] = seeds;
  j["start"] = runs.start;
  j["end"] = runs.end;
  j["diverges"] = t.diverges ? json(t.diverges) : json(nullptr);
  j["summary_years"] = {t.from, t.to};
  j["difference"] = "a - b (the scenario minus its counterfactual), seed by seed";
  j["interval"] = "95% Student t interval of the mean paired difference over seeds (seeds - 1 degrees of freedom)";
  j["relative_difference"] = "difference / |mean of b|";
  j["same_sign"] = "seeds whose difference has the sign of the mean difference (a zero mean: seeds with no difference)";
  j["common_random_numbers"] =
      "both sides run with the same seeds; draws are keyed by seed, step, phase, agent and draw";
  j["selection"] = {{"states", sel.states}, {"networks", sel.networks}, {"cities", sel.cities}};
  j["series"] = t.series;
  j["files"] = files;
  j["version"] = URBIS_VERSION;
  j["threads"] = g.threads;
  j["started"] = started;
  j["finished"] = utc_now();
  j["wall_seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  j["command_line"] = g.command_line;
  write_file_atomically((work.path() / "comparison.json").string(), j.dump(2) + "\n");

  std::vector<std::string> old;
  if (fs::exists(record)) old = {"effects.csv", "effects_summary.csv", "seeds.csv", "runs"};
  work.move_in(dir, files, "comparison.json", old);

  print_headline(t, a, b, seeds.size());
  fmt::print("comparison in {}/ ({}, comparison.json); the report: urbis report {}\n", dir, fmt::join(files, ", "),
             dir);
  return 0;
}

}  // namespace

void add_compare_commands(Commands& commands) {
  auto x = std::make_shared<CompareArgs>();
  CLI::App* cmd =
      commands.add("compare", "Compare a scenario with its counterfactual over paired seeds (common random numbers)",
                   [x](const CliGlobals& g) { return compare_command(*x, g); });
  cmd->add_option("scenario", x->a, "The scenario (a file or library name)")->required();
  cmd->add_option("counterfactual", x->b,
                  "What it is compared with (default: the scenario's compare_with:, such as baseline)");
  cmd->add_option("--seeds", x->seeds, "Seeds, each run on both sides: 1-10 (default), 1,4,9 or 1-5,20");
  cmd->add_option("-o,--output", x->output, "Output folder (default: out/compare/<scenario>-vs-<counterfactual>)");
  cmd->add_option("--states", x->states, "States reported besides the protagonists: --states CAN,USA")->delimiter(',');
  cmd->add_option("--networks", x->networks, "Networks reported (default: the named networks)")->delimiter(',');
  cmd->add_option("--cities", x->cities, "Cities reported besides the protagonists' cities")->delimiter(',');
  cmd->add_flag("--keep-runs", x->keep_runs, "Keep every run's folder in runs/a/<seed>/ and runs/b/<seed>/");
  cmd->add_flag("--force", x->force, "Replace a finished comparison in the output folder");
  cmd->add_flag("!--no-progress", x->progress, "No progress line");
  cmd->footer(
      "Writes effects.csv (per metric, subject and year: both means, the difference, its 95% interval over\n"
      "seeds), effects_summary.csv (the same over the years from the first difference), seeds.csv and\n"
      "comparison.json. urbis report DIR draws it. docs/SCENARIOS.md, 'Comparisons'.");
}

}  // namespace urbis
