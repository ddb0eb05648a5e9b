#pragma once
// One line of a CSV output from the data dictionary (analysis/observables.hpp):
// the header of a file's columns, and a row's values, each number rounded to
// its column's precision and written in the shortest form that reads back
// to that rounded value.
#include <string>
#include <vector>

#include "analysis/observables.hpp"

namespace urbis {

void append_header(std::string& out, const std::vector<BoundColumn>& columns);
void append_row(std::string& out, const std::vector<BoundColumn>& columns, const ObservableRow& row);

}  // namespace urbis
