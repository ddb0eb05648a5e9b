#pragma once
// What a participatory room must keep to be replayed: the run is
// deterministic, so the scenario, its seed and, before each round, the
// parameter changes made since the last one and every played city's choice
// reproduce it exactly (`urbis replay`). And what each round gave each
// student, beside the computer playing the same city.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/serve/roster.hpp"
#include "sim/serve/simulation.hpp"
#include "sim/serve/sliders.hpp"

namespace urbis::serve {

// A played city's choice as a round used it.
struct LoggedChoice {
  std::string player;  // P1, ...
  double cooperation = 0;
  std::vector<std::int32_t> join, leave;  // network indices, in the order given
};

struct LoggedRound {
  int year = 0;
  std::vector<ParamChange> changes;   // made before this round, in order
  std::vector<LoggedChoice> choices;  // in the order the cities were first played
};

struct ClassLog {
  std::vector<LoggedRound> rounds;
  std::vector<ParamChange> pending;  // made since the last round
};

// Before a step: the round's entry (the pending changes, every played
// city's choice).
void log_round(ClassLog& log, const Roster& roster, const Simulation& sim);

// After a step: each player's record of the round (city and computer), and
// their joins and leaves spent (the split stays). `before` holds each
// player's memberships before the step (memberships_of).
void record_round(Roster& roster, Simulation& sim, const std::vector<std::vector<std::int32_t>>& before);
std::vector<std::vector<std::int32_t>> memberships_of(const Roster& roster, const World& world);

// Applies a logged round's changes and choices to the simulation (urbis
// replay): changes to both worlds, choices to the played cities (a city is
// played from its first round on).
void apply_round(const LoggedRound& round, const Roster& roster, Simulation& sim);

}  // namespace urbis::serve
