#include "sim/sweep/effects_check.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/executor.hpp"
#include "sim/sweep/outcome.hpp"
#include "sim/sweep/world_cache.hpp"

namespace urbis::sweep {

std::vector<std::string> parameters_without_effect(const SweepPlan& plan) {
  const auto& params = plan.spec.params;
  const std::size_t k = params.size();
  std::vector<double> low(k), high(k);
  for (std::size_t j = 0; j < k; ++j) {
    if (plan.spec.design == DesignType::grid) {
      low[j] = *std::min_element(params[j].values.begin(), params[j].values.end());
      high[j] = *std::max_element(params[j].values.begin(), params[j].values.end());
    } else {
      low[j] = params[j].min;
      high[j] = params[j].max;
    }
  }
  WorldCache worlds(interruptible(plan.context));
  const std::uint64_t seed = run_seed(plan.spec.seed, 0, 0);
  std::vector<std::uint64_t> prints(k + 1);
  tbb::parallel_for(std::size_t{0}, k + 1, [&](std::size_t c) {
    tbb::this_task_arena::isolate([&] {
      Scenario s = plan.bases.front();
      for (std::size_t j = 0; j < k; ++j)
        apply_override(s, fmt::format("{}={}", params[j].path, c == j + 1 ? high[j] : low[j]));
      s.seed = seed;
      const auto data = worlds.get(s);
      FingerprintObserver f;
      run_loaded(s, *data, f, worlds.context());
      prints[c] = f.value();
    });
  });
  std::vector<std::string> none;
  for (std::size_t j = 0; j < k; ++j) {
    const bool same = prints[j + 1] == prints[0] || low[j] == high[j];
    fmt::print("{:<40} {} -> {}: {}\n", params[j].path, low[j], high[j],
               same ? "NO EFFECT on any output" : "changes the outputs");
    if (same) none.push_back(params[j].path);
  }
  return none;
}

}  // namespace urbis::sweep
