#include "sim/report/csv_table.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"

namespace urbis {

std::vector<std::vector<std::string>> split_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') field += '"', ++i;
        else quoted = false;
      } else {
        field += ch;
      }
      continue;
    }
    if (ch == '"') {
      quoted = true;
      any = true;
    } else if (ch == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      any = false;
    } else {
      field += ch;
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

CsvTable read_csv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path}, "cannot read this file");
  std::stringstream ss;
  ss << in.rdbuf();
  auto rows = split_csv(ss.str());
  if (rows.empty()) throw InputError({path}, "the file is empty (expected a header line)");
  CsvTable t;
  t.file = path;
  t.header = std::move(rows.front());
  rows.erase(rows.begin());
  for (std::size_t r = 0; r < rows.size(); ++r)
    if (rows[r].size() != t.header.size())
      throw InputError({path, static_cast<int>(r + 2), 0},
                       fmt::format("{} fields where the header has {}", rows[r].size(), t.header.size()));
  t.rows = std::move(rows);
  return t;
}

std::optional<std::size_t> CsvTable::find_column(const std::string& name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header.begin());
}

std::size_t CsvTable::column(const std::string& name) const {
  if (auto c = find_column(name)) return *c;
  throw InputError({file, 1, 0}, fmt::format("no column '{}'{}", name, did_you_mean(name, header)));
}

double CsvTable::number(std::size_t row, std::size_t col) const {
  const std::string& s = rows[row][col];
  double v = std::numeric_limits<double>::quiet_NaN();
  if (s.empty()) return v;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc{}) return std::numeric_limits<double>::quiet_NaN();
  return v;
}

}  // namespace urbis
