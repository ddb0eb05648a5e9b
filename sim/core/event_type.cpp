#include "sim/core/event_type.hpp"

#include <array>

namespace urbis {
namespace {

// In the order of EventType; these are the spellings used in scenario files.
constexpr std::array<const char*, 12> kEventTypeNames = {"withdraw", "join",   "leave_union",  "join_union",
                                                         "set",      "shock",  "salience",     "found_network",
                                                         "fund",     "defund", "join_network", "leave_network"};

}  // namespace

std::string_view event_type_name(EventType t) {
  const auto i = static_cast<std::size_t>(t);
  return i < kEventTypeNames.size() ? kEventTypeNames[i] : "unknown";
}

std::vector<std::string> event_type_names() {
  return std::vector<std::string>(kEventTypeNames.begin(), kEventTypeNames.end());
}

}  // namespace urbis
