#pragma once
#include "agents/city/columns.hpp"
#include "agents/membership.hpp"
#include "agents/network/columns.hpp"
#include "agents/state/columns.hpp"
#include "agents/world.hpp"
#include "sim/core/params.hpp"

namespace urbis {

// Phase 2. B_i = tau_j a_i Y_i; D_i = delta(t) B_i (split x D cooperative,
// (1 - x) D competitive). Also the yearly cost of the memberships held,
// fees_i = sum of f_k over the city's networks.
void compute_budgets(const States& states, const Memberships& members, const Networks& networks, Cities& cities,
                     double international_share);

// f_k = phi_k x world GDP per capita x kappa_c(t): costs follow the world
// economy and fall as coordinating at a distance gets cheaper.
void index_fees(Networks& networks, double world_gdp_pc, double coordination_cost);

// World aggregates (Y_w, y-bar_w, mean ln Y: written to `global`), this
// year's membership costs (the networks' fees) and every city's budgets
// (phase 2, and again after the economy).
void refresh_budgets(const States& states, const Memberships& members, Cities& cities, Networks& networks,
                     Globals& global);

}  // namespace urbis
