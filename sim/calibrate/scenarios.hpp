#pragma once
// The scenarios a calibration config names, loaded with the defaults. A
// name is a file (as given, or beside the config) or a library name
// (scenarios/NAME.yaml); an unknown one is an error at the place it was
// named, with the nearest library name.
#include <string>
#include <vector>

#include "sim/calibrate/config.hpp"
#include "sim/core/params.hpp"
#include "sim/scenario/scenario.hpp"

namespace urbis::calib {

// In the order of config.scenarios().
std::vector<Scenario> load_scenarios(const CalibConfig& config, const Params& defaults,
                                     const std::string& scenario_dir);

}  // namespace urbis::calib
