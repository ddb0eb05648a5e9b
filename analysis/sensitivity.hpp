#pragma once
// Global sensitivity indices from a sweep's runs.
//  - Sobol: first-order S_i (Saltelli et al. 2010 estimator, outputs centred on their mean) and total ST_i
//    (Jansen 1999) from the Saltelli design (blocks A, B, AB^(i)), with
//    percentile bootstrap confidence intervals over the base samples.
//  - Morris: from elementary effects along trajectories, mu (mean), mu* (mean
//    of absolute effects, Campolongo et al. 2007) and sigma (sd), with a
//    bootstrap interval for mu*.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/csv_reader.hpp"

namespace urbis {

struct Interval {
  double value = 0, low = 0, high = 0;
};

struct SobolIndices {
  Interval first, total;
};

// yA[j], yB[j]: outputs at rows j of A and B; yAB[i][j]: at A_j with column i from B_j.
std::vector<SobolIndices> sobol_indices(const std::vector<double>& yA, const std::vector<double>& yB,
                                        const std::vector<std::vector<double>>& yAB, int resamples, std::uint64_t seed,
                                        double confidence = 0.95);

struct MorrisIndices {
  double mu = 0, mu_star = 0, sigma = 0;
  Interval mu_star_ci;
  std::size_t effects = 0;
};

// effects[i]: the elementary effects of parameter i.
std::vector<MorrisIndices> morris_indices(const std::vector<std::vector<double>>& effects, int resamples,
                                          std::uint64_t seed, double confidence = 0.95);

// Elementary effects from trajectories of k + 1 points (unit coordinates)
// where consecutive points differ in one coordinate: effects[i] gets
// (y' - y) / (u'_i - u_i) for each step that moved coordinate i.
void add_morris_effects(const std::vector<std::vector<double>>& unit_points, const std::vector<double>& y,
                        std::vector<std::vector<double>>& effects);

// How a parameter's values map to the unit interval (from sweep.json).
struct ParamScale {
  std::string path;
  double min = 0, max = 1;
  bool log = false;
  double unit(double v) const;
};

// CSV of Sobol indices for each metric and parameter from the runs of a
// Saltelli sweep (k parameters, n base samples). Per point, the mean over
// its ok replicates; base samples with a missing value are left out.
// Columns: metric, parameter, S1, S1_low, S1_high, ST, ST_low, ST_high, samples.
std::string sobol_csv(const CsvTable& runs, const std::vector<ParamScale>& params,
                      const std::vector<std::string>& metrics, std::size_t n, int resamples, std::uint64_t seed);

// CSV of Morris indices from the runs of a Morris sweep (r trajectories).
// Columns: metric, parameter, mu, mu_star, sigma, mu_star_low, mu_star_high, effects.
std::string morris_csv(const CsvTable& runs, const std::vector<ParamScale>& params,
                       const std::vector<std::string>& metrics, std::size_t r, int resamples, std::uint64_t seed);

}  // namespace urbis
