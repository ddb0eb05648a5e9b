#pragma once
// state_traits.yaml: the traits of the states that have data (populism,
// centralisation, openness, tax share). Internal to sim/world.
#include <string>
#include <vector>

#include "agents/state/columns.hpp"
#include "sim/world/state_codes.hpp"

namespace urbis {

// Sets the traits the file gives; the others stay as they are (NaN: the
// model's defaults fill them at initialisation). Codes that are no state of
// this world are one line in `problems`.
void read_state_traits(const std::string& file, const StateCodes& codes, States& states,
                       std::vector<std::string>& problems);

}  // namespace urbis
