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

void update_national(const Anchors& a, int year, States& s) {
  for (std::size_t j = 0; j < s.size(); ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    s.gdp_index[jj] *= 1.0 + s.growth[jj];
    s.population_index[jj] *= 1.0 + s.urban_growth[jj];
    s.population[jj] = a.national_population_at(j, year) * s.population_index[jj];
    s.gdp[jj] = a.national_gdp_at(j, year) * s.population_index[jj] * s.gdp_index[jj];
  }
}

void anchor_cities(const Anchors& a, int year, const States& s, Cities& c, double beta) {
  const std::size_t n = c.size();
  const std::size_t ns = s.size();
  auto state_of = [&](std::size_t i) { return static_cast<std::size_t>(c.state[i]); };
  for_each_index(n, [&](std::size_t i) {
    c.anchor_population[i] = a.city_population_at(i, year) * s.population_index[c.state[i]];
  });
  std::vector<double> pop, count;
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return c.anchor_population[i]; }, pop);
  sum_by_group(
      n, ns, state_of, [](std::size_t) { return 1.0; }, count);
  // y-hat_i = y_j (P-hat_i / mean P-hat_j)^(beta - 1)
  for_each_index(n, [&](std::size_t i) {
    const std::size_t j = state_of(i);
    const double national = s.population[j] > 0 ? s.gdp[j] / s.population[j] : 0.0;
    const double mean = pop[j] / count[j];
    const double P = c.anchor_population[i];
    c.anchor_gdp_pc[i] = P > 0 && mean > 0 ? national * std::pow(P / mean, beta - 1.0) : national;
  });
  // A state's cities hold at most its national GDP.
  std::vector<double> gdp;
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return c.anchor_gdp_pc[i] * c.anchor_population[i]; }, gdp);
  for_each_index(n, [&](std::size_t i) {
    const std::size_t j = state_of(i);
    if (gdp[j] > s.gdp[j] && gdp[j] > 0) c.anchor_gdp_pc[i] *= s.gdp[j] / gdp[j];
  });
}

void grow_economy(const Anchors& a, int year, const States& s, const Memberships& members, const Networks& networks,
                  const PerIssue<double>& salience, Cities& c, const EconomyParams& p, const Streams& rng,
                  std::uint32_t step) {
  const std::size_t n = c.size();
  const std::size_t ns = s.size();
  auto state_of = [&](std::size_t i) { return static_cast<std::size_t>(c.state[i]); };
  auto log_ratio = [](double v, double anchor) { return v > 0 && anchor > 0 ? std::log(v / anchor) : 0.0; };

  // Deviations carried from last year, and the new income position c'.
  std::vector<double> m(n), pos(n);
  for_each_index_in_pieces(n, [&](std::size_t i) {  // two logs, a normal draw and the city's memberships
    m[i] = log_ratio(c.population[i], c.anchor_population[i]);
    const double before = log_ratio(c.gdp_pc[i], c.anchor_gdp_pc[i]);
    PerIssue<int> per_issue{};
    for (auto k : members.of(i)) ++per_issue[static_cast<int>(networks.issue[k])];
    const double club = club_benefit(c.cooperation[i], per_issue, salience, p.club_benefit);
    const double inflow = c.gdp[i] > 0 ? c.net_inflow[i] / c.gdp[i] : 0.0;
    const double shock = p.gibrat_sd * rng.normal(step, Phase::economy, static_cast<std::uint32_t>(i), 0);
    pos[i] = (1.0 - p.position_decay) * before + p.capital_to_output * inflow + club + shock;
    c.growth[i] = before;  // completed below: growth = c' - c
  });

  anchor_cities(a, year, s, c, p.scaling_beta);

  // Talent follows capital within the state: m' = (1 - r_m) m + mu (c' - c-bar_j).
  std::vector<double> weight, weighted_pos;
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return c.anchor_population[i]; }, weight);
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return c.anchor_population[i] * pos[i]; }, weighted_pos);
  for_each_index(n, [&](std::size_t i) {
    const std::size_t j = state_of(i);
    const double mean = weight[j] > 0 ? weighted_pos[j] / weight[j] : 0.0;
    m[i] = (1.0 - p.migration_decay) * m[i] + p.migration * (pos[i] - mean);
  });
  // Migration moves people between a state's cities; it does not create them.
  std::vector<double> moved;
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return c.anchor_population[i] * std::exp(m[i]); }, moved);
  for_each_index(n, [&](std::size_t i) {
    const std::size_t j = state_of(i);
    const double shift = moved[j] > 0 && weight[j] > 0 ? std::log(moved[j] / weight[j]) : 0.0;
    m[i] = std::clamp(m[i] - shift, -p.population_margin, p.population_margin);
    c.population[i] = c.anchor_population[i] * std::exp(m[i]);
  });
  // Competition moves output between cities; it does not create it.
  const double attained =
      sum_over(n, [&](std::size_t i) { return c.population[i] * c.anchor_gdp_pc[i] * std::exp(pos[i]); });
  const double anchored = sum_over(n, [&](std::size_t i) { return c.population[i] * c.anchor_gdp_pc[i]; });
  const double shift = attained > 0 && anchored > 0 ? std::log(attained / anchored) : 0.0;
  for_each_index(n, [&](std::size_t i) {
    pos[i] = std::clamp(pos[i] - shift, -p.income_margin, p.income_margin);
    c.gdp_pc[i] = c.anchor_gdp_pc[i] * std::exp(pos[i]);
  });
  // A state's cities hold at most its national GDP.
  std::vector<double> held;
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return c.gdp_pc[i] * c.population[i]; }, held);
  for_each_index(n, [&](std::size_t i) {
    const std::size_t j = state_of(i);
    if (held[j] > s.gdp[j] && held[j] > 0) c.gdp_pc[i] *= s.gdp[j] / held[j];
    c.gdp[i] = c.gdp_pc[i] * c.population[i];
    c.growth[i] = log_ratio(c.gdp_pc[i], c.anchor_gdp_pc[i]) - c.growth[i];
  });
}

}  // namespace urbis
