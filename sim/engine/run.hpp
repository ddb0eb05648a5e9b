#pragma once
// A whole run: load the world, bind the timeline, initialise, step year by
// year, and hand each year to an observer (the output writers, a live view).
// Run is the one year loop: `urbis run`, sweeps, calibration, comparisons,
// the server's rooms and the benchmarks all step through it.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "agents/world.hpp"
#include "analysis/metrics.hpp"
#include "sim/core/random.hpp"
#include "sim/engine/step.hpp"
#include "sim/engine/timeline.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/world/world_data.hpp"

namespace urbis {

class RunObserver {
 public:
  virtual ~RunObserver() = default;
  virtual void begin(const Scenario& scenario, const World& world) {}
  // After each step: the world at the end of `world.global.year`.
  virtual void observe(const World& world, const GlobalMetrics& metrics) = 0;
  virtual void finish(const World& world) {}
};

struct RunSummary {
  int years = 0;
  std::size_t cities = 0, states = 0;
  std::size_t networks_ever = 0;
  std::vector<std::string> world_problems;  // what the loader could not match
  double load_seconds = 0, step_seconds = 0;
  PhaseSeconds phases;  // step_seconds by phase (sim/engine/step.hpp)
};

// Where real-world files are when a scenario does not say (configs/world).
struct RunContext {
  std::string default_world_dir;
  std::function<void(int done, int total)> progress;  // called after each year; may be empty
};

// One run of a scenario, stepped a year at a time: initialise -> (step ->
// observe) per year. run_loaded loops over it to the end; a server's room
// steps it once per round, between which players and sliders may change the
// world and its parameters. Refers to `scenario`, which must outlive it.
class Run {
 public:
  // Binds the scenario's events to a copy of the world and initialises it
  // for the start year. Throws InputError when the events do not fit the world.
  Run(const Scenario& scenario, const WorldData& data);

  // Simulates next_year(): the yearly step (sim/engine/step.hpp), then the
  // observer sees the world at the end of that year with its metrics.
  void step(RunObserver& observer);
  // The same step, observed by no one (no metrics computed): a counterfactual
  // world nobody looks at year by year.
  void step();

  bool finished() const { return next_year_ > scenario_->end; }
  int next_year() const { return next_year_; }  // the year the next step simulates
  int years_done() const { return next_year_ - scenario_->start; }
  int years() const { return scenario_->end - scenario_->start + 1; }

  const Scenario& scenario() const { return *scenario_; }
  World& world() { return world_; }
  const World& world() const { return world_; }
  // Events may change parameters during the run; so may a room's sliders.
  Params& params() { return params_; }
  const Params& params() const { return params_; }
  // For timing the phases of a step one by one (bench/).
  Timeline& timeline() { return timeline_; }
  // The wall time of each phase so far, observation included.
  const PhaseSeconds& phase_seconds() const { return phase_seconds_; }
  const Streams& streams() const { return rng_; }

 private:
  void advance(RunObserver* observer);
  const Scenario* scenario_;
  Timeline timeline_;
  World world_;
  Params params_;
  PhaseSeconds phase_seconds_;
  Streams rng_;
  int next_year_;
};

// Loads the world of a scenario (real or synthetic) at its start year.
WorldData load_world(const Scenario& scenario, const RunContext& context);

// What load_world depends on, and nothing else: a real world's folder and
// its files as they are now (sim/world/world_files.hpp), or a synthetic
// world's spec, and the start year; never a parameter (the loaders read
// none: parameters apply at initialisation). Equal keys load equal worlds,
// so the sweep and calibration load each world once (tests/engine/world_key_test.cpp).
std::string world_key(const Scenario& scenario, const RunContext& context);

// The names of the networks a run of `scenario` can have by name: the
// world's named networks (founded before or during the run) and the
// networks alive at the start (a synthetic world's "Network 1", ...), whose
// names do not depend on the seed. Networks the model founds during the run
// are anonymous and not listed. For checking names in calibration targets
// and comparisons before any run.
std::vector<std::string> network_names_at_start(const Scenario& scenario, const WorldData& data);

// Runs a scenario on already loaded world data (copied, so one load can serve
// many runs) from start to end: a Run stepped to its end, with the observer's
// begin and finish around it. Throws InputError when the scenario's events do
// not fit the world.
RunSummary run_loaded(const Scenario& scenario, const WorldData& data, RunObserver& observer,
                      const RunContext& context);

RunSummary run_scenario(const Scenario& scenario, RunObserver& observer, const RunContext& context);

}  // namespace urbis
