#pragma once
// Event binding: a scenario's events checked against a world and resolved to
// indices once, before the run (names of states, agreements, cities,
// networks and variables, with file/line/column errors), together with what
// history schedules by itself (named networks founded in their years,
// accessions to unions). The result is a schedule: what is due when, and on
// whom. Nothing here changes a world; sim/engine/timeline.hpp applies it.
#include <string>
#include <vector>

#include "agents/variables.hpp"
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
  std::string network;  // by name: may be founded during the run
  VariableRef target;
  Issue issue = Issue::climate;
  Scope scope;
  std::vector<int> founders;
};

// Everything a run has to carry out, each list sorted by year (stable).
struct Schedule {
  std::vector<BoundEvent> events;        // the scenario's
  std::vector<NetworkSeed> seeds;        // history's named networks
  std::vector<AgreementChange> changes;  // history's accessions and exits
};

// Binds a scenario's events to a world; throws InputError for unknown
// states, agreements, cities, networks and variables, for values out of a
// variable's range, or for an event on a network dated before the network
// exists. The schedule refers to the scenario's events: keep it alive.
Schedule bind_schedule(const Scenario& scenario, const WorldData& data);

// Names of the variables a set/shock may target, per kind (for messages and docs).
std::vector<std::string> variable_names(VariableRef::Kind kind);

// The agent table a set/shock target lives in (state, city, network).
AgentKind agent_kind(VariableRef::Kind kind);

// The range a set/shock target may take: an agent variable's, or a
// parameter's; `words` says it in messages ("in [0, 1]").
struct VariableRange {
  double lo, hi;
  std::string words;
};
VariableRange range_of(const VariableRef& ref);

}  // namespace urbis
