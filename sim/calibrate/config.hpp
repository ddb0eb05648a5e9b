#pragma once
// A calibration config (configs/calibration/*.yaml; docs/CALIBRATION.md): the
// scenarios to run, the replicate seeds, the parameters to fit with their
// bounds, the targets, the series to draw predictive bands of, and the
// settings of the search (Nelder-Mead) and of the approximate Bayesian
// computation (ABC).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/calibrate/quantity.hpp"
#include "sim/core/input_error.hpp"

namespace urbis::calib {

// A parameter the calibration moves: a path of the parameter table, its
// start value and bounds. `log` works with log(value) (the search space of
// Nelder-Mead, and a log-uniform prior for ABC); `whole` rounds the value
// before each run (counts such as founding.grace_years).
struct CalibParam {
  std::string path;
  double start = 0, min = 0, max = 0;
  bool log = false, whole = false;
};

// A value to and from the parameter's search space (log where asked), and
// the unit interval over its bounds (the prior box of ABC). Values coming
// back are clamped to the bounds and rounded where whole.
double to_search(const CalibParam& p, double value);
double from_search(const CalibParam& p, double s);
double from_unit(const CalibParam& p, double u);
double to_unit(const CalibParam& p, double value);

// How a paired target compares the event scenario with its counterfactual,
// seed by seed: (event - counterfactual) / counterfactual, or event - counterfactual.
enum class Difference { none, relative, absolute };

// A target: a quantity over a span of years, mean over the seeds, against a
// value or a range. Over the span a stock is averaged and a flow summed
// (is_flow). A paired target runs `scenario` and `compare_with` with the
// same seeds and takes, seed by seed, the difference of the span values.
// The misfit is ((mean - centre) / scale)^2, with centre the value (or the
// middle of [low, high]) and scale `scale` (or half the range).
struct CalibTarget {
  std::string name, source;
  Quantity quantity;
  int from = 0, to = 0;      // the span (one year: from == to)
  std::string scenario;      // "" : the config's scenario
  std::string compare_with;  // "" : not paired
  Difference difference = Difference::none;
  double centre = 0, scale = 1, low = 0, high = 0;
  bool range = false;
  double weight = 1;
  SourcePlace place;          // of the target's mapping
  SourcePlace subject_place;  // of its network, city or state (checked against the world)
};

// A series whose posterior predictive band ABC writes: a quantity per year,
// in one scenario, over [from, to] (0: the run's first or last year).
struct PredictiveSeries {
  std::string name;
  Quantity quantity;
  std::string scenario;
  int from = 0, to = 0;
  SourcePlace place, subject_place;
};

// Approximate Bayesian computation by rejection, with optional sequential
// rounds (ABC-SMC): docs/CALIBRATION.md, "Uncertainty".
struct AbcSettings {
  int points = 100;               // design points per round
  std::uint64_t seed = 1;         // keys the design and the SMC draws
  double accept = 0.1;            // share of each round's points kept (the closest)
  std::optional<double> epsilon;  // or: keep every point within this distance
  int rounds = 0;                 // sequential refinement rounds after the first
  bool polish = false;            // then Nelder-Mead from the best accepted point
};

enum class Method { nelder_mead, abc };

// A scenario a config names, with where it was named (for messages).
struct ScenarioRef {
  std::string name;
  SourcePlace place;
};

struct CalibConfig {
  std::string file;      // the config, for messages
  ScenarioRef scenario;  // the scenario of targets that name none
  int end = 0;           // last simulated year (0: the last year a target or series needs)
  std::vector<std::uint64_t> seeds;
  std::vector<CalibParam> params;
  std::vector<CalibTarget> targets;
  std::vector<PredictiveSeries> predictive;
  Method method = Method::nelder_mead;
  AbcSettings abc;
  int max_evaluations = 80;
  double initial_step = 0.25;  // simplex size, as a share of each bound range (in search space)
  double tolerance = 1e-3;     // stop when the simplex's objective spread is below this

  // Every scenario the targets and series name, the config's own first, each once.
  std::vector<ScenarioRef> scenarios() const;
};

// Reads a calibration config (YAML); throws InputError with file, line and column.
CalibConfig load_calibration(const std::string& file);

}  // namespace urbis::calib
