#pragma once
// Reading a sweep's runs.csv (RFC 4180: quoted fields may hold commas,
// quotes and line breaks) for summaries and sensitivity indices.
#include <string>
#include <vector>

namespace urbis {

struct RunsTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // Index of a column; throws std::runtime_error naming the file when absent.
  std::size_t column(const std::string& name) const;
  std::string file;
};

RunsTable read_runs_csv(const std::string& path);
std::vector<std::vector<std::string>> parse_csv_records(const std::string& text);

// A field as a number; NaN when empty.
double field_number(const std::string& field);

}  // namespace urbis
