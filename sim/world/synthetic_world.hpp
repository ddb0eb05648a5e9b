#pragma once
#include "sim/scenario/scenario.hpp"
#include "sim/world/world_data.hpp"

namespace urbis {

// A synthetic world: spec.cities cities with Zipf-distributed populations
// spread over spec.states states in spec.regions regions, each state with
// its own growth of population and GDP per capita (its data paths). Its
// spec.networks start networks are founded at initialisation, like a real
// world's filler networks. Deterministic in spec.seed; linear in the number
// of cities (millions are fine). Reads no model parameter.
WorldData make_synthetic_world(const SyntheticWorldSpec& spec, int start_year);

}  // namespace urbis
