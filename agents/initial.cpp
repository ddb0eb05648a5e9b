#include "agents/initial.hpp"

#include <cmath>

#include "agents/city/economy.hpp"
#include "agents/state/gaps.hpp"
#include "agents/state/govern.hpp"
#include "sim/core/parallel.hpp"

namespace urbis {

void initialise_states(const Anchors& anchors, const std::vector<Agreement>& agreements, const Globals& global,
                       const Params& p, int start_year, States& s) {
  auto fill = [](Eigen::ArrayXd& col, double value) {
    for (Eigen::Index j = 0; j < col.size(); ++j)
      if (std::isnan(col[j])) col[j] = value;
  };
  fill(s.tax_share, p.states.tax_share);
  fill(s.populism, p.states.populism);
  fill(s.centralisation, p.states.centralisation);
  fill(s.openness, p.states.openness);
  update_national(anchors, start_year, s);

  const int climate = climate_agreement(agreements);
  for (std::size_t j = 0; j < s.size(); ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    const bool inside = climate >= 0 && s.in_agreement[static_cast<std::size_t>(climate)][j];
    s.commitment[jj] = inside ? p.states.commitment_in * (1.0 - s.populism[jj]) : p.states.commitment_out;
    s.partnership[jj] = p.states.initial_partnership;
  }
  update_gaps(global, s, p.coalitions);
  s.gap_recent = s.gap;
}

void initialise_cities(const Anchors& anchors, const States& s, const Params& p, const Streams& rng, int start_year,
                       Cities& c) {
  for_each_index_in_pieces(c.size(), [&](std::size_t i) {  // a beta draw: costly
    const int j = c.state[i];
    c.cooperation[i] = beta_draw(rng, 0, Phase::init_x, static_cast<std::uint32_t>(i), p.learning.initial_x_alpha,
                                 p.learning.initial_x_beta);
    c.autonomy0[i] = p.states.initial_autonomy * (1.0 - s.centralisation[j]);
    c.autonomy[i] = c.autonomy0[i];
    c.openness[i] = s.openness[j];
    c.reputation[i] = c.tension[i] = c.actions[i] = 0;
  });
  anchor_cities(anchors, start_year, s, c, p.economy.scaling_beta);
  for_each_index(c.size(), [&](std::size_t i) {
    c.population[i] = c.anchor_population[i];
    c.gdp_pc[i] = c.anchor_gdp_pc[i];
    c.gdp[i] = c.population[i] * c.gdp_pc[i];
  });
}

}  // namespace urbis
