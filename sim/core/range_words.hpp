#pragma once
// A parameter's range in words ("in [0, 1]"), as messages and events.csv say
// it: written once, for the check of a scenario's set and for a clamp's event.
#include <string>

#include <fmt/format.h>

namespace urbis {

inline std::string range_in_words(double lo, double hi) { return fmt::format("in [{}, {}]", lo, hi); }

}  // namespace urbis
