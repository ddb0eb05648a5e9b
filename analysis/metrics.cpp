#include "analysis/metrics.hpp"

#include <algorithm>
#include <numeric>
#include <utility>
#include <vector>

#include <tbb/parallel_sort.h>

#include "sim/core/parallel.hpp"

namespace urbis {

double weighted_gini(std::span<const double> v, std::span<const double> w) {
  std::vector<std::pair<double, double>> pts(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) pts[i] = {v[i], w[i]};
  // Pairs sort to one order whatever the threads, so the sum below is reproducible.
  tbb::parallel_sort(pts.begin(), pts.end());
  double W = 0, S = 0;
  for (const auto& [x, wt] : pts) W += wt, S += wt * x;
  if (W <= 0 || S <= 0) return 0.0;
  // G = 1 - 2 x (area under the Lorenz curve), trapezoids per point.
  double area = 0, cum = 0;
  for (const auto& [x, wt] : pts) {
    const double next = cum + wt * x;
    area += (wt / W) * (cum + next) / (2.0 * S);
    cum = next;
  }
  return 1.0 - 2.0 * area;
}

double cooperation_index(const Cities& c) {
  const double y = sum_over(c.size(), [&](std::size_t i) { return c.gdp[i]; });
  const double xy = sum_over(c.size(), [&](std::size_t i) { return c.cooperation[i] * c.gdp[i]; });
  return y > 0 ? xy / y : 0.0;
}

GlobalMetrics global_metrics(const World& w) {
  const Cities& c = w.cities;
  const Networks& nw = w.networks;
  const std::size_t n = c.size();
  GlobalMetrics m;
  m.year = w.global.year;
  m.cities = static_cast<double>(n);
  m.population = sum_over(n, [&](std::size_t i) { return c.population[i]; });
  m.gdp = sum_over(n, [&](std::size_t i) { return c.gdp[i]; });
  m.cooperation_index = cooperation_index(c);
  const double in_any = sum_over(n, [&](std::size_t i) { return w.members.count[i] ? 1.0 : 0.0; });
  m.network_share = n ? in_any / static_cast<double>(n) : 0.0;
  m.memberships = sum_over(n, [&](std::size_t i) { return static_cast<double>(w.members.count[i]); });
  m.mean_tension = n ? sum_over(n, [&](std::size_t i) { return c.tension[i]; }) / static_cast<double>(n) : 0.0;
  m.mean_autonomy = n ? sum_over(n, [&](std::size_t i) { return c.autonomy[i]; }) / static_cast<double>(n) : 0.0;
  for (std::size_t k = 0; k < nw.size(); ++k) {
    if (!nw.active[k]) continue;
    m.active_networks += 1;
    m.actions += nw.actions[k];
    m.network_power += nw.power[k];
  }
  m.mitigation = w.global.mitigation;
  m.gini = weighted_gini({c.gdp_pc.data(), n}, {c.population.data(), n});
  return m;
}

}  // namespace urbis
