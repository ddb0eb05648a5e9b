#pragma once
// The check that each varied parameter of a sweep does something: for each,
// a run with it at its high end against a run with every parameter at its
// low end (same seed), compared by the fingerprint of everything they report
// (sim/sweep/outcome.hpp). `urbis sweep --check-effects`.
#include <string>
#include <vector>

#include "sim/sweep/plan.hpp"

namespace urbis::sweep {

// Prints one line per varied parameter and returns the names of those whose
// change left every reported number the same.
std::vector<std::string> parameters_without_effect(const SweepPlan& plan);

}  // namespace urbis::sweep
