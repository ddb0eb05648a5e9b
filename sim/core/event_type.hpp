#pragma once
// The kinds of event a scenario may schedule. A core type: scenarios name
// them, the timeline applies them, and the events a run records carry them
// (agents/events.hpp) for the writers to put into words.
#include <string>
#include <string_view>
#include <vector>

namespace urbis {

enum class EventType {
  withdraw,
  join,
  leave_union,
  join_union,
  set,
  shock,
  salience,
  found_network,
  fund,
  defund,
  join_network,
  leave_network
};

// The spelling in scenario files and in events.csv ("withdraw").
std::string_view event_type_name(EventType t);
std::vector<std::string> event_type_names();

}  // namespace urbis
