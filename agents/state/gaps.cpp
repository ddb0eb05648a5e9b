#include "agents/state/gaps.hpp"

#include <algorithm>

namespace urbis {

void update_gaps(const Globals& global, States& s, const CoalitionParams& p) {
  for (std::size_t j = 0; j < s.size(); ++j)
    for (int q = 0; q < kIssueCount; ++q) {
      double g = 0;
      switch (static_cast<Issue>(q)) {
        case Issue::climate: g = p.climate_target - s.commitment[static_cast<Eigen::Index>(j)]; break;
        case Issue::economy: g = p.openness_target - s.openness[static_cast<Eigen::Index>(j)]; break;
        default: g = global.salience_shock[q]; break;
      }
      s.gap[j][q] = std::max(0.0, g);
    }
}

void remember_gaps(States& s, double rate) {
  for (std::size_t j = 0; j < s.size(); ++j)
    for (int q = 0; q < kIssueCount; ++q) s.gap_recent[j][q] += rate * (s.gap[j][q] - s.gap_recent[j][q]);
}

}  // namespace urbis
