#pragma once
// The run's timeline: scenario events bound to the world (names checked and
// resolved once, with file/line/column errors), plus what history schedules
// by itself (named networks founded and ended in their years, accessions to
// unions). apply(year) carries out everything due that year.
#include <string>
#include <vector>

#include "agents/world.hpp"
#include "sim/core/param_table.hpp"
#include "sim/scenario/scenario.hpp"
#include "sim/world/world_data.hpp"

namespace urbis {

// What a set/shock changes: a global parameter or a variable of one agent.
struct VariableRef {
  enum class Kind { parameter, state, city, network } kind = Kind::parameter;
  const ParamSpec* param = nullptr;  // kind == parameter
  int index = -1;                    // agent index (networks: resolved when applied)
  std::string network;               // kind == network: name
  int variable = -1;                 // index into the kind's variable table
};

struct BoundEvent {
  const EventSpec* spec = nullptr;
  int state = -1, agreement = -1, city = -1;
  std::string network;               // by name: may be founded during the run
  VariableRef target;
  Issue issue = Issue::climate;
  Scope scope;
  std::vector<int> founders;
};

class Timeline {
 public:
  // Binds a scenario's events to a world; throws InputError for unknown
  // states, agreements, cities, networks and variables, or for an event on a
  // network dated before the network exists.
  Timeline(const Scenario& scenario, const WorldData& data);

  // Carries out everything due in `year`, in order: history's agreement
  // changes, endings and foundings of named networks, funding schedules,
  // reverted shocks, then the scenario's events. Logs each to world.log.
  void apply(World& world, Params& params, int year);

  // Names of the variables a set/shock may target, per kind (for messages and docs).
  static std::vector<std::string> variable_names(VariableRef::Kind kind);

 private:
  struct Reversal {
    int year;
    VariableRef target;
    double delta;   // added back
    double factor;  // divided back (1 when additive)
    BoundEvent event;  // the shock it undoes (for the log)
  };
  struct FundingEnd {
    std::string network;
    int year;  // first year without the funding
  };

  void apply_event(World& world, Params& params, const BoundEvent& e);
  // The variable an event targets; nullptr for a network not (or no longer) there.
  double* variable(World& world, Params& params, const VariableRef& ref) const;
  // Holds v within the target's range, logging "clamped" when it had to.
  void clamp_to_range(World& world, double& v, const VariableRef& ref, const BoundEvent& event, int year) const;
  void found_seed(World& world, const NetworkSeed& seed, const Params& params);

  const Scenario& scenario_;
  std::vector<BoundEvent> events_;
  std::vector<NetworkSeed> seeds_;            // named networks not yet founded
  std::vector<AgreementChange> changes_;
  std::vector<Reversal> reversals_;
  std::vector<FundingEnd> funding_ends_;
  std::vector<std::pair<int, std::string>> scheduled_ends_;  // year, network
  std::size_t next_event_ = 0, next_seed_ = 0, next_change_ = 0;

  friend void found_initial_networks(World&, Timeline&, const Params&, int);
};

// Founds the named networks founded up to `start` (the loader's seeds) now.
void found_initial_networks(World& world, Timeline& timeline, const Params& params, int start);

int find_network(const World& world, const std::string& name);

}  // namespace urbis
