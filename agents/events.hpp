#pragma once
// What happened in a step, as data. The agents and the timeline record
// events as typed records of indices and numbers; only the writers put them
// into words (analysis/event_words.cpp, for events.csv and the live view).
#include <cstdint>
#include <string_view>

#include "sim/core/event_type.hpp"

namespace urbis {

// Each kind names the fields of EventRecord it fills.
enum class EventKind : std::uint8_t {
  founded,         // a city founded a network: network, city (the founder), count (joined) of `of` (invited)
  answer_founded,  // cities answered their state's retreat: network, state, issue, city (founder), count of `of`
  named_founded,   // a named network began: network, count (members)
  dissolved,       // network, count (members released), reason
  joined,          // network, count (cities that joined this year)
  left,            // network, count (cities that left)
  invited,         // network, count (cities newly invited)
  preempted,       // state, value (its mean tension), limit (the critical tension)
  withdrew,        // state, agreement: a withdrawal the model decided
  union_history,   // state, agreement, joins: a historical accession or exit
  funding_ended,   // network: its sponsor's funding ran out as scheduled
  clamped,         // target, variable, value (what it would be), limit (where held), low/high or range
  scenario,        // a scenario's event of `type` (see the timeline for the fields each type fills)
};

// Why a network ended.
enum class DissolveReason : std::uint8_t { too_few_members, never_formed, funding_ended, programme_ended };

struct EventRecord {
  int year = 0;
  EventKind kind = EventKind::scenario;
  EventType type = EventType::set;  // kind == scenario
  bool joins = false;               // an accession or a joining (not an exit)
  bool additive = false;            // a shock by delta (value), not by factor (limit)
  DissolveReason reason = DissolveReason::too_few_members;
  std::int32_t network = -1, state = -1, city = -1, agreement = -1, issue = -1;
  std::int64_t count = 0, of = 0;
  double value = 0, limit = 0, low = 0, high = 0;
  // Text a scenario gave (names, a target, a label): views of the scenario,
  // which outlives every run of it. Never text made here.
  std::string_view name = {}, target = {}, variable = {}, label = {}, range = {};
};

}  // namespace urbis
