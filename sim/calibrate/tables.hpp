#pragma once
// The calibration's tables as CSV text (written atomically by the command):
// the fit of one evaluation, the log of evaluations, and ABC's points,
// posterior sample, posterior summary and predictive bands.
#include <string>

#include "sim/calibrate/abc.hpp"
#include "sim/calibrate/problem.hpp"

namespace urbis::calib {

// "2018", "2009-2014"
std::string span_text(int from, int to);
// A target in words: "members of C40, 2018"; "USA's climate memberships,
// 2018-2024: paris_withdrawal vs baseline (relative difference)".
std::string target_description(const CalibTarget& t, const std::string& main_scenario);
// "250-300", "96 ± 9.6"; relative paired targets in percent: "+20% to +60%".
std::string target_text(const CalibTarget& t);
// A mean in the target's units (percent for a relative difference).
std::string value_text(const CalibTarget& t, double v);

// fit.csv: one row per target.
std::string fit_csv(const CalibConfig& c, const Evaluation& e);

// evaluations.csv: evaluation, objective, each parameter, each target's mean.
std::string evaluations_header(const CalibConfig& c);
std::string evaluation_row(int n, const Evaluation& e);

// abc_points.csv: round, point, each parameter, distance, accepted, weight, each target's mean.
std::string abc_points_csv(const CalibConfig& c, const AbcResult& abc);
// posterior.csv: the accepted sample of the last round that accepted.
std::string posterior_csv(const CalibConfig& c, const AbcResult& abc);
// posterior_summary.csv: per parameter, its prior and the posterior's mean, sd, 5/50/95% quantiles, ESS.
std::string posterior_summary_csv(const CalibConfig& c, const AbcResult& abc);
// predictive.csv: series, scenario, measure, year, q05, q50, q95.
std::string predictive_csv(const CalibrationProblem& problem, const AbcResult& abc);

}  // namespace urbis::calib
