#include "agents/city/budget.hpp"

#include "sim/core/parallel.hpp"

namespace urbis {

void index_fees(Networks& networks, double world_gdp_pc) {
  for (std::size_t k = 0; k < networks.size(); ++k)
    networks.fee[k] = networks.fee_multiple[k] * world_gdp_pc;
}

void compute_budgets(const States& states, const Memberships& members, const Networks& networks,
                     Cities& c, const BudgetParams& p) {
  for_each_index(c.size(), [&](std::size_t i) {
    const int j = c.state[i];
    // B_i = tau_j a_i Y_i ; D_i = delta B_i
    c.budget[i] = states.tax_share[j] * c.autonomy[i] * c.gdp[i];
    c.intl_budget[i] = p.international_share * c.budget[i];
    double f = 0;
    for (auto k : members.of(i)) f += networks.fee[k];
    c.fees[i] = f;
  });
}

}  // namespace urbis
