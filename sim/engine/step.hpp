#pragma once
// One year of the model: the nine phases of MODEL.md section 3, in order.
#include <array>
#include <string_view>

#include "sim/core/random.hpp"
#include "sim/engine/timeline.hpp"

namespace urbis {

// Wall time spent in each phase of the step, summed over the steps of a run
// (run.json's phase_seconds): where a run's time goes, for anyone to read
// without a profiler. The last entry is observation, the caller's.
inline constexpr std::array<std::string_view, 10> kPhaseNames = {"events",     "budgets",    "competition", "economy",
                                                                 "coalitions", "networks",   "founding",    "states",
                                                                 "learning",   "observation"};
struct PhaseSeconds {
  std::array<double, kPhaseNames.size()> seconds{};
};

// Steps the world through its current year (world.global.year); the caller
// observes it and then advances the year. The world's log holds this step's
// events afterwards. With `times`, each phase's wall time is added to it.
void step_world(World& world, Params& params, Timeline& timeline, const Streams& rng, PhaseSeconds* times = nullptr);

// The phases step_world runs, in its order (MODEL.md section 3.1); apart so
// that each can be timed on its own (bench/). Phase 9, observation, is the
// caller's: global_metrics (analysis/metrics.hpp) and the output writers.
void phase_events(World& world, Params& params, Timeline& timeline);            // 1. events, salience
void phase_budgets(World& world, const Params& params);                         // 2. budgets
void phase_competition(World& world, const Params& params);                     // 3. competition
void phase_economy(World& world, const Params& params, const Streams& rng);     // 4. growth, budgets again
void phase_coalitions(World& world, const Params& params, const Streams& rng);  // 5. portfolio reviews
void phase_networks(World& world, const Params& params);                        // 6a. aggregates .. reputation
void phase_founding(World& world, const Params& params, const Streams& rng);    // 6b. founding, dissolution
void phase_states(World& world, const Params& params, const Streams& rng);      // 7. states
void phase_learning(World& world, const Params& params, const Streams& rng);    // 8. payoffs, imitation

}  // namespace urbis
