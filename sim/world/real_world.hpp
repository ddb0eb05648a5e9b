#pragma once
#include <string>

#include "sim/scenario/scenario.hpp"
#include "sim/world/world_data.hpp"

namespace urbis {

// Loads the real world from the files in spec.directory (UN WUP cities,
// Natural Earth countries, World Bank GDP and population, networks,
// agreements, state traits, drivers) with the cities alive in start_year.
// The data paths (agents/anchors.hpp) come from the World Bank's national
// series and the UN's city series, yearly over 1900-2200 (MODEL.md 6). The
// loader reads data only: traits a file does not give are NaN, filled with
// the model's defaults at initialisation. Throws InputError (file, line,
// column) on malformed files; names it cannot match are listed in
// WorldData::problems, never dropped silently.
WorldData load_real_world(const RealWorldSpec& spec, int start_year);

}  // namespace urbis
