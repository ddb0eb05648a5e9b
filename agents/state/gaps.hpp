#pragma once
// The governance gap a state leaves its cities on each issue (MODEL.md 7.3):
// climate: (C* - C_j)+; economy: (O* - O_j)+; health, security, resilience
// and peace: the salience shock (sigma_q - sigma-bar_q)+ (states are taken not
// to fill what a crisis adds). Cities value networks on an issue more where
// the gap is wide, and answer a *retreat*, a gap that has risen above its
// recent level (7.5).
#include "agents/world.hpp"
#include "sim/core/params.hpp"

namespace urbis {

// gap_jq from the states' commitment and openness and this year's salience
// shock (global.salience_shock); writes the states' gaps.
void update_gaps(const Globals& global, States& states, const CoalitionParams& p);

// gap-recent_jq <- gap-recent_jq + r (gap_jq - gap-recent_jq): what the
// cities have got used to (r = 1 / memory in years).
void remember_gaps(States& states, double rate);

// (gap_jq - gap-recent_jq)+: how far the state has retreated lately.
inline double retreat(const States& s, std::size_t j, int q) {
  const double r = s.gap[j][q] - s.gap_recent[j][q];
  return r > 0 ? r : 0.0;
}

}  // namespace urbis
