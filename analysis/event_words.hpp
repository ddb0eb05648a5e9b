#pragma once
// Events in words: what events.csv and the server's live table say of each
// typed record (agents/events.hpp). The only place events become text.
#include <string>
#include <string_view>

#include "agents/world.hpp"

namespace urbis {

// The kind column: what the model did ("founded", "dissolved", ...) or a
// scenario event's type ("withdraw", "shock", ...).
std::string_view event_kind_words(const EventRecord& e);
// The subject column: the network, state (ISO3), city, issue or scenario
// target the event concerns.
std::string_view event_subject(const World& w, const EventRecord& e);
// The detail column, written into `out` (cleared first); a scenario event's
// label follows after "; ".
void event_detail(const World& w, const EventRecord& e, std::string& out);

}  // namespace urbis
