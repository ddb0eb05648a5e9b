#pragma once
// Summaries of a weighted sample (an ABC posterior): mean, sd, quantiles of
// each parameter, and predictive bands of series, year by year.
#include <vector>

#include "sim/calibrate/abc.hpp"

namespace urbis::calib {

// Quantile p of values with weights (not necessarily normalised, all > 0):
// sorted values are placed at h_i = (cumulative weight before i) / (total
// weight less the last's) and joined linearly. With equal weights this is
// R's type 7 (analysis/summary.hpp's quantile_sorted). NaN when empty.
double weighted_quantile(std::vector<double> values, std::vector<double> weights, double p);

struct WeightedSummary {
  std::size_t n = 0;
  double mean = 0, sd = 0;  // sd with the reliability-weights correction (the sample sd for equal weights)
  double q05 = 0, q50 = 0, q95 = 0;
  double ess = 0;  // effective sample size (sum w)^2 / sum w^2
};
WeightedSummary summarize_weighted(const std::vector<double>& values, const std::vector<double>& weights);

// Per parameter, over the posterior sample.
std::vector<WeightedSummary> posterior_summary(const AbcResult& abc, std::size_t params);

struct Band {
  int year = 0;
  double q05 = 0, q50 = 0, q95 = 0;
};
// The predictive band of series s (its years from first_year): per year,
// the quantiles over the posterior points' seed means.
std::vector<Band> predictive_band(const AbcResult& abc, std::size_t s, int first_year);

}  // namespace urbis::calib
