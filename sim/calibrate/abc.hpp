#pragma once
// Approximate Bayesian computation (docs/CALIBRATION.md, "Uncertainty").
//
// Round 0 is rejection ABC: a Latin hypercube of `points` points over the
// prior box (uniform in each parameter, or log-uniform where the parameter
// is `log`), each evaluated over the config's seeds; the distance is the
// objective (the weighted sum of squared misfits); the closest `accept`
// share of the points (or every point within `epsilon`) is the posterior
// sample, with equal weights.
//
// Each further round (ABC-SMC, Beaumont et al. 2009; Toni et al. 2009)
// draws `points` new points from the last accepted sample: a parent by its
// weight, moved by a Gaussian kernel in the unit box with twice the
// sample's weighted variance per coordinate, truncated to the box (redrawn
// until inside). It accepts the closest share among the points no farther
// than the last round's largest accepted distance (so the tolerance never
// rises), weighted by prior / proposal density. A round that accepts nothing
// ends the refinement; the posterior is the last round that accepted.
//
// Every draw is keyed Philox (sim/sweep/design.hpp) of (abc.seed, round,
// point, draw): the same config gives the same points whatever the threads.
#include <functional>
#include <vector>

#include "sim/calibrate/config.hpp"
#include "sim/calibrate/problem.hpp"

namespace urbis::calib {

struct AbcPoint {
  int round = 0;
  std::size_t index = 0;     // within its round
  std::vector<double> unit;  // coordinates in the prior box [0, 1]^k
  Evaluation eval;           // values as run, fits, distance (objective), series
  bool accepted = false;
  double weight = 0;  // normalised within its round's accepted points; 0 when not accepted
};

struct AbcResult {
  std::vector<AbcPoint> points;        // every round's points, in order
  std::vector<std::size_t> posterior;  // indices into points: the final accepted sample
  std::vector<double> tolerance;       // per round: the largest accepted distance (NaN: none accepted)
};

// Evaluates a batch of parameter vectors (in parallel, in order).
using BatchEvaluator = std::function<std::vector<Evaluation>(const std::vector<std::vector<double>>&)>;

// When round 0 accepts nothing (an epsilon below every distance), the
// posterior is empty.
AbcResult run_abc(const std::vector<CalibParam>& params, const AbcSettings& settings, const BatchEvaluator& evaluate,
                  const std::function<void(int round, const AbcResult&)>& after_round = {});

}  // namespace urbis::calib
