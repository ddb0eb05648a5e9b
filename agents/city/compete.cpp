#include "agents/city/compete.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "agents/city/contest_exp.hpp"
#include "sim/core/parallel.hpp"

namespace urbis {

void compete(const States& states, Cities& c, const CompetitionParams& p) {
  const std::size_t n = c.size();
  const std::size_t ns = states.size();
  if (n == 0) return;

  // Log-weights first; weights are exp(log w - max) so that large exponents
  // cannot overflow. The shift cancels in every share.
  Eigen::ArrayXd logw(static_cast<Eigen::Index>(n));
  for_each_index(n, [&](std::size_t i) {
    const int j = c.state[i];
    const double y = c.gdp_pc[i] > 0 ? c.gdp_pc[i] : std::numeric_limits<double>::min();
    const double P = c.population[i] > 0 ? c.population[i] : 1.0;
    // Competitive spending per person: the contest is between places, each
    // weighted by its mass P (see docs/MODEL.md, "mass-weighted contest").
    const double spend = (1.0 - c.cooperation[i]) * c.intl_budget[i] / P + p.spending_floor;
    logw[i] = std::log(P) + p.w_income * std::log(y) + p.w_openness * c.openness[i] * states.openness[j] +
              p.w_reputation * c.reputation[i] + p.contest_exponent * std::log(spend);
  });
  const double shift = logw.maxCoeff();  // max is exact whatever the order
  Eigen::ArrayXd w(static_cast<Eigen::Index>(n));
  for_chunks(n, [&](std::size_t b, std::size_t e, std::size_t) {
    // Eigen's vectorised exp, a chunk at a time (in parallel): chunks start
    // at multiples of 4,096, so each element takes the same packet or scalar
    // path as in one whole-array expression, and gets the same bits. One
    // path on every build target: agents/city/contest_exp.hpp.
    contest_exp(logw.data() + b, shift, w.data() + b, e - b);
    // A city with no people has no stake and cannot attract anything.
    for (std::size_t i = b; i < e; ++i)
      if (c.population[i] <= 0) w[i] = 0;
  });

  auto state_of = [&](std::size_t i) { return static_cast<std::size_t>(c.state[i]); };
  std::vector<double> pool_state, weight_state;
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return p.mobile_share * c.gdp[i]; }, pool_state);
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return w[i]; }, weight_state);
  double pool_world = 0, weight_world = 0;
  for (std::size_t j = 0; j < ns; ++j) pool_world += pool_state[j], weight_world += weight_state[j];

  const double h = p.home_bias;
  for_each_index(n, [&](std::size_t i) {
    const std::size_t j = state_of(i);
    const double s_state = weight_state[j] > 0 ? w[i] / weight_state[j] : 0.0;
    const double s_world = weight_world > 0 ? w[i] / weight_world : 0.0;
    // I_i = h R_j S_i^state + (1 - h) R S_i^global ; Delta K_i = I_i - rho Y_i
    const double inflow = h * pool_state[j] * s_state + (1.0 - h) * pool_world * s_world;
    c.net_inflow[i] = inflow - p.mobile_share * c.gdp[i];
  });
}

}  // namespace urbis
