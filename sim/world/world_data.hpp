#pragma once
// What a world loader hands the engine: cities and states with their data
// filled in, the named networks (founded before or during the run), and the
// changes of agreement membership that history schedules (EU accessions).
// Behavioural variables (x, autonomy, memberships, ...) are set afterwards by
// sim/engine/initialise.hpp, the same way for real and synthetic worlds.
#include <string>
#include <vector>

#include "agents/world.hpp"

namespace urbis {

struct NetworkSeed {
  std::string name;
  Issue issue = Issue::climate;
  Scope scope;
  double min_population = 0;     // people
  double fee_multiple = -1;      // yearly cost in world GDP per capita; < 0: drawn
  int founded = 0;               // year
  int ended = 0;                 // year the network ends (0: open-ended)
  std::vector<int> members;      // named member cities (indices); empty: rule-based
  bool sponsored = false;        // dissolves when its sponsor funding stops
  double funding = 0;            // USD per year from a sponsor
  int funding_until = 0;         // last funded year (0: no end)
  bool invitation = false;       // only the named members may belong (they may leave and rejoin)
  double max_members = 0;        // membership cap (a sponsor's selection); 0: none
};

struct AgreementChange {
  int year;
  int state;
  int agreement;
  bool joins;  // true: joins; false: leaves
};

struct WorldData {
  World world;
  std::vector<NetworkSeed> networks;        // sorted by founding year
  std::vector<AgreementChange> agreement_changes;  // sorted by year
  std::vector<std::string> problems;        // what could not be matched, one line each
};

}  // namespace urbis
