#include "sim/engine/run.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>

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

Run::Run(const Scenario& s, const WorldData& data)
    : scenario_(&s), timeline_(s, data), world_(data.world), params_(s.params), rng_(s.seed), next_year_(s.start) {
  initialise_world(world_, timeline_, s, params_, rng_);
}

void Run::step(RunObserver& observer) { advance(&observer); }
void Run::step() { advance(nullptr); }

void Run::advance(RunObserver* observer) {
  if (finished()) throw std::logic_error("the run has ended");
  world_.global.year = next_year_;
  step_world(world_, params_, timeline_, rng_, &phase_seconds_);
  if (observer) {
    const auto t0 = std::chrono::steady_clock::now();
    observer->observe(world_, global_metrics(world_));
    phase_seconds_.seconds.back() += seconds_since(t0);
  }
  // The step counter keys this year's draws; it moves on once the year is observed.
  ++world_.global.step;
  ++next_year_;
}

std::vector<std::string> network_names_at_start(const Scenario& s, const WorldData& data) {
  std::vector<std::string> names;
  for (const auto& seed : data.networks) names.push_back(seed.name);
  const Run run(s, data);
  for (const auto& n : run.world().networks.name)
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  return names;
}

RunSummary run_loaded(const Scenario& s, const WorldData& data, RunObserver& observer, const RunContext& ctx) {
  const auto t0 = std::chrono::steady_clock::now();
  RunSummary summary;
  summary.world_problems = data.problems;
  Run run(s, data);
  summary.load_seconds = seconds_since(t0);

  const auto t1 = std::chrono::steady_clock::now();
  observer.begin(s, run.world());
  while (!run.finished()) {
    run.step(observer);
    if (ctx.progress) ctx.progress(run.years_done(), run.years());
  }
  observer.finish(run.world());
  summary.step_seconds = seconds_since(t1);
  summary.phases = run.phase_seconds();
  const World& w = run.world();
  summary.years = run.years();
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
