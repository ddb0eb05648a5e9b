#pragma once
// YAML -> Scenario. Strict: every key is known, every value has the right
// type and range, or an InputError names file, line, column, what was
// expected and the nearest valid name.
#include <string>
#include <utility>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace urbis {

// The parameters of configs/defaults.yaml (every parameter must be present).
Params load_defaults(const std::string& defaults_file);

// Loads a scenario, following extends: (relative to the file's folder, or a
// bare name looked up in scenario_dirs), applying its parameters over the
// defaults. Throws InputError on any mistake.
Scenario load_scenario(const std::string& file, const Params& defaults,
                       const std::vector<std::string>& scenario_dirs = {});

// Applies "path.to.param=value" (from --set or a sweep); throws InputError
// (file "--set") with did-you-mean for unknown paths and the valid range.
void apply_override(Scenario& s, const std::string& assignment);

}  // namespace urbis
