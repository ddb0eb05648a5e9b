#pragma once
// The period's exogenous forces in a year (MODEL.md 7.0, 7.8), from the
// world's drivers (agents/drivers.hpp) and the parameters that say how
// strongly they act:
//   coordination cost  kappa_c(t) = 1 - c_d D(t)       (multiplies membership costs and c_m)
//   international share delta(t) = delta (1 + g_d G(t))
//   baseline salience   sigma-bar_q(t) = clamp(sigma-bar_q + s_d S_q(t), 0, 1)
// and issue salience: the baseline of the year plus the shock events add
// (a crisis, a summit of a scenario), which decays at r_sigma a year. World
// events of the drivers move the baseline, not the shock: only a shock, a
// salience above what the period makes usual, leaves a gap (7.3).
#include "agents/world.hpp"
#include "sim/core/params.hpp"

namespace urbis {

// Sets global.coordination_cost, global.international_share and
// global.salience_baseline for global.year.
void apply_forces(const Drivers& drivers, Globals& global, const Params& p);

// shock_q <- (1 - r_sigma) shock_q; sigma_q = clamp(sigma-bar_q(t) + shock_q, 0, 1).
void relax_salience(Globals& global, double relax_rate);

// A salience event: sigma_q moves by delta (within [0, 1]), as a shock.
void shock_salience(Globals& global, Issue q, double delta);

}  // namespace urbis
