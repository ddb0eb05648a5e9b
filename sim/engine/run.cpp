#include "sim/engine/run.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "sim/engine/initialise.hpp"
#include "sim/engine/step.hpp"
#include "sim/engine/timeline.hpp"
#include "sim/world/real_world.hpp"
#include "sim/world/synthetic_world.hpp"
#include "sim/world/world_files.hpp"

namespace urbis {

namespace {
double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

WorldData load_world(const Scenario& s, const RunContext& ctx) {
  if (s.world.kind == WorldSpec::Kind::synthetic) return make_synthetic_world(s.world.synthetic, s.start);
  RealWorldSpec spec = s.world.real;
  if (spec.directory.empty()) spec.directory = ctx.default_world_dir;
  return load_real_world(spec, s.start);
}

std::string world_key(const Scenario& s, const RunContext& ctx) {
  if (s.world.kind == WorldSpec::Kind::synthetic) {
    const SyntheticWorldSpec& w = s.world.synthetic;
    return fmt::format("synthetic {} {} {} {} {} {} {}", w.cities, w.states, w.regions, w.networks, w.seed,
                       w.zipf_exponent, s.start);
  }
  const std::string& dir = s.world.real.directory.empty() ? ctx.default_world_dir : s.world.real.directory;
  return fmt::format("real {} {}\n{}", dir, s.start, world_files_fingerprint(dir));
}

std::vector<std::string> network_names_at_start(const Scenario& s, const WorldData& data) {
  std::vector<std::string> names;
  for (const auto& seed : data.networks) names.push_back(seed.name);
  Timeline timeline(s, data);
  World w = data.world;
  Params params = s.params;
  initialise_world(w, timeline, s, params, Streams(s.seed));
  for (const auto& n : w.networks.name)
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  return names;
}

RunSummary run_loaded(const Scenario& s, const WorldData& data, RunObserver& observer, const RunContext& ctx) {
  const auto t0 = std::chrono::steady_clock::now();
  RunSummary summary;
  summary.world_problems = data.problems;
  Timeline timeline(s, data);  // validates the events against this world
  World w = data.world;
  Params params = s.params;    // events may change parameters during the run
  const Streams rng(s.seed);
  initialise_world(w, timeline, s, params, rng);
  summary.load_seconds = seconds_since(t0);

  const auto t1 = std::chrono::steady_clock::now();
  observer.begin(s, w);
  const int total = s.end - s.start + 1;
  for (int year = s.start; year <= s.end; ++year) {
    w.global.year = year;
    step_world(w, params, timeline, rng);
    observer.observe(w, global_metrics(w));
    ++w.global.step;
    if (ctx.progress) ctx.progress(year - s.start + 1, total);
  }
  observer.finish(w);
  summary.step_seconds = seconds_since(t1);
  summary.years = total;
  summary.cities = w.cities.size();
  summary.states = w.states.size();
  summary.networks_ever = w.networks.size();
  return summary;
}

RunSummary run_scenario(const Scenario& s, RunObserver& observer, const RunContext& ctx) {
  const auto t0 = std::chrono::steady_clock::now();
  const WorldData data = load_world(s, ctx);
  const double load = seconds_since(t0);
  RunSummary summary = run_loaded(s, data, observer, ctx);
  summary.load_seconds += load;
  return summary;
}

}  // namespace urbis
