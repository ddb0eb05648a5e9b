#pragma once
// The point estimate: Nelder-Mead (Nelder and Mead 1965; standard
// coefficients 1, 2, 0.5, 0.5) in the search space of the parameters (log
// where asked), with values clamped to their bounds. Deterministic: the same
// problem and start give the same evaluations.
#include <functional>
#include <vector>

#include "sim/calibrate/problem.hpp"

namespace urbis::calib {

// Starts from `start` (parameter values; the config's starts when empty) and
// calls `report` after each evaluation with its number.
Evaluation nelder_mead(const CalibrationProblem& problem, const std::vector<double>& start,
                       const std::function<void(int, const Evaluation&)>& report);

}  // namespace urbis::calib
