#pragma once
// The plan of a sweep file, shared by `urbis sweep` and `urbis validate`.
#include <string>

#include "sim/cli/commands.hpp"
#include "sim/sweep/runner.hpp"

namespace urbis {

// Loads the sweep file and its scenarios (each beside the sweep file or in
// the library) and makes the plan; throws InputError for any mistake.
sweep::SweepPlan sweep_plan(const std::string& file, const CliGlobals& globals);

}  // namespace urbis
