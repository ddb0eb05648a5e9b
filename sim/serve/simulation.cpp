#include "sim/serve/simulation.hpp"

namespace urbis::serve {

Simulation::Simulation(const LibraryEntry& entry, bool counterfactual)
    : entry_(entry), with_counterfactual_(counterfactual) {
  start();
}

void Simulation::start() {
  const Scenario& s = entry_.scenario;
  Players players;
  if (main_) players = std::move(main_->world().players);
  main_ = std::make_unique<Run>(s, entry_.data);
  // The counterfactual starts as the same world (same seed, same start-up
  // reviews: initialised the same way on its own timeline), then goes its
  // own way, as nobody plays in it.
  if (with_counterfactual_) counterfactual_ = std::make_unique<Run>(s, entry_.data);
  World& w = main_->world();
  w.players = std::move(players);
  for (auto& p : w.players.played()) p.refused.clear();
  tables_ = std::make_unique<LiveTables>(s, w);
}

void Simulation::reset() { start(); }

void Simulation::step() {
  main_->step(*tables_);  // throws std::logic_error once the run has ended
  if (counterfactual_) counterfactual_->step();
}

}  // namespace urbis::serve
