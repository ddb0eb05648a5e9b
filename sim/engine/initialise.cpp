#include "sim/engine/initialise.hpp"

#include "agents/city/budget.hpp"
#include "agents/city/portfolio.hpp"
#include "agents/forces.hpp"
#include "agents/initial.hpp"
#include "agents/network/aggregate.hpp"
#include "agents/network/founding.hpp"

namespace urbis {

void initialise_world(World& w, Timeline& timeline, const Scenario& s, const Params& p, const Streams& rng) {
  w.global.year = s.start;
  w.global.step = 0;
  apply_forces(*w.drivers, w.global, p);
  w.global.salience = w.global.salience_baseline;
  w.global.salience_shock = {};
  w.networks.regions = static_cast<int>(w.region_names.size());
  w.members.reset(w.cities.size(), static_cast<int>(p.coalitions.max_memberships));
  if (w.by_state.offsets.size() != w.states.size() + 1) w.index_states();

  initialise_states(*w.anchors, w.agreements, w.global, p, s.start, w.states);
  initialise_cities(*w.anchors, w.states, p, rng, s.start, w.cities);
  refresh_budgets(w.states, w.members, w.cities, w.networks, w.global);
  found_initial_networks(w, timeline, p, s.start);
  count_members(w.cities, w.states, w.members, w.networks);

  // Networks active before the start without a name in the data.
  int start_networks = 0;
  if (s.world.kind == WorldSpec::Kind::synthetic) {
    start_networks = static_cast<int>(s.world.synthetic.networks);
  } else {
    int active = 0;
    for (auto a : w.networks.active) active += a;
    start_networks = s.world.real.initial_networks - active;
  }
  found_start_networks(w.coalition_view(), start_networks, p, rng);

  // Start-up reviews: every city reviews, keyed by steps no year uses.
  for (int r = 0; r < static_cast<int>(p.coalitions.initial_rounds); ++r) {
    count_members(w.cities, w.states, w.members, w.networks);
    network_power(w.networks, w.global, p.networks, p.coalitions.funding_scale);
    refresh_budgets(w.states, w.members, w.cities, w.networks, w.global);
    review_portfolios(w.coalition_view(), p.coalitions, rng, 0x80000000u + static_cast<std::uint32_t>(r), 1.0);
  }
  count_members(w.cities, w.states, w.members, w.networks);
  network_power(w.networks, w.global, p.networks, p.coalitions.funding_scale);
  refresh_budgets(w.states, w.members, w.cities, w.networks, w.global);
  // What existed before the start is established, not forming.
  for (std::size_t k = 0; k < w.networks.size(); ++k) {
    if (!w.networks.active[k]) continue;
    w.networks.formed[k] = 1;
    w.networks.status[k] =
        w.networks.members[k] >= p.founding.min_members ? NetworkStatus::active : NetworkStatus::dormant;
  }
}

}  // namespace urbis
