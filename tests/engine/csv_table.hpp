#pragma once
// A tiny reader of the project's own CSV outputs, for tests (no quoted commas
// in the columns the tests read).
#include <sstream>
#include <string>
#include <vector>

namespace urbis::test {

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;

  int col(const std::string& name) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i] == name) return static_cast<int>(i);
    return -1;
  }
};

inline std::vector<std::string> split_line(const std::string& line) {
  std::vector<std::string> out;
  std::string cell;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"') quoted = !quoted;
    else if (ch == ',' && !quoted) out.push_back(cell), cell.clear();
    else cell += ch;
  }
  out.push_back(cell);
  return out;
}

inline Table parse_csv(const std::string& text) {
  Table t;
  std::istringstream in(text);
  std::string line;
  if (std::getline(in, line)) t.columns = split_line(line);
  while (std::getline(in, line))
    if (!line.empty()) t.rows.push_back(split_line(line));
  return t;
}

}  // namespace urbis::test
