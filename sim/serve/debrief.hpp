#pragma once
// The debrief of a class, to keep: the class's tables (the run's CSV files,
// and class.csv: each student's choices and outcomes, round by round, beside
// the computer playing the same city from the same seed), its record (what
// `urbis replay` needs to run it again: scenario, seed, each round's changes
// and choices, and a fingerprint of each table), and one self-contained HTML
// page built by the report's own code (sim/report, web/) with a class
// section and the record inside. The server and `urbis replay` build it with
// this one function, so that a replay gives the same bytes.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/serve/class_log.hpp"
#include "sim/serve/library.hpp"
#include "sim/serve/live_tables.hpp"
#include "sim/serve/roster.hpp"

namespace urbis::serve {

// What a debrief is built from, copied out of a room (or a replay).
struct ClassSnapshot {
  std::string room;
  const LibraryEntry* entry = nullptr;
  std::shared_ptr<const LiveTables> tables;
  std::vector<Player> players;  // with their histories
  ClassLog log;
  nlohmann::ordered_json changes = nlohmann::ordered_json::array();  // the room's parameter changes
};

struct Debrief {
  std::vector<std::pair<std::string, std::string>> tables;  // file name, CSV text
  nlohmann::ordered_json record;                            // class.json
  std::string html;                                         // the offline report
};

Debrief make_debrief(const ClassSnapshot& snapshot, const nlohmann::ordered_json& network_targets);

// A table as CSV text, numbers written as the shortest text that reads back
// exactly.
std::string csv_text(const MemoryTable& table);

// 64-bit FNV-1a of a text, in hex: a table's fingerprint in the record.
std::string fingerprint(std::string_view text);

// A parameter change in a record, and back (throws std::invalid_argument).
nlohmann::ordered_json change_json(const ParamChange& change);
ParamChange change_from_json(const nlohmann::ordered_json& j);

}  // namespace urbis::serve
