#include "analysis/metrics.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

#include "sim/core/parallel.hpp"

namespace urbis {

namespace {

// An unsigned key that orders like the double (for the values here: no NaN).
// -0 and +0 get the same key, as std::pair's operator< holds them equal.
std::uint64_t order_key(double v) {
  const auto u = std::bit_cast<std::uint64_t>(v == 0 ? 0.0 : v);
  return (u >> 63) ? ~u : (u | (std::uint64_t{1} << 63));
}

// Sorts (value, weight) points into the order std::sort gives pairs: a stable
// LSD radix sort on the value's key (11-bit digits; a digit every point
// shares is skipped), then each run of equal values by weight. Points that
// compare equal are equal numbers, so the sums below come out the same bits
// as after any comparison sort. Linear: at 10^6 cities the comparison sort
// was the largest single cost of a step.
void sort_points(std::vector<std::pair<double, double>>& pts) {
  constexpr int kBits = 11, kDigits = 6;  // 6 x 11 >= 64
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  const std::size_t n = pts.size();
  std::vector<std::size_t> count(kDigits * kBuckets, 0);  // all digits' histograms in one pass
  for (const auto& p : pts) {
    const std::uint64_t k = order_key(p.first);
    for (int d = 0; d < kDigits; ++d) ++count[d * kBuckets + ((k >> (d * kBits)) & (kBuckets - 1))];
  }
  std::vector<std::pair<double, double>> other(n);
  for (int d = 0; d < kDigits; ++d) {
    std::size_t* c = count.data() + d * kBuckets;
    if (std::find(c, c + kBuckets, n) != c + kBuckets) continue;  // every point in one bucket
    std::size_t start = 0;
    for (std::size_t b = 0; b < kBuckets; ++b) start += std::exchange(c[b], start);
    for (const auto& p : pts) other[c[(order_key(p.first) >> (d * kBits)) & (kBuckets - 1)]++] = p;
    pts.swap(other);
  }
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    while (j < n && pts[j].first == pts[i].first) ++j;
    if (j - i > 1)
      std::sort(pts.begin() + static_cast<std::ptrdiff_t>(i), pts.begin() + static_cast<std::ptrdiff_t>(j));
    i = j;
  }
}

}  // namespace

double weighted_gini(std::span<const double> v, std::span<const double> w) {
  std::vector<std::pair<double, double>> pts(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) pts[i] = {v[i], w[i]};
  // Pairs sort to one order whatever the threads, so the sum below is reproducible.
  sort_points(pts);
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
    m.active_networks += nw.counted(k);  // clubs with n_min members, not empty shells
    m.actions += nw.actions[k];
    m.network_power += nw.power[k];
  }
  m.mitigation = w.global.mitigation;
  m.gini = weighted_gini({c.gdp_pc.data(), n}, {c.population.data(), n});
  return m;
}

}  // namespace urbis
