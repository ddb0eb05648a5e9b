#include "sim/calibrate/posterior.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace urbis::calib {

double weighted_quantile(std::vector<double> values, std::vector<double> weights, double p) {
  const std::size_t n = values.size();
  if (n == 0) return NAN;
  if (n == 1) return values[0];
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return values[a] < values[b]; });
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  const double span = total - weights[order[n - 1]];
  std::vector<double> h(n);
  double before = 0;
  for (std::size_t i = 0; i < n; ++i) {
    h[i] = span > 0 ? before / span : 0.0;
    before += weights[order[i]];
  }
  if (p <= h[0]) return values[order[0]];
  for (std::size_t i = 0; i + 1 < n; ++i)
    if (p <= h[i + 1]) {
      const double gap = h[i + 1] - h[i];
      const double t = gap > 0 ? (p - h[i]) / gap : 0.0;
      return values[order[i]] + t * (values[order[i + 1]] - values[order[i]]);
    }
  return values[order[n - 1]];
}

WeightedSummary summarize_weighted(const std::vector<double>& values, const std::vector<double>& weights) {
  WeightedSummary s;
  s.n = values.size();
  if (s.n == 0) return {0, NAN, NAN, NAN, NAN, NAN, 0};
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double sq = 0;
  for (std::size_t i = 0; i < s.n; ++i) {
    s.mean += weights[i] / total * values[i];
    sq += (weights[i] / total) * (weights[i] / total);
  }
  double var = 0;
  for (std::size_t i = 0; i < s.n; ++i) var += weights[i] / total * (values[i] - s.mean) * (values[i] - s.mean);
  s.sd = sq < 1 ? std::sqrt(var / (1 - sq)) : 0.0;
  s.q05 = weighted_quantile(values, weights, 0.05);
  s.q50 = weighted_quantile(values, weights, 0.50);
  s.q95 = weighted_quantile(values, weights, 0.95);
  s.ess = 1 / sq;
  return s;
}

std::vector<WeightedSummary> posterior_summary(const AbcResult& abc, std::size_t params) {
  std::vector<double> w;
  for (auto i : abc.posterior) w.push_back(abc.points[i].weight);
  std::vector<WeightedSummary> out;
  for (std::size_t j = 0; j < params; ++j) {
    std::vector<double> v;
    for (auto i : abc.posterior) v.push_back(abc.points[i].eval.values[j]);
    out.push_back(summarize_weighted(v, w));
  }
  return out;
}

std::vector<Band> predictive_band(const AbcResult& abc, std::size_t s, int first_year) {
  std::vector<Band> out;
  if (abc.posterior.empty()) return out;
  std::vector<double> w;
  for (auto i : abc.posterior) w.push_back(abc.points[i].weight);
  const std::size_t years = abc.points[abc.posterior[0]].eval.series[s].size();
  for (std::size_t y = 0; y < years; ++y) {
    std::vector<double> v;
    for (auto i : abc.posterior) v.push_back(abc.points[i].eval.series[s][y]);
    out.push_back({first_year + static_cast<int>(y), weighted_quantile(v, w, 0.05), weighted_quantile(v, w, 0.50),
                   weighted_quantile(v, w, 0.95)});
  }
  return out;
}

}  // namespace urbis::calib
