#pragma once
// A room's runs on the engine (sim/engine/run.hpp): the world the room shows,
// stepped a year per round and observed by its live tables, and in a
// participatory room the counterfactual world, stepped alongside with the
// same seed, in which the model plays the cities the students play in the
// other. Not thread-safe: its room serialises access.
#include <memory>
#include <optional>

#include "sim/engine/run.hpp"
#include "sim/serve/library.hpp"
#include "sim/serve/live_tables.hpp"

namespace urbis::serve {

class Simulation {
 public:
  Simulation(const LibraryEntry& entry, bool counterfactual);

  // Back to the start; the cities played stay played, with their choices.
  void reset();
  // Steps one year (both worlds). Throws std::logic_error when finished.
  void step();
  bool finished() const { return main_->finished(); }
  int next_year() const { return main_->next_year(); }  // the year the next step simulates

  const LibraryEntry& entry() const { return entry_; }
  World& world() { return main_->world(); }
  const World& world() const { return main_->world(); }
  Params& params() { return main_->params(); }
  const Params& params() const { return main_->params(); }
  // The counterfactual run (nullptr when the room has none).
  Run* counterfactual() { return counterfactual_.get(); }
  const World* counterfactual_world() const { return counterfactual_ ? &counterfactual_->world() : nullptr; }
  const LiveTables& tables() const { return *tables_; }

 private:
  void start();
  const LibraryEntry& entry_;
  const bool with_counterfactual_;
  std::unique_ptr<Run> main_, counterfactual_;
  std::unique_ptr<LiveTables> tables_;
};

}  // namespace urbis::serve
