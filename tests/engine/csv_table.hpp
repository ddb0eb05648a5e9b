#pragma once
// The project's CSV outputs as the tests read them: the one CSV reader
// (sim/core/csv_reader.hpp), with col() answering -1 for a missing column
// so a test can say which one it missed.
#include <string>
#include <vector>

#include "sim/core/csv_reader.hpp"

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

inline Table parse_csv(const std::string& text) {
  CsvTable t = urbis::parse_csv(text, "<test output>");
  return Table{std::move(t.header), std::move(t.rows)};
}

}  // namespace urbis::test
