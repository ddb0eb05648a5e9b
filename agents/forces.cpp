#include "agents/forces.hpp"

#include <algorithm>

namespace urbis {

void apply_forces(const Drivers& d, Globals& g, const Params& p) {
  const int year = g.year;
  g.coordination_cost = 1.0 - p.drivers.digital_cost_cut * d.digital_at(year);
  g.median_fee_multiple = p.networks.fee_gdppc_multiple;
  g.international_share =
      p.budget.international_share * (1.0 + p.drivers.globalisation_reach * d.globalisation_at(year));
  const PerIssue<double> shift = d.salience_at(year);
  for (int q = 0; q < kIssueCount; ++q)
    g.salience_baseline[q] = std::clamp(p.salience.baseline[q] + p.drivers.salience_scale * shift[q], 0.0, 1.0);
}

void relax_salience(Globals& g, double rate) {
  for (int q = 0; q < kIssueCount; ++q) {
    g.salience_shock[q] *= 1.0 - rate;
    g.salience[q] = std::clamp(g.salience_baseline[q] + g.salience_shock[q], 0.0, 1.0);
  }
}

void shock_salience(Globals& g, Issue q, double delta) {
  const int i = static_cast<int>(q);
  // The shock is what an event adds on top of the baseline, within [0, 1].
  const double level = std::clamp(g.salience_baseline[i] + g.salience_shock[i] + delta, 0.0, 1.0);
  g.salience_shock[i] = level - g.salience_baseline[i];
  g.salience[i] = level;
}

}  // namespace urbis
