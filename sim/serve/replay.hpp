#pragma once
// `urbis replay`: a class run again from its record. The run is
// deterministic: the scenario, its seed and, before each round, the
// parameter changes and every played city's choice give the same world, so
// the same tables, byte for byte, and the same debrief page.
#include <string>

#include <nlohmann/json.hpp>

#include "sim/serve/debrief.hpp"
#include "sim/serve/library.hpp"

namespace urbis::serve {

// The record of a class (class.json), or the one inside a debrief page.
// Throws std::invalid_argument when the text is neither.
nlohmann::ordered_json read_class_record(const std::string& text);

// Runs the class of `record` again on `entry` (its scenario, loaded from the
// record's sources) and builds its debrief. Throws std::invalid_argument
// when the record does not fit the scenario (unknown player, city, network).
Debrief replay_class(const LibraryEntry& entry, const nlohmann::ordered_json& record,
                     const nlohmann::ordered_json& network_targets);

}  // namespace urbis::serve
