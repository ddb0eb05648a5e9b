#pragma once
// The calibration problem: a vector of parameter values -> the targets'
// means and sds over the replicate seeds and the objective (the weighted
// sum of squared misfits, ABC's distance). Each evaluation runs every
// distinct (scenario, seed) once and shares it among the targets that need
// it; the event scenario and its counterfactual get the same seeds (common
// random numbers). Each distinct world is loaded once.
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "sim/calibrate/config.hpp"
#include "sim/engine/run.hpp"
#include "sim/scenario/scenario.hpp"

namespace urbis::calib {

struct TargetFit {
  double mean = 0, sd = 0;  // over seeds (of the paired difference for a paired target)
  bool met = false;         // inside [low, high], or within `scale` of the value
};

struct Evaluation {
  std::vector<double> values;   // parameter values as run (rounded where whole)
  std::vector<TargetFit> fits;  // per target
  double objective = 0;
  std::vector<std::vector<double>> series;  // per predictive series: mean over seeds, year by year
};

// Whether a mean meets a target, and its term ((mean - centre) / scale)^2 (not weighted).
bool meets(const CalibTarget& t, double mean);
double misfit(const CalibTarget& t, double mean);

class CalibrationProblem {
 public:
  // `scenarios` as loaded, in the order of config.scenarios(). Checks the
  // years, networks, cities and states the targets and series name against
  // the scenarios and their worlds (InputError at the name's place).
  CalibrationProblem(const CalibConfig& config, std::vector<Scenario> scenarios, const RunContext& context);

  // Evaluates points in parallel: every (point, scenario, seed) run is a task;
  // results are gathered in a fixed order, so they do not depend on the
  // number of threads. `progress` (may be empty) is called after each run,
  // from the worker that did it, with the runs done and the total.
  using Progress = std::function<void(std::size_t done, std::size_t total)>;
  std::vector<Evaluation> evaluate_all(const std::vector<std::vector<double>>& points,
                                       const Progress& progress = {}) const;
  Evaluation evaluate(const std::vector<double>& values) const { return evaluate_all({values})[0]; }

  const CalibConfig& config() const { return config_; }
  // The fitted parameters' values in the config's scenario (its defaults and overrides).
  std::vector<double> current_values() const;
  std::size_t runs_per_evaluation() const { return runs_.size(); }
  std::size_t world_loads() const { return worlds_.size(); }
  int last_year() const { return end_; }
  // The years of predictive series s: [first, last].
  std::pair<int, int> series_years(std::size_t s) const;
  // The file a scenario of config.scenarios() was loaded from, and its name.
  const Scenario& scenario(std::size_t i) const { return scenarios_[i]; }

 private:
  struct Slot {  // a recorded quantity: scenario index and quantity index within it
    std::size_t scenario = 0, quantity = 0;
  };
  struct RunSpec {
    std::size_t scenario = 0, seed = 0;
  };
  using Record = std::vector<std::vector<double>>;  // [quantity][year - start]

  std::size_t scenario_index(const std::string& name) const;
  Slot need(std::size_t scenario, const Quantity& q);
  void check_subject(const Quantity& q, const SourcePlace& place, std::size_t scenario) const;
  void check_years(int from, int to, std::size_t scenario, const SourcePlace& place, const std::string& what) const;
  Record run_one(const std::vector<double>& values, const RunSpec& run) const;
  double span_value(const Record& r, std::size_t scenario, const Slot& slot, int from, int to) const;
  Evaluation gather(const std::vector<double>& values, std::span<const Record> records) const;

  const CalibConfig& config_;
  std::vector<Scenario> scenarios_;
  RunContext context_;
  int end_ = 0;
  std::vector<WorldData> worlds_;
  std::vector<std::size_t> world_of_;              // per scenario
  std::vector<std::vector<Quantity>> quantities_;  // per scenario: what its runs record
  std::vector<Slot> target_slot_, compare_slot_;   // per target
  std::vector<Slot> series_slot_;                  // per predictive series
  std::vector<std::pair<int, int>> series_years_;
  std::vector<RunSpec> runs_;                     // one evaluation's runs
  std::vector<std::vector<std::size_t>> run_of_;  // [scenario][seed] -> index in runs_
};

}  // namespace urbis::calib
