#pragma once
// A room's run on the engine: the world the room shows, stepped year by year
// on its timeline, and in a participatory room the counterfactual world,
// stepped alongside with the same seed, in which the model plays the cities
// the students play in the other. Not thread-safe: its room serialises access.
#include <memory>
#include <optional>

#include "sim/core/random.hpp"
#include "sim/engine/timeline.hpp"
#include "sim/serve/library.hpp"
#include "sim/serve/live_tables.hpp"

namespace urbis::serve {

// One world on its own timeline (events may change its parameters).
struct WorldRun {
  WorldRun(const Scenario& scenario, const WorldData& data);
  World world;
  Params params;
  std::unique_ptr<Timeline> timeline;
};

class Simulation {
 public:
  Simulation(const LibraryEntry& entry, bool counterfactual);

  // Back to the start; the cities played stay played, with their choices.
  void reset();
  // Steps one year (both worlds). Throws std::logic_error when finished.
  void step();
  bool finished() const { return next_year_ > entry_.scenario.end; }
  int next_year() const { return next_year_; }  // the year the next step simulates

  const LibraryEntry& entry() const { return entry_; }
  World& world() { return main_->world; }
  const World& world() const { return main_->world; }
  Params& params() { return main_->params; }
  const Params& params() const { return main_->params; }
  // The counterfactual world (nullptr when the room has none).
  WorldRun* counterfactual() { return counterfactual_ ? counterfactual_.get() : nullptr; }
  const World* counterfactual_world() const { return counterfactual_ ? &counterfactual_->world : nullptr; }
  const LiveTables& tables() const { return *tables_; }

 private:
  void start();
  const LibraryEntry& entry_;
  const bool with_counterfactual_;
  Streams rng_;
  std::unique_ptr<WorldRun> main_, counterfactual_;
  std::unique_ptr<LiveTables> tables_;
  int next_year_ = 0;
};

}  // namespace urbis::serve
