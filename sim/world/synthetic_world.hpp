#pragma once
#include "sim/scenario/scenario.hpp"
#include "sim/world/world_data.hpp"

namespace urbis {

// A synthetic world: spec.cities cities with Zipf-distributed populations
// spread over spec.states states in spec.regions regions, and spec.networks
// networks with random issues and scopes. Deterministic in spec.seed; linear
// in the number of cities (millions are fine).
WorldData make_synthetic_world(const SyntheticWorldSpec& spec, int start_year, const Params& params);

}  // namespace urbis
