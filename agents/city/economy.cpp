#include "agents/city/economy.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/core/parallel.hpp"

namespace urbis {

double club_benefit(double x, const PerIssue<int>& m, const PerIssue<double>& sigma, double k_c) {
  double s = 0;
  for (int q = 0; q < kIssueCount; ++q)
    if (m[q] > 0) s += sigma[q] * (1.0 - std::exp2(-m[q]));
  return k_c * x * s;
}

void grow_economy(const States& states, const Memberships& members, const Networks& networks,
                  const PerIssue<double>& salience, Cities& c, const EconomyParams& p,
                  const Streams& rng, std::uint32_t step) {
  const std::size_t n = c.size();
  const std::size_t ns = states.size();
  auto state_of = [&](std::size_t i) { return static_cast<std::size_t>(c.state[i]); };

  // State mean GDP per capita of its cities, y-bar_j = sum Y / sum P.
  std::vector<double> gdp_state, pop_state;
  sum_by_group(n, ns, state_of, [&](std::size_t i) { return c.gdp[i]; }, gdp_state);
  sum_by_group(n, ns, state_of, [&](std::size_t i) { return c.population[i]; }, pop_state);

  for_each_index(n, [&](std::size_t i) {
    const std::size_t j = state_of(i);
    const double P = c.population[i];
    const double y = c.gdp_pc[i];
    if (P <= 0 || y <= 0) {
      c.growth[i] = 0;
      c.gdp[i] = 0;
      return;
    }
    const double ybar = pop_state[j] > 0 ? gdp_state[j] / pop_state[j] : y;
    // P' = P (1 + u_j + m ln(y / y-bar_j)), never negative
    const double P_next = std::max(0.0, P * (1.0 + states.urban_growth[j] + p.migration * std::log(y / ybar)));

    PerIssue<int> per_issue{};
    for (auto k : members.of(i)) ++per_issue[static_cast<int>(networks.issue[k])];
    const double club = club_benefit(c.cooperation[i], per_issue, salience, p.club_benefit);

    double y_next = y;
    if (P_next > 0) {
      const double shock = std::exp(p.gibrat_sd * rng.normal(step, Phase::economy, static_cast<std::uint32_t>(i), 0));
      // y' = y (1 + g_j + club) (P'/P)^(beta - 1) e^(s eps) + theta Delta K / P'
      y_next = y * (1.0 + states.growth[j] + club) * std::pow(P_next / P, p.scaling_beta - 1.0) * shock +
               p.capital_to_output * c.net_inflow[i] / P_next;
      y_next = std::max(y_next, 0.0);
    }
    c.growth[i] = (y_next - y) / y;
    c.population[i] = P_next;
    c.gdp_pc[i] = y_next;
    c.gdp[i] = y_next * P_next;
  });
}

}  // namespace urbis
