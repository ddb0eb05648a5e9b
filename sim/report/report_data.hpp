#pragma once
// The data a report embeds, built from a run folder (global.csv, states.csv,
// networks.csv, events.csv, run.json; cities.csv, places.csv and
// memberships.csv for the map) or a sweep folder (runs.csv). The JSON is what
// the web views read (web/src/data/): the same shape a live server would send.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace urbis {

class Table;

struct ReportOptions {
  std::vector<std::string> states;  // states shown first on the state charts (after the protagonists)
  int top_networks = 8;             // networks on the membership chart
  int map_networks = 24;            // networks whose members the map can link
  std::string targets_file;         // calibration targets (YAML); "" for none
};

enum class FolderKind { run, sweep, unknown };
FolderKind folder_kind(const std::string& dir);

// Event kinds a scenario can schedule (MODEL.md 7.8); the report marks these.
const std::vector<std::string>& scenario_event_kinds();

// Rounds to `digits` significant digits, so that the JSON stays short.
double round_sig(double v, int digits = 4);

// What the report of one run is built from: the run's record and its tables,
// read from a run folder or kept in memory by a live run (`urbis serve`).
struct RunSource {
  nlohmann::ordered_json run;  // the fields of run.json (meta, protagonists)
  const Table* global = nullptr;
  const Table* states = nullptr;
  const Table* networks = nullptr;
  const Table* events = nullptr;
  // The map: places and cities (both, or no map), memberships for its links.
  const Table* places = nullptr;
  const Table* cities = nullptr;
  const Table* memberships = nullptr;
  nlohmann::ordered_json network_targets = nlohmann::ordered_json::array();  // read_targets()
  std::vector<std::string> problems;  // what the source lacks, shown in the page
};

// The one builder of a run's report data, whichever the source.
nlohmann::ordered_json run_report_data(const RunSource& source, const ReportOptions& options);
// From a run folder (throws InputError when it is not a finished run).
nlohmann::ordered_json run_report_data(const std::string& dir, const ReportOptions& options);
nlohmann::ordered_json sweep_report_data(const std::string& dir, const ReportOptions& options);

// Network-count targets from a targets file ([] when the file is absent).
nlohmann::ordered_json read_targets(const std::string& file);

}  // namespace urbis
