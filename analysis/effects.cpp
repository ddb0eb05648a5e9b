#include "analysis/effects.hpp"

#include <cmath>
#include <limits>

#include "analysis/summary.hpp"

namespace urbis {

namespace {
int sign(double x) { return (x > 0) - (x < 0); }

// The mean as the first value plus the mean deviation from it: values that
// are all equal give exactly that value (a plain sum divided by n can be an
// ulp off), so a difference that is the same in every seed is reported as it is.
double mean(const std::vector<double>& x) {
  double dev = 0;
  for (double v : x) dev += v - x.front();
  return x.front() + dev / static_cast<double>(x.size());
}
}  // namespace

PairedEffect paired_effect(const std::vector<double>& a, const std::vector<double>& b) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> xa, xb, d;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (std::isnan(a[i]) || std::isnan(b[i])) continue;
    xa.push_back(a[i]);
    xb.push_back(b[i]);
    d.push_back(a[i] - b[i]);
  }
  PairedEffect e;
  e.n = d.size();
  if (e.n == 0) {
    e.mean_a = e.mean_b = e.difference = e.relative = e.ci_low = e.ci_high = nan;
    return e;
  }
  const double n = static_cast<double>(e.n);
  e.mean_a = mean(xa);
  e.mean_b = mean(xb);
  e.difference = mean(d);
  e.relative = e.mean_b != 0 ? e.difference / std::abs(e.mean_b) : nan;
  if (e.n >= 2) {
    double ss = 0;
    for (double x : d) ss += (x - e.difference) * (x - e.difference);
    const double half = t975(static_cast<int>(e.n) - 1) * std::sqrt(ss / (n - 1)) / std::sqrt(n);
    e.ci_low = e.difference - half;
    e.ci_high = e.difference + half;
  } else {
    e.ci_low = e.ci_high = nan;
  }
  const int s = sign(e.difference);
  for (double x : d) e.same_sign += sign(x) == s;
  return e;
}

}  // namespace urbis
