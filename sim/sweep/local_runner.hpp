#pragma once
// Runs this process's share of a sweep (all of it, or one --shard I/N) on
// its cores: one run per TBB task, each run's own loops nested inside it.
#include <string>

#include "sim/sweep/runner.hpp"

namespace urbis::sweep {

// Returns 0 when every run it did succeeded, 1 when some failed.
int run_local(const SweepPlan& plan, const SweepOptions& options, const std::string& dir);

}  // namespace urbis::sweep
