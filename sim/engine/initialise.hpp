#pragma once
// From loaded data to the world of the first step, the same way for real and
// synthetic worlds (MODEL.md section 5). The engine orders the steps; the
// rules are the agents' (agents/initial.hpp, agents/network/*): states and
// cities on their data paths, named networks founded up to the start, start
// networks up to the scenario's count, and start-up portfolio reviews.
#include "sim/core/random.hpp"
#include "sim/engine/timeline.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/world/world_data.hpp"

namespace urbis {

void initialise_world(World& world, Timeline& timeline, const Scenario& scenario, const Params& params,
                      const Streams& rng);

}  // namespace urbis
