#pragma once
// The agents' variables a scenario may set or shock (docs/SCENARIOS.md), with
// the range each may take: shares stay shares. One table per agent kind; the
// timeline binds events to them, `urbis validate` refuses values out of
// range, and a shock that would cross a bound at run time is clamped (and
// the clamp logged).
#include <limits>
#include <span>
#include <string_view>

#include "agents/world.hpp"

namespace urbis {

struct AgentVariable {
  std::string_view name;
  double lo, hi;           // the range a value may take
  std::string_view range;  // the range in words, for messages
};

enum class AgentKind { state, city, network };

std::span<const AgentVariable> agent_variables(AgentKind kind);

// The variable `variable` (an index into agent_variables(kind)) of agent
// `index` (for networks, the network's index).
double& agent_variable(World& world, AgentKind kind, int variable, std::size_t index);

}  // namespace urbis
