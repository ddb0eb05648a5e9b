// The real-world paris_withdrawal scenario (1,861 cities, 1985-2035): loading
// the world, and whole runs on the loaded world with and without writing the
// outputs (run_loaded: initialisation, 51 steps and their metrics).
// items_per_second is city-steps per second.
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>

#include <filesystem>

#include "bench/bench_world.hpp"
#include "sim/engine/run.hpp"
#include "sim/output/csv_output.hpp"

namespace urbis::bench {
namespace {

struct NoOutput : RunObserver {
  void observe(const World&, const GlobalMetrics& m) override { benchmark::DoNotOptimize(m); }
};

const Real& paris() {
  static const Real r = load_paris_withdrawal();
  return r;
}

std::int64_t city_steps(const Real& r) {
  return static_cast<std::int64_t>(r.data->world.cities.size()) * (r.scenario->end - r.scenario->start + 1);
}

RunContext context() {
  RunContext ctx;
  ctx.default_world_dir = source("configs/world");
  return ctx;
}

// Reading the world files and the scenario (YAML, CSV) into a WorldData.
void paris_load(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(load_paris_withdrawal());
}
BENCHMARK(paris_load)->Name("paris_withdrawal/load")->UseRealTime()->Unit(benchmark::kMillisecond);

void paris_run(benchmark::State& state) {
  const Real& r = paris();
  const auto threads = static_cast<std::size_t>(state.range(0));
  const bool write = state.range(1) != 0;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const auto dir = std::filesystem::temp_directory_path() / "urbis-bench-paris";
  for (auto _ : state) {
    if (write) {
      std::filesystem::remove_all(dir);
      std::filesystem::create_directories(dir);
      CsvOutput out(dir.string(), *r.scenario);  // every file the scenario asks for, cities.csv included
      run_loaded(*r.scenario, *r.data, out, context());
    } else {
      NoOutput none;
      run_loaded(*r.scenario, *r.data, none, context());
    }
  }
  std::filesystem::remove_all(dir);
  state.SetItemsProcessed(state.iterations() * city_steps(r));
  state.counters["threads"] = static_cast<double>(threads);
}
BENCHMARK(paris_run)
    ->Name("paris_withdrawal/run")
    ->ArgNames({"threads", "output"})
    ->ArgsProduct({{1, 2}, {0, 1}})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace urbis::bench
