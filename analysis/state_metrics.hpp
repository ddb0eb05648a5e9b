#pragma once
// Per-state aggregates of a state's cities that states.csv reports and the
// state columns do not keep: how many cities, their mean autonomy, and their
// memberships per issue.
#include <vector>

#include "agents/world.hpp"

namespace urbis {

struct StateMetrics {
  std::vector<double> cities;         // per state
  std::vector<double> mean_autonomy;  // per state: unweighted mean over its cities (0 without cities)
  std::vector<double> memberships;    // states x issues: memberships of its cities in networks on each issue
  double memberships_on(std::size_t state, int issue) const { return memberships[state * kIssueCount + issue]; }
};

// Sums in a fixed order whatever the threads (sim/core/parallel.hpp), so the
// values are the same bits on any thread count.
StateMetrics state_metrics(const World& world);

}  // namespace urbis
