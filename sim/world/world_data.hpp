#pragma once
// What a world loader hands the engine: cities and states with their data
// filled in, the named networks (founded before or during the run), and the
// changes of agreement membership that history schedules (EU accessions).
// Behavioural variables (x, autonomy, memberships, ...) are set afterwards by
// sim/engine/initialise.hpp, the same way for real and synthetic worlds.
#include <string>
#include <vector>

#include "agents/network/seed.hpp"
#include "agents/world.hpp"

namespace urbis {

struct AgreementChange {
  int year;
  int state;
  int agreement;
  bool joins;  // true: joins; false: leaves
};

struct WorldData {
  World world;
  std::vector<NetworkSeed> networks;               // sorted by founding year
  std::vector<AgreementChange> agreement_changes;  // sorted by year
  std::vector<std::string> problems;               // what could not be matched, one line each
};

}  // namespace urbis
