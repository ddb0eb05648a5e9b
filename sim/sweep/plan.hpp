#pragma once
// The plan of a sweep: its runs (point x replicate, with seeds derived from
// the sweep seed), the scenarios they start from and the columns of runs.csv.
// Everything that runs a sweep (sim/sweep/runner.hpp) reads it; nothing
// changes it once made.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/run.hpp"
#include "sim/sweep/design.hpp"
#include "sim/sweep/spec.hpp"

namespace urbis::sweep {

// The runs of a sweep. A point is a parameter point with one scenario: with
// S scenarios, point = parameter point x S + scenario, so the scenarios of
// a parameter point are neighbours; run id = point x replicates + replicate.
// The seed depends on the parameter point and the replicate, not on the
// scenario: the scenarios of a point run with the same seeds (common random
// numbers) and their outcomes pair run by run.
struct SweepPlan {
  SweepSpec spec;
  std::vector<Scenario> bases;             // per scenario, with the sweep's `set:` applied
  std::vector<std::string> scenario_args;  // how `urbis run` names each in the records' commands
  Matrix points;                           // parameter values of each parameter point
  RunContext context;                      // world folder
  std::int64_t point_count() const { return static_cast<std::int64_t>(points.size() * bases.size()); }
  std::int64_t runs() const { return point_count() * spec.replicates; }
  std::vector<std::string> header() const;  // columns of runs.csv
};

SweepPlan make_plan(SweepSpec spec, std::vector<Scenario> bases, std::vector<std::string> scenario_args,
                    RunContext context);

}  // namespace urbis::sweep
