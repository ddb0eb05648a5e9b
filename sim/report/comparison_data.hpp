#pragma once
// The data of a comparison's report, from a folder `urbis compare` wrote
// (comparison.json, effects.csv, effects_summary.csv, seeds.csv): per series
// (level, subject, metric) and year, each side's mean and its range over
// seeds, and the mean paired difference with its 95% interval; the summary
// over the years from the first difference; the events of both scenarios.
// The web view is web/src/views/compare.js.
#include <string>

#include <nlohmann/json.hpp>

namespace urbis {

// Whether `dir` holds a finished comparison (its comparison.json).
bool is_comparison_folder(const std::string& dir);

// Throws InputError when a file is missing or malformed.
nlohmann::ordered_json comparison_report_data(const std::string& dir);

}  // namespace urbis
