#pragma once
// Phase 6b (MODEL 7.5): cooperative budget left unspent founds new networks;
// networks too small, or cut off from their sponsor, for long enough dissolve.
#include <cstdint>

#include "agents/world.hpp"
#include "sim/core/params.hpp"
#include "sim/core/random.hpp"

namespace urbis {

// Q_q = sigma_q sum_i max(0, x_i D_i - fees_i) / sum_i D_i
PerIssue<double> founding_demand(const World& world);

// New networks per issue ~ Poisson(lambda_f Q_q). Each has a founder drawn
// with weight x_i (V_i + 0.01) spare_i, a regional scope with probability
// p_regional, and invites the founder's nearest same-state cities (by
// population) that can afford it; each accepts if its marginal value clears
// u_join. Returns the number founded.
int found_networks(World& world, const Params& p, const Streams& rng, std::uint32_t step);

// A network below n_min members (named ones excepted), or sponsored and
// unfunded, for grace_years consecutive years dissolves and its members are
// released.
int dissolve_weak_networks(World& world, const FoundingParams& p);

// Ends network k now: inactive, members released, logged.
void end_network(World& world, int k, const char* reason);

// Adds city i to network k and keeps the network's counts current within the step.
bool join_network(World& world, std::size_t i, int k);

}  // namespace urbis
