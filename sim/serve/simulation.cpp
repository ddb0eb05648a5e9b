#include "sim/serve/simulation.hpp"

#include <stdexcept>

#include "sim/engine/initialise.hpp"
#include "sim/engine/step.hpp"

namespace urbis::serve {

WorldRun::WorldRun(const Scenario& s, const WorldData& data)
    : world(data.world), params(s.params), timeline(std::make_unique<Timeline>(s, data)) {}

Simulation::Simulation(const LibraryEntry& entry, bool counterfactual)
    : entry_(entry), with_counterfactual_(counterfactual), rng_(entry.scenario.seed) {
  start();
}

void Simulation::start() {
  const Scenario& s = entry_.scenario;
  Players players;
  if (main_) players = std::move(main_->world.players);
  main_ = std::make_unique<WorldRun>(s, entry_.data);
  initialise_world(main_->world, *main_->timeline, s, main_->params, rng_);
  // The counterfactual starts as the same world (same seed, same start-up
  // reviews: initialised the same way on its own timeline), then goes its
  // own way, as nobody plays in it.
  if (with_counterfactual_) {
    counterfactual_ = std::make_unique<WorldRun>(s, entry_.data);
    initialise_world(counterfactual_->world, *counterfactual_->timeline, s, counterfactual_->params, rng_);
  }
  main_->world.players = std::move(players);
  for (auto& p : main_->world.players.played()) p.refused.clear();
  tables_ = std::make_unique<LiveTables>(s, main_->world);
  next_year_ = s.start;
}

void Simulation::reset() { start(); }

void Simulation::step() {
  if (finished()) throw std::logic_error("the run has ended");
  auto advance = [&](WorldRun& r) {
    r.world.global.year = next_year_;
    step_world(r.world, r.params, *r.timeline, rng_);
  };
  advance(*main_);
  tables_->observe(main_->world, global_metrics(main_->world));
  ++main_->world.global.step;
  if (counterfactual_) {
    advance(*counterfactual_);
    ++counterfactual_->world.global.step;
  }
  ++next_year_;
}

}  // namespace urbis::serve
