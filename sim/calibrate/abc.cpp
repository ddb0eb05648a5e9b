#include "sim/calibrate/abc.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

#include "sim/sweep/design.hpp"

namespace urbis::calib {

namespace {

// Philox streams of the refinement rounds, apart from the sweep designs' (1..8).
constexpr std::uint32_t kParentStream = 0x41424301;  // "ABC" 1: which parent
constexpr std::uint32_t kKernelStream = 0x41424302;  // "ABC" 2: the kernel's normals
constexpr int kMaxRedraws = 10000;                   // a proposal outside the box is drawn again

std::uint32_t stream(std::uint32_t base, int round) { return base + 0x100u * static_cast<std::uint32_t>(round); }

// Standard normal by Box-Muller from two keyed uniforms.
double normal(std::uint64_t seed, std::uint32_t s, std::uint32_t point, std::uint32_t draw) {
  const double u1 = sweep::design_uniform(seed, s, point, 2 * draw);
  const double u2 = sweep::design_uniform(seed, s, point, 2 * draw + 1);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

// Accepts, among `round`'s points, those within `cap`, then the closest
// `share` of all the round's points (or all within epsilon); returns their
// indices in point order. Ties in distance go to the earlier point.
std::vector<std::size_t> accept(const std::vector<AbcPoint>& pts, std::size_t first, const AbcSettings& s, double cap) {
  std::vector<std::size_t> order;
  for (std::size_t i = first; i < pts.size(); ++i)
    if (pts[i].eval.objective <= cap) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return pts[a].eval.objective < pts[b].eval.objective; });
  std::size_t keep = order.size();
  if (s.epsilon) {
    keep = static_cast<std::size_t>(
        std::count_if(order.begin(), order.end(), [&](std::size_t i) { return pts[i].eval.objective <= *s.epsilon; }));
  } else {
    const auto share = static_cast<std::size_t>(std::ceil(s.accept * static_cast<double>(pts.size() - first) - 1e-9));
    keep = std::min(keep, std::max<std::size_t>(share, 1));
  }
  order.resize(keep);
  std::sort(order.begin(), order.end());
  return order;
}

// Twice the weighted variance of each coordinate (Beaumont et al. 2009), as
// a standard deviation, floored so that one accepted point still moves.
std::vector<double> kernel_sd(const std::vector<AbcPoint>& pts, const std::vector<std::size_t>& sample, std::size_t k) {
  std::vector<double> sd(k);
  for (std::size_t j = 0; j < k; ++j) {
    double mean = 0;
    for (auto i : sample) mean += pts[i].weight * pts[i].unit[j];
    double var = 0;
    for (auto i : sample) var += pts[i].weight * (pts[i].unit[j] - mean) * (pts[i].unit[j] - mean);
    sd[j] = std::max(std::sqrt(2.0 * var), 1e-3);
  }
  return sd;
}

// log of the truncated Gaussian kernel density of `x` around parent `m`.
double log_kernel(const std::vector<double>& x, const std::vector<double>& m, const std::vector<double>& sd) {
  double l = 0;
  for (std::size_t j = 0; j < x.size(); ++j) {
    const double z = (x[j] - m[j]) / sd[j];
    const double mass = normal_cdf((1.0 - m[j]) / sd[j]) - normal_cdf(-m[j] / sd[j]);
    l += -0.5 * z * z - std::log(sd[j] * std::sqrt(2.0 * std::numbers::pi) * mass);
  }
  return l;
}

}  // namespace

AbcResult run_abc(const std::vector<CalibParam>& params, const AbcSettings& settings, const BatchEvaluator& evaluate,
                  const std::function<void(int, const AbcResult&)>& after_round) {
  const std::size_t k = params.size();
  const auto n = static_cast<std::size_t>(settings.points);
  AbcResult result;
  std::vector<std::size_t> sample;  // the current accepted sample
  double cap = std::numeric_limits<double>::infinity();

  for (int round = 0; round <= settings.rounds; ++round) {
    // The round's points in the unit box.
    std::vector<std::vector<double>> units;
    std::vector<double> sd;
    if (round == 0) {
      units = sweep::lhs_design(static_cast<int>(k), static_cast<int>(n), settings.seed);
    } else {
      sd = kernel_sd(result.points, sample, k);
      for (std::size_t i = 0; i < n; ++i) {
        const auto p32 = static_cast<std::uint32_t>(i);
        // The parent: the first whose cumulative weight reaches a uniform draw.
        const double u = sweep::design_uniform(settings.seed, stream(kParentStream, round), p32, 0);
        double cum = 0;
        std::size_t parent = sample.back();
        for (auto s : sample) {
          cum += result.points[s].weight;
          if (cum >= u) {
            parent = s;
            break;
          }
        }
        const auto& m = result.points[parent].unit;
        std::vector<double> x(k);
        for (int attempt = 0; attempt < kMaxRedraws; ++attempt) {
          bool inside = true;
          for (std::size_t j = 0; j < k; ++j) {
            const auto draw = static_cast<std::uint32_t>(attempt * static_cast<int>(k) + static_cast<int>(j));
            x[j] = m[j] + sd[j] * normal(settings.seed, stream(kKernelStream, round), p32, draw);
            inside = inside && x[j] >= 0.0 && x[j] <= 1.0;
          }
          if (inside) break;
          if (attempt + 1 == kMaxRedraws)
            for (auto& v : x) v = std::clamp(v, 0.0, 1.0);
        }
        units.push_back(std::move(x));
      }
    }

    std::vector<std::vector<double>> values;
    for (const auto& u : units) {
      std::vector<double> v(k);
      for (std::size_t j = 0; j < k; ++j) v[j] = from_unit(params[j], u[j]);
      values.push_back(std::move(v));
    }
    auto evals = evaluate(values);
    const std::size_t first = result.points.size();
    for (std::size_t i = 0; i < n; ++i) {
      AbcPoint p;
      p.round = round;
      p.index = i;
      p.unit = units[i];
      p.eval = std::move(evals[i]);
      result.points.push_back(std::move(p));
    }

    const auto kept = accept(result.points, first, settings, cap);
    if (kept.empty()) {
      result.tolerance.push_back(NAN);
      if (after_round) after_round(round, result);
      break;  // nothing closer than the last round: the last sample stands
    }
    // Importance weights: the prior is flat on the box, so w ~ 1 / proposal density.
    std::vector<double> logw(kept.size(), 0.0);
    if (round > 0) {
      for (std::size_t a = 0; a < kept.size(); ++a) {
        std::vector<double> terms;
        for (auto s : sample)
          terms.push_back(std::log(result.points[s].weight) +
                          log_kernel(result.points[kept[a]].unit, result.points[s].unit, sd));
        const double top = *std::max_element(terms.begin(), terms.end());
        double sum = 0;
        for (double t : terms) sum += std::exp(t - top);
        logw[a] = -(top + std::log(sum));
      }
    }
    const double top = *std::max_element(logw.begin(), logw.end());
    double total = 0;
    for (double& l : logw) total += (l = std::exp(l - top));
    double worst = 0;
    for (std::size_t a = 0; a < kept.size(); ++a) {
      AbcPoint& p = result.points[kept[a]];
      p.accepted = true;
      p.weight = logw[a] / total;
      worst = std::max(worst, p.eval.objective);
    }
    sample = kept;
    cap = worst;
    result.tolerance.push_back(worst);
    result.posterior = sample;
    if (after_round) after_round(round, result);
  }
  return result;
}

}  // namespace urbis::calib
