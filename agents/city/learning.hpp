#pragma once
// Phase 8 (MODEL 7.7): payoffs, then imitation of more successful peers'
// cooperation x (Fermi rule) and mutation. Synchronous: every city compares
// itself with its peer's x at the start of the phase (double-buffered).
#include <cstdint>

#include "agents/membership.hpp"
#include "agents/world.hpp"
#include "sim/core/params.hpp"
#include "sim/core/random.hpp"

namespace urbis {

// pi_i = growth of y_i + w_V Delta V_i + w_G G / N - x_i D_i / Y_i
void compute_payoffs(Cities& cities, double mitigation, const LearningParams& p);

// With probability p_imit a city picks a peer (same state with probability
// p_same, else a co-member of one of its networks, else any city) and adopts
// the peer's x with probability 1 / (1 + exp(-(pi_peer - pi_i) / K)); with
// probability mu it mutates x <- clamp(x + N(0, sd)). A city a person plays
// keeps its x (agents/city/players.hpp). Writes only the cities' x.
void imitate(const Memberships& members, const MemberIndex& members_of, const CitiesByState& by_state,
             const Players& players, const LearningParams& p, const Streams& rng, std::uint32_t step, Cities& cities);

}  // namespace urbis
