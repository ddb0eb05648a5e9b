#pragma once
// Phase 7 (MODEL 7.6): states update climate commitment, their cities'
// tension, autonomy (pre-emption or relaxation) and partnership.
#include <cstdint>

#include "agents/world.hpp"
#include "sim/core/params.hpp"
#include "sim/core/random.hpp"

namespace urbis {

void govern(World& world, const StateParams& p, const Streams& rng, std::uint32_t step);

// A state joins (member = true) or leaves an agreement. Leaving marks the
// agreement's issue as a conflict between the state and networks on it;
// leaving a union also costs the state openness (union_exit_openness).
void set_agreement(World& world, int state, int agreement, bool member, const StateParams& p);

// Index of the climate agreement (the first non-union agreement on climate), or -1.
int climate_agreement(const World& world);

}  // namespace urbis
