#pragma once
// The data a report embeds, built from a run folder (global.csv, states.csv,
// networks.csv, events.csv, run.json; cities.csv, places.csv and
// memberships.csv for the map) or a sweep folder (runs.csv). The JSON is what
// the web views read (web/src/data/): the same shape a live server would send.
// Axis units and ranges come from the data dictionary (analysis/observables.hpp).
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/report/rows.hpp"

namespace urbis {

class Table;

// How much of a large run the report carries (docs/REPORT.md, "Size"): the
// page stays under about 20 MB and opens in seconds whatever the run.
struct ReportLimits {
  std::size_t map_cities = 20'000;     // cities on the map: the largest by GDP in the last year
  std::size_t map_values = 2'000'000;  // city values on the map (cities x years x variables)
  std::size_t networks = 2'000;        // networks in the membership chart's picker: named ones, then the largest
};

struct ReportOptions {
  std::vector<std::string> states;  // states shown first on the state charts (after the protagonists)
  int top_networks = 8;             // networks on the membership chart at first
  int map_networks = 24;            // networks whose members the map can link (besides the named ones)
  std::string targets_file;         // calibration targets (YAML); "" for none
  ReportLimits limits;
};

enum class FolderKind { run, sweep, unknown };
FolderKind folder_kind(const std::string& dir);

// Event kinds a scenario can schedule (MODEL.md 7.8); the report marks these.
const std::vector<std::string>& scenario_event_kinds();

// Rounds to `digits` significant digits, so that the JSON stays short (the
// data dictionary's rounding, analysis/observables.hpp).
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
  // Streamed when they are files: they can hold millions of rows.
  RowSource places, cities, memberships;
  nlohmann::ordered_json network_targets = nlohmann::ordered_json::array();  // read_targets()
  std::vector<std::string> problems;                                         // what the source lacks, shown in the page
};

// The one builder of a run's report data, whichever the source. Parts the
// data lacks (a variable not written, no map) are left out with a line in
// "problems"; the views say so where the part would be.
nlohmann::ordered_json run_report_data(const RunSource& source, const ReportOptions& options);
// From a run folder (throws InputError when it is not a finished run).
nlohmann::ordered_json run_report_data(const std::string& dir, const ReportOptions& options);
nlohmann::ordered_json sweep_report_data(const std::string& dir, const ReportOptions& options);

// Why a page built from this data would show nothing useful (no years, say):
// empty when it can be shown. `urbis report` refuses such data.
std::vector<std::string> report_blockers(const nlohmann::ordered_json& data);

// Unit, declared range and meaning of each numeric column of `file` (a file
// of the data dictionary, analysis/observables.hpp) among `columns`.
nlohmann::ordered_json column_dictionary(const std::vector<std::string>& columns, std::string_view file);

// Network-count targets from a targets file ([] when the file is absent).
nlohmann::ordered_json read_targets(const std::string& file);

}  // namespace urbis
