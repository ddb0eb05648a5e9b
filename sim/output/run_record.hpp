#pragma once
// run.json: what ran, with which seed, program version, threads and timing,
// every resolved parameter, so a run can be reproduced from its folder, and
// the unit of every column written (the data dictionary, docs/OUTPUTS.md).
// Written last: its presence marks a complete run.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/engine/run.hpp"

namespace urbis {

struct RunRecord {
  std::string started_utc, finished_utc;
  double wall_seconds = 0;
  int threads = 1;
  std::vector<std::string> files;
  std::string command_line;
  // Per file written: (column, unit) in the file's order (CsvOutput::units()).
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> units;
};

// FNV-1a 64-bit hash of the scenario's files (its extends chain included), as hex.
std::string scenario_hash(const Scenario& scenario);

void write_run_json(const std::string& path, const Scenario& scenario, const RunSummary& summary,
                    const RunRecord& record);

std::string utc_now();

}  // namespace urbis
