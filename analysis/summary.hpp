#pragma once
// Summaries of a sweep's runs: per design point, across its replicates, the
// mean, standard deviation, 95% confidence interval of the mean (Student t)
// and quantiles of each metric, as a tidy CSV (one row per point and metric).
#include <string>
#include <vector>

#include "sim/core/csv_reader.hpp"

namespace urbis {

struct Summary {
  std::size_t n = 0;  // values (NaN left out)
  double mean = 0, sd = 0, ci_low = 0, ci_high = 0;
  double min = 0, q05 = 0, q25 = 0, median = 0, q75 = 0, q95 = 0, max = 0;
};

// NaN values are left out; sd and the interval need n >= 2 (else NaN).
Summary summarize(std::vector<double> values);

// Quantile p of sorted values, linear between order statistics (R type 7).
double quantile_sorted(const std::vector<double>& sorted, double p);

// The 0.975 quantile of Student's t with df degrees of freedom.
double t975(int df);

// Tidy CSV: point, each parameter, metric, n, failed, mean, sd, ci95_low,
// ci95_high, min, q05, q25, median, q75, q95, max. Runs whose status is not
// ok count as failed and are left out.
std::string summary_csv(const CsvTable& runs, const std::vector<std::string>& params,
                        const std::vector<std::string>& metrics);

}  // namespace urbis
