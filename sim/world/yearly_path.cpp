#include "sim/world/yearly_path.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace urbis::world_paths {
namespace {

// Annualised growth between the last observation and the one nearest
// `window` years before it (at least 3 years apart); nullopt-like NaN when
// the series is too short.
double trailing_rate(const Series& s, int window) {
  if (s.size() < 2) return NAN;
  const auto last = std::prev(s.end());
  const auto from = s.lower_bound(last->first - window);
  if (from == last || last->first - from->first < 3) return NAN;
  return std::pow(last->second / from->second, 1.0 / (last->first - from->first)) - 1.0;
}

double leading_rate(const Series& s, int window) {
  if (s.size() < 2) return NAN;
  const auto first = s.begin();
  auto to = s.upper_bound(first->first + window);
  to = std::prev(to);
  if (to == first || to->first - first->first < 3) return NAN;
  return std::pow(to->second / first->second, 1.0 / (to->first - first->first)) - 1.0;
}

// Log-linear between observations over [lo, hi] of the years, in place.
void interpolate(const Series& s, int first, std::vector<double>& out) {
  for (auto it = s.begin(); std::next(it) != s.end(); ++it) {
    const auto nx = std::next(it);
    const double r = std::log(nx->second / it->second) / (nx->first - it->first);
    for (int y = it->first; y <= nx->first; ++y) {
      const int k = y - first;
      if (k >= 0 && k < static_cast<int>(out.size()))
        out[static_cast<std::size_t>(k)] = it->second * std::exp(r * (y - it->first));
    }
  }
  if (s.size() == 1) {
    const int k = s.begin()->first - first;
    if (k >= 0 && k < static_cast<int>(out.size())) out[static_cast<std::size_t>(k)] = s.begin()->second;
  }
}

// Continues `out` after year `from` (inclusive value known) at `rate`, fading.
void extend_after(std::vector<double>& out, int first, int from, double rate, const After& a) {
  const int n = static_cast<int>(out.size());
  double v = out[static_cast<std::size_t>(std::clamp(from - first, 0, n - 1))];
  for (int k = std::max(from - first + 1, 0); k < n; ++k) {
    const int years_after = first + k - from;
    const double fade = a.half_life > 0 ? std::exp2(-years_after / a.half_life) : 1.0;
    v *= 1.0 + rate * fade;
    out[static_cast<std::size_t>(k)] = v;
  }
}

}  // namespace

std::vector<double> reference_path(const Series& s, int first, int last, const After& after) {
  std::vector<double> out;
  if (s.empty()) return out;
  out.assign(static_cast<std::size_t>(last - first + 1), 0.0);
  interpolate(s, first, out);
  // Before: the first decade's growth, run backward.
  double back = leading_rate(s, after.window);
  back = std::isnan(back) ? 0.0 : std::clamp(back, after.min_rate, after.max_rate);
  const int f = s.begin()->first;
  for (int y = std::min(f - 1, last); y >= first; --y)
    out[static_cast<std::size_t>(y - first)] = s.begin()->second / std::pow(1.0 + back, f - y);
  double rate = trailing_rate(s, after.window);
  rate = std::isnan(rate) ? 0.0 : std::clamp(rate, after.min_rate, after.max_rate);
  extend_after(out, first, std::prev(s.end())->first, rate, after);
  return out;
}

std::vector<double> yearly_path(const Series& s, int first, int last, std::span<const double> reference,
                                const After& after) {
  std::vector<double> out;
  if (s.empty()) return out;
  out.assign(static_cast<std::size_t>(last - first + 1), 0.0);
  interpolate(s, first, out);
  const int f = s.begin()->first, l = std::prev(s.end())->first;
  auto ref = [&](int y) { return reference[static_cast<std::size_t>(std::clamp(y - first, 0, last - first))]; };
  // Before the first observation: the reference's ratio (held flat without one).
  for (int y = std::min(f - 1, last); y >= first; --y)
    out[static_cast<std::size_t>(y - first)] =
        reference.empty() || ref(f) <= 0 ? s.begin()->second : s.begin()->second * ref(y) / ref(f);
  // After the last: own trailing rate, blended with the reference's.
  double own = trailing_rate(s, after.window);
  double world = NAN;
  if (!reference.empty() && ref(l - after.window) > 0)
    world = std::pow(ref(l) / ref(l - after.window), 1.0 / after.window) - 1.0;
  double rate;
  if (std::isnan(own)) rate = std::isnan(world) ? 0.0 : world;
  else if (std::isnan(world)) rate = own;
  else rate = (1.0 - after.blend) * own + after.blend * world;
  extend_after(out, first, l, std::clamp(rate, after.min_rate, after.max_rate), after);
  return out;
}

}  // namespace urbis::world_paths
