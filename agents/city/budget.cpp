#include "agents/city/budget.hpp"

#include "sim/core/parallel.hpp"

namespace urbis {

void index_fees(Networks& networks, double world_gdp_pc, double coordination_cost) {
  for (std::size_t k = 0; k < networks.size(); ++k)
    networks.fee[k] = networks.fee_multiple[k] * world_gdp_pc * coordination_cost;
}

void refresh_budgets(const States& states, const Memberships& members, Cities& c, Networks& networks, Globals& g) {
  g.world_gdp = sum_over(c.size(), [&](std::size_t i) { return c.gdp[i]; });
  const double pop = sum_over(c.size(), [&](std::size_t i) { return c.population[i]; });
  g.world_gdp_pc = pop > 0 ? g.world_gdp / pop : 0.0;
  g.mean_log_gdp = c.size() > 0 ? sum_over(c.size(), [&](std::size_t i) { return log_gdp(c.gdp[i]); }) /
                                      static_cast<double>(c.size())
                                : 0.0;
  index_fees(networks, g.world_gdp_pc, g.coordination_cost);
  compute_budgets(states, members, networks, c, g.international_share);
}

void compute_budgets(const States& states, const Memberships& members, const Networks& networks, Cities& c,
                     double international_share) {
  for_each_index(c.size(), [&](std::size_t i) {
    const int j = c.state[i];
    // B_i = tau_j a_i Y_i ; D_i = delta B_i
    c.budget[i] = states.tax_share[j] * c.autonomy[i] * c.gdp[i];
    c.intl_budget[i] = international_share * c.budget[i];
    double f = 0;
    for (auto k : members.of(i)) f += networks.fee[k];
    c.fees[i] = f;
  });
}

}  // namespace urbis
