#pragma once
// Calibration (docs/CALIBRATION.md): runs a scenario over replicate seeds
// with a vector of parameter values, measures the runs against targets, and
// searches the parameters with Nelder-Mead for the smallest squared misfit.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/engine/run.hpp"
#include "sim/scenario/scenario.hpp"

namespace urbis {

// A parameter the search moves: a path of the parameter table, its start
// value and bounds. `log` searches log(value) (for positive scales); `whole`
// rounds the value before each run (counts such as founding.min_members).
struct CalibParam {
  std::string path;
  double start = 0, min = 0, max = 0;
  bool log = false, whole = false;
};

// A target: a measure of the runs (mean over seeds) against a value or a range.
//   active_networks  global count of active networks in `year`
//   network_members  members of `network` in `year`
//   network_actions  actions of `network`, summed over `from`..`to`
// The misfit is ((mean - centre) / scale)^2, with centre the value (or the
// middle of [low, high]) and scale `scale` (or half the range).
struct CalibTarget {
  std::string name, measure, network, source;
  int year = 0, from = 0, to = 0;
  double centre = 0, scale = 1, low = 0, high = 0;
  bool range = false;
  double weight = 1;
};

struct CalibConfig {
  std::string file;                 // the config, for messages
  std::string scenario;             // scenario file or library name
  int end = 0;                      // last simulated year (0: the scenario's)
  std::vector<std::uint64_t> seeds;
  std::vector<CalibParam> params;
  std::vector<CalibTarget> targets;
  int max_evaluations = 80;
  double initial_step = 0.25;       // simplex size, as a share of each bound range (in search space)
  double tolerance = 1e-3;          // stop when the simplex's objective spread is below this
};

// Reads a calibration config (YAML); throws InputError with file and line.
CalibConfig load_calibration(const std::string& file);

struct TargetFit {
  double mean = 0, sd = 0;          // over seeds
  bool met = false;                 // inside [low, high], or within `scale` of the value
};

struct Evaluation {
  std::vector<double> values;       // parameter values as run (rounded where whole)
  std::vector<TargetFit> fits;      // per target
  double objective = 0;
};

// Runs the scenario (loaded with the defaults) once per seed with the values
// set, and measures the targets. One world load serves all runs.
class CalibrationProblem {
 public:
  CalibrationProblem(const CalibConfig& config, const Scenario& scenario, const RunContext& context);
  Evaluation evaluate(const std::vector<double>& values) const;
  const CalibConfig& config() const { return config_; }

 private:
  const CalibConfig& config_;
  Scenario scenario_;
  RunContext context_;
  WorldData data_;
};

// Nelder-Mead (Nelder and Mead 1965; standard coefficients 1, 2, 0.5, 0.5)
// in the search space of the parameters (log where asked), with values
// clamped to their bounds. Calls `report` after each evaluation.
Evaluation nelder_mead(const CalibrationProblem& problem,
                       const std::function<void(int, const Evaluation&)>& report);

}  // namespace urbis
