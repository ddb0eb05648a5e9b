#include "sim/world/un_population.hpp"

#include <algorithm>
#include <cmath>

namespace urbis::un_population {
namespace {

// The yearly growth of 2030-2035, and whether it applies (both ends > 0).
bool fading_rate(const Columns& p, double& rate) {
  const double a = p[kColumns - 2], b = p[kColumns - 1];
  if (!(a > 0 && b > 0)) return false;
  rate = std::pow(b / a, 1.0 / kYearStep) - 1.0;
  return true;
}

// The growth factor of year y after 2035.
double fade_step(double rate, int y) { return 1.0 + rate * std::exp2(-(y - kLastYear) / kFadeHalfLife); }

// Thousands in `year` up to 2035, or after it when the growth does not fade.
double within(const Columns& p, int year) {
  if (year <= kFirstYear) {
    const double a = p[0], b = p[1];
    const double t = static_cast<double>(year - kFirstYear) / kYearStep;  // intervals from 1950 (<= 0)
    return a > 0 && b > 0 ? a * std::pow(b / a, t) : std::max(0.0, a + (b - a) * t);
  }
  if (year >= kLastYear) {
    const double a = p[kColumns - 2], b = p[kColumns - 1];
    return std::max(0.0, b + (b - a) * (year - kLastYear) / kYearStep);
  }
  const int k = std::min(kColumns - 2, (year - kFirstYear) / kYearStep);
  const double t = static_cast<double>(year - (kFirstYear + kYearStep * k)) / kYearStep;
  const double a = p[static_cast<std::size_t>(k)], b = p[static_cast<std::size_t>(k) + 1];
  return a + (b - a) * t;
}

}  // namespace

double at(const Columns& p, int year) {
  double rate = 0;
  if (year <= kLastYear || !fading_rate(p, rate)) return within(p, year) * 1000.0;
  double thousands = p[kColumns - 1];
  for (int y = kLastYear + 1; y <= year; ++y) thousands *= fade_step(rate, y);
  return thousands * 1000.0;
}

void path(const Columns& p, int first_year, std::size_t years, double* out) {
  double rate = 0;
  const bool fades = fading_rate(p, rate);
  double thousands = p[kColumns - 1];
  for (std::size_t t = 0; t < years; ++t) {
    const int year = first_year + static_cast<int>(t);
    if (!fades || year <= kLastYear) {
      out[t] = within(p, year) * 1000.0;
      continue;
    }
    thousands *= fade_step(rate, year);
    out[t] = thousands * 1000.0;
  }
}

}  // namespace urbis::un_population
