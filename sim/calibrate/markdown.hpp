#pragma once
// The validation table as Markdown (docs/VALIDATION.md): pattern, source,
// target, model mean ± sd over the seeds, met. The doc holds the table
// between two marker comments and is regenerated, not edited by hand.
#include <string>

#include "sim/calibrate/problem.hpp"

namespace urbis::calib {

inline constexpr const char* kTableBegin = "<!-- validation-table:begin -->";
inline constexpr const char* kTableEnd = "<!-- validation-table:end -->";

// The table of one evaluation's fit, with a line saying how it was made.
std::string validation_markdown(const CalibConfig& config, const Evaluation& e, const std::string& command);

// `doc` with the text between its markers replaced by `fragment` (the
// markers kept). Throws InputError (at `file`) when a marker is missing,
// repeated or out of order.
std::string replace_fragment(const std::string& doc, const std::string& fragment, const std::string& file);

}  // namespace urbis::calib
