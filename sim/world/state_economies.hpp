#pragma once
// The states' economies over time: national population and GDP per year
// (agents/anchors.hpp) from the World Bank's series, extended before and
// after them by the rules of sim/world/yearly_path.hpp. Internal to sim/world.
#include <string>
#include <vector>

#include "agents/anchors.hpp"
#include "agents/state/columns.hpp"
#include "sim/world/natural_earth.hpp"
#include "sim/world/world_bank.hpp"

namespace urbis::state_economies {

// The years the data paths span (agents/anchors.hpp): every year a scenario
// may run.
constexpr int kFirstYear = 1900, kLastYear = 2200;

// The anchors with the national paths and the world's GDP filled (the city
// paths are the caller's), and each state's population and GDP in the start
// year. `country` is each state's Natural Earth row; `urban` its UN
// agglomerations' people in the start year (used when no source has its
// population). What could not come from the World Bank is in `problems`.
Anchors national_paths(States& states, const std::vector<const natural_earth::Country*>& country,
                       const world_bank::WorldBank& wb, const std::vector<double>& urban, int start_year,
                       std::vector<std::string>& problems);

}  // namespace urbis::state_economies
