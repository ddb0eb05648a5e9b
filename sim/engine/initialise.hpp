#pragma once
// From loaded data to the world of the first step, the same way for real and
// synthetic worlds (MODEL.md section 5): x ~ Beta(2,2), a = a0 (1 - kappa),
// o = O_j, V = 0, named networks founded up to the start, filler networks up
// to the scenario's initial count, and start-up portfolio reviews so the
// first year does not begin with empty networks.
#include "sim/core/random.hpp"
#include "sim/engine/timeline.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/world/world_data.hpp"

namespace urbis {

void initialise_world(World& world, Timeline& timeline, const Scenario& scenario, const Params& params,
                      const Streams& rng);

// Refreshes world GDP, fees and budgets (the start of phase 2; also used at start-up).
void refresh_budgets(World& world, const Params& params);

}  // namespace urbis
