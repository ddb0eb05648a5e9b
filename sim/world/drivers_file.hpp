#pragma once
// Reads configs/world/drivers.yaml (agents/drivers.hpp): year -> value maps,
// interpolated linearly between the years given and held flat beyond them.
#include <string>

#include "agents/drivers.hpp"

namespace urbis {

// Throws InputError (file, line, column) on a malformed file. The yearly
// tables span [first_year, last_year].
Drivers read_drivers(const std::string& file, int first_year, int last_year);

}  // namespace urbis
