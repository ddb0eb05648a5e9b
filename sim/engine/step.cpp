#include "sim/engine/step.hpp"

#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "agents/city/compete.hpp"
#include "agents/city/economy.hpp"
#include "agents/city/learning.hpp"
#include "agents/city/portfolio.hpp"
#include "agents/network/aggregate.hpp"
#include "agents/network/founding.hpp"
#include "agents/state/govern.hpp"
#include "sim/engine/initialise.hpp"
#include "sim/engine/invariants.hpp"

namespace urbis {

void step_world(World& w, Params& p, Timeline& timeline, const Streams& rng) {
  const std::uint32_t t = w.global.step;
  w.log.clear();

  // 1. Events, then salience relaxes toward its baseline.
  timeline.apply(w, p, w.global.year);
  for (int q = 0; q < kIssueCount; ++q) {
    double& s = w.global.salience[q];
    s += p.salience.relax_rate * (p.salience.baseline[q] - s);
    w.global.salience_shock[q] = s - p.salience.baseline[q];
  }

  // 2. Budgets (and this year's membership costs).
  refresh_budgets(w, p);

  // 3. Competition for the mobile pool.
  compete(w.states, w.cities, p.competition);

  // 4. Economy.
  grow_economy(w.states, w.members, w.networks, w.global.salience, w.cities, p.economy, rng, t);
  refresh_budgets(w, p);

  // 5. Coalitions: portfolio reviews against the networks as they were at t.
  const PortfolioStats moves = review_portfolios(w, p.coalitions, rng, t, p.coalitions.review_probability);
  for (std::size_t k = 0; k < w.networks.size(); ++k) {
    if (moves.joined[k]) w.log.push_back({w.global.year, "joined", w.networks.name[k], fmt::format("{} cities", moves.joined[k])});
    if (moves.left[k]) w.log.push_back({w.global.year, "left", w.networks.name[k], fmt::format("{} cities", moves.left[k])});
  }

  // 6. Networks: aggregates, power, actions, recognition, reputation; founding and dissolution.
  count_members(w);
  network_power(w, p.networks, p.coalitions.funding_scale);
  update_recognition(w, p.networks);
  update_reputation(w, p.networks);
  found_networks(w, p, rng, t);
  dissolve_weak_networks(w, p.founding);

  // 7. States.
  govern(w, p.states, rng, t);

  // 8. Learning.
  compute_payoffs(w.cities, w.global.mitigation, p.learning);
  MemberIndex members_of;
  members_of.build(w.members, w.networks.size());
  imitate(w, members_of, p.learning, rng, t);

  // 9. Observation is the caller's (sim/engine/run.hpp), on the world as it stands now.

#ifdef URBIS_CHECK_INVARIANTS
  if (const auto bad = check_invariants(w); !bad.empty())
    throw std::logic_error(fmt::format("invariant broken in {}: {}", w.global.year, fmt::join(bad, "; ")));
#endif
}

}  // namespace urbis
