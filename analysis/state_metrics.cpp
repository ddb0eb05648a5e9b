#include "analysis/state_metrics.hpp"

#include "sim/core/parallel.hpp"

namespace urbis {

StateMetrics state_metrics(const World& w) {
  const Cities& c = w.cities;
  const std::size_t ns = w.states.size();
  const std::size_t n = c.size();
  auto state_of = [&](std::size_t i) { return static_cast<std::size_t>(c.state[static_cast<Eigen::Index>(i)]); };
  StateMetrics m;
  std::vector<double> autonomy;
  sum_by_group(
      n, ns, state_of, [](std::size_t) { return 1.0; }, m.cities);
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return c.autonomy[static_cast<Eigen::Index>(i)]; }, autonomy);
  m.mean_autonomy.resize(ns);
  for (std::size_t j = 0; j < ns; ++j) m.mean_autonomy[j] = m.cities[j] > 0 ? autonomy[j] / m.cities[j] : 0.0;
  // Whole numbers, so their sum is exact in any order; one pass over each city's row.
  sum_by_group_rows(
      n, ns * kIssueCount,
      [&](std::size_t i, double* row) {
        double* per_state = row + state_of(i) * kIssueCount;
        for (auto k : w.members.of(i)) per_state[static_cast<int>(w.networks.issue[k])] += 1;
      },
      m.memberships);
  return m;
}

}  // namespace urbis
