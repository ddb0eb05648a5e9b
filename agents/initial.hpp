#pragma once
// Initial conditions (MODEL.md 5), the same for real and synthetic worlds:
// what the data leave open is set from the model's parameters here, not in
// the world loaders.
#include "agents/world.hpp"
#include "sim/core/params.hpp"
#include "sim/core/random.hpp"

namespace urbis {

// States: traits the data do not give (NaN) take the defaults states.*;
// national population and GDP of the start year; climate commitment
// c_in (1 - nu) inside the climate agreement, c_out outside; partnership
// pi_0; the governance gaps, remembered as they are (no retreat yet).
// Reads the national paths, the agreements and this year's salience.
void initialise_states(const Anchors& anchors, const std::vector<Agreement>& agreements, const Globals& global,
                       const Params& p, int start_year, States& states);

// Cities: x ~ Beta(alpha, beta); a = a0 (1 - kappa_j); o = O_j; V = T = 0;
// population and GDP per capita on their data paths of the start year.
void initialise_cities(const Anchors& anchors, const States& states, const Params& p, const Streams& rng,
                       int start_year, Cities& cities);

}  // namespace urbis
