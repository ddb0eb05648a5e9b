// How the cost of a city-step grows with the number of networks (issue 15):
// synthetic worlds of 10^4, 10^5 and 10^6 cities with 60 and 400 start networks,
// 2 threads. The start-up (a Run made from the loaded world), a whole
// step, and the portfolio review alone with the pruned search the model
// runs and with the exhaustive reference (agents/city/portfolio.hpp), which
// give the same memberships. items_per_second is city-steps per second.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <optional>
#include <string>

#include "agents/city/portfolio.hpp"
#include "agents/state/gaps.hpp"
#include "analysis/metrics.hpp"
#include "bench/bench_world.hpp"
#include "sim/engine/run.hpp"

namespace urbis::bench {
namespace {

constexpr int kThreads = 2;

void finish(benchmark::State& state, std::int64_t cities, std::int64_t networks) {
  state.SetItemsProcessed(state.iterations() * cities);
  state.counters["cities"] = static_cast<double>(cities);
  state.counters["networks"] = static_cast<double>(networks);
  state.counters["threads"] = kThreads;
}

// The start-up as a run has it: the events bound, the loaded world copied
// and initialised (Run's constructor).
void startup(benchmark::State& state, std::int64_t cities, std::int64_t networks) {
  const Prepared& pre = prepared(cities, networks);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, kThreads);
  for (auto _ : state) {
    Run run(*pre.scenario, *pre.data);
    benchmark::DoNotOptimize(run.world().cities.size());
  }
  finish(state, cities, networks);
}

void step(benchmark::State& state, std::int64_t cities, std::int64_t networks) {
  const Prepared& pre = prepared(cities, networks);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, kThreads);
  std::optional<Run> run;
  for (auto _ : state) {
    state.PauseTiming();
    run.emplace(*pre.run);  // a step changes the world, its parameters and its timeline
    state.ResumeTiming();
    run->step();
    benchmark::DoNotOptimize(global_metrics(run->world()));
  }
  finish(state, cities, networks);
}

// Every city reviews (p_review = 1), so the figure is the cost of a review.
void review(benchmark::State& state, std::int64_t cities, std::int64_t networks, ReviewSearch search) {
  const Prepared& pre = prepared(cities, networks);
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, kThreads);
  const CoalitionParams& p = pre.run->params().coalitions;
  World w = pre.run->world();
  update_gaps(w.global, w.states, p);
  const World start = w;
  for (auto _ : state) {
    state.PauseTiming();
    w = start;
    state.ResumeTiming();
    benchmark::DoNotOptimize(review_portfolios(w.coalition_view(), p, pre.run->streams(), w.global.step, 1.0, search));
  }
  finish(state, cities, networks);
}

// Registered size by size (the world cache holds one world at a time).
int register_all() {
  for (std::int64_t cities : {10'000, 100'000, 1'000'000})
    for (std::int64_t networks : {60, 400}) {
      const std::string tail = "/cities:" + std::to_string(cities) + "/networks:" + std::to_string(networks) +
                               "/threads:" + std::to_string(kThreads);
      const auto iterations = std::max<std::int64_t>(3, 200'000 / cities);
      auto add = [&](const std::string& name, auto fn) {
        benchmark::RegisterBenchmark(("network_scaling/" + name + tail).c_str(), fn)
            ->Iterations(iterations)
            ->UseRealTime()
            ->Unit(benchmark::kMillisecond);
      };
      add("startup", [=](benchmark::State& s) { startup(s, cities, networks); });
      add("step", [=](benchmark::State& s) { step(s, cities, networks); });
      add("review_pruned", [=](benchmark::State& s) { review(s, cities, networks, ReviewSearch::pruned); });
      if (cities < 1'000'000)  // the reference takes most of a second a review at 10^6
        add("review_exhaustive", [=](benchmark::State& s) { review(s, cities, networks, ReviewSearch::exhaustive); });
    }
  return 0;
}
const int registered = register_all();

}  // namespace
}  // namespace urbis::bench
