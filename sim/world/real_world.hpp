#pragma once
#include <string>

#include "sim/scenario/scenario.hpp"
#include "sim/world/world_data.hpp"

namespace urbis {

// Loads the real world from the files in spec.directory (UN WUP cities,
// Natural Earth countries, World Bank GDP and population, networks,
// agreements, state traits) at start_year. Populations are interpolated
// between the UN's 5-year columns; growth rates come from the World Bank
// series; city GDP follows the urban scaling rule of MODEL.md section 5.
// Throws InputError (file, line, column) on malformed files; names it cannot
// match are listed in WorldData::problems, never dropped silently.
WorldData load_real_world(const RealWorldSpec& spec, int start_year, const Params& params);

}  // namespace urbis
