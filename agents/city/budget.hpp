#pragma once
#include "agents/city/columns.hpp"
#include "agents/membership.hpp"
#include "agents/network/columns.hpp"
#include "agents/state/columns.hpp"
#include "sim/core/params.hpp"

namespace urbis {

// Phase 2. B_i = tau_j a_i Y_i; D_i = delta B_i (split x D cooperative,
// (1 - x) D competitive). Also the yearly cost of the memberships held,
// fees_i = sum of f_k over the city's networks.
void compute_budgets(const States& states, const Memberships& members, const Networks& networks,
                     Cities& cities, const BudgetParams& p);

// f_k = fee multiple x world GDP per capita: costs follow the world economy.
void index_fees(Networks& networks, double world_gdp_pc);

}  // namespace urbis
