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
// A number rounded to `precision`, in the shortest form that reads back as
// precision.round(v): the text fmt's "{}" gives that double (a whole number's
// digits for a whole-number column).
void append_number(std::string& out, double v, const Precision& precision);

}  // namespace urbis
