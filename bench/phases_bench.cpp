// Each phase of a step (MODEL.md section 3.1) and the whole step, on
// synthetic worlds of 10^3..10^6 cities with 1 and 2 threads. Every timed
// iteration starts from the same mid-run world (restored untimed), so that
// repeated iterations do not drift (founding adds networks, growth compounds).
// items_per_second is city-steps per second.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/metrics.hpp"
#include "bench/bench_world.hpp"
#include "sim/engine/run.hpp"
#include "sim/engine/step.hpp"

namespace urbis::bench {
namespace {

using PhaseFn = std::function<void(World&, Params&, Timeline&, const Streams&)>;

struct PhaseCase {
  const char* name;
  PhaseFn run;
};

const PhaseCase kPhases[] = {
    {"events", [](World& w, Params& p, Timeline& t, const Streams&) { phase_events(w, p, t); }},
    {"budgets", [](World& w, Params& p, Timeline&, const Streams&) { phase_budgets(w, p); }},
    {"competition", [](World& w, Params& p, Timeline&, const Streams&) { phase_competition(w, p); }},
    {"economy", [](World& w, Params& p, Timeline&, const Streams& r) { phase_economy(w, p, r); }},
    {"coalitions", [](World& w, Params& p, Timeline&, const Streams& r) { phase_coalitions(w, p, r); }},
    {"networks", [](World& w, Params& p, Timeline&, const Streams&) { phase_networks(w, p); }},
    {"founding", [](World& w, Params& p, Timeline&, const Streams& r) { phase_founding(w, p, r); }},
    {"states", [](World& w, Params& p, Timeline&, const Streams& r) { phase_states(w, p, r); }},
    {"learning", [](World& w, Params& p, Timeline&, const Streams& r) { phase_learning(w, p, r); }},
    {"metrics", [](World& w, Params&, Timeline&, const Streams&) { benchmark::DoNotOptimize(global_metrics(w)); }},
};

// Only the metrics: a whole year is Run::step (sim/engine/run.hpp).
struct Unwritten : RunObserver {
  void observe(const World&, const GlobalMetrics& m) override { benchmark::DoNotOptimize(m); }
};

// A phase alone, or (phase == nullptr) a whole year as every run steps it:
// the step, then the observation's metrics.
void run_phase(benchmark::State& state, const PhaseCase* phase, std::int64_t cities, int threads) {
  const Prepared& pre = prepared(cities);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  std::optional<Run> run;
  Unwritten observer;
  for (auto _ : state) {
    state.PauseTiming();
    run.emplace(*pre.run);  // a step changes the world, its parameters and its timeline
    state.ResumeTiming();
    if (phase) {
      phase->run(run->world(), run->params(), run->timeline(), run->streams());
    } else {
      run->step(observer);
    }
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * cities);
  state.counters["cities"] = static_cast<double>(cities);
  state.counters["threads"] = threads;
}

// Registered size by size (the world cache holds one size at a time). About
// 3 x 10^5 city-steps per repetition and never fewer than 3 iterations keeps
// the 10^6 cases to a few seconds each.
int register_all() {
  for (std::int64_t cities : {1'000, 10'000, 100'000, 1'000'000}) {
    const auto iterations = std::max<std::int64_t>(3, 300'000 / cities);
    std::vector<std::pair<std::string, const PhaseCase*>> cases;
    for (const auto& phase : kPhases) cases.emplace_back(phase.name, &phase);
    cases.emplace_back("step", nullptr);
    for (const auto& [label, phase] : cases)
      for (int threads : {1, 2}) {
        const std::string name = label + "/cities:" + std::to_string(cities) + "/threads:" + std::to_string(threads);
        benchmark::RegisterBenchmark(
            name.c_str(), [phase, cities, threads](benchmark::State& s) { run_phase(s, phase, cities, threads); })
            ->Iterations(iterations)
            ->UseRealTime()
            ->Unit(benchmark::kMicrosecond);
      }
  }
  return 0;
}
const int registered = register_all();

}  // namespace
}  // namespace urbis::bench
