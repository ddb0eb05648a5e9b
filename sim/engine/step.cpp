#include "sim/engine/step.hpp"

#include <chrono>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "agents/city/budget.hpp"
#include "agents/city/compete.hpp"
#include "agents/city/economy.hpp"
#include "agents/city/learning.hpp"
#include "agents/city/portfolio.hpp"
#include "agents/forces.hpp"
#include "agents/network/aggregate.hpp"
#include "agents/network/founding.hpp"
#include "agents/network/named.hpp"
#include "agents/state/gaps.hpp"
#include "agents/state/govern.hpp"
#include "sim/engine/invariants.hpp"

namespace urbis {

void phase_events(World& w, Params& p, Timeline& timeline) {
  apply_forces(*w.drivers, w.global, p);  // the year's exogenous forces
  timeline.apply(w, p, w.global.year);
  relax_salience(w.global, p.salience.relax_rate);
  update_gaps(w.global, w.states, p.coalitions);  // the gaps the states leave, after the year's events
}

// Budgets (and this year's membership costs).
void phase_budgets(World& w, const Params& p) { refresh_budgets(w.states, w.members, w.cities, w.networks, w.global); }

// Competition for the mobile pool.
void phase_competition(World& w, const Params& p) { compete(w.states, w.cities, p.competition); }

void phase_economy(World& w, const Params& p, const Streams& rng) {
  update_national(*w.anchors, w.global.year, w.states);
  grow_economy(*w.anchors, w.global.year, w.states, w.members, w.networks, w.global.salience, w.cities, p.economy, rng,
               w.global.step);
  refresh_budgets(w.states, w.members, w.cities, w.networks, w.global);
}

// Portfolio reviews against the networks as they were at t.
void phase_coalitions(World& w, const Params& p, const Streams& rng) {
  extend_invitations(w.global.year, w.networks, w.cities, w.log);  // the invited review their portfolios now
  const PortfolioStats moves =
      review_portfolios(w.coalition_view(), p.coalitions, rng, w.global.step, p.coalitions.review_probability);
  for (std::size_t k = 0; k < w.networks.size(); ++k) {
    const auto network = static_cast<std::int32_t>(k);
    if (moves.joined[k])
      w.log.push_back({.year = w.global.year, .kind = EventKind::joined, .network = network, .count = moves.joined[k]});
    if (moves.left[k])
      w.log.push_back({.year = w.global.year, .kind = EventKind::left, .network = network, .count = moves.left[k]});
  }
}

// Aggregates, power, actions, recognition, reputation.
void phase_networks(World& w, const Params& p) {
  count_members(w.cities, w.states, w.members, w.networks);
  network_power(w.networks, w.global, p.networks, p.coalitions.funding_scale);
  update_recognition(w.networks, p.networks);
  update_reputation(w.networks, w.members, w.cities, p.networks);
}

void phase_founding(World& w, const Params& p, const Streams& rng) {
  found_networks(w.coalition_view(), p, rng, w.global.step);
  dissolve_weak_networks(w.global.year, p.founding, w.networks, w.members, w.cities, w.log);
}

void phase_states(World& w, const Params& p, const Streams& rng) {
  govern(w.global.year, w.agreements, w.members, w.networks, p.states, rng, w.global.step, w.states, w.cities, w.log);
  remember_gaps(w.states, 1.0 / p.founding.gap_memory);
}

void phase_learning(World& w, const Params& p, const Streams& rng) {
  compute_payoffs(w.cities, w.global.mitigation, p.learning);
  MemberIndex members_of;
  members_of.build(w.members, w.networks.size());
  imitate(w.members, members_of, w.by_state, w.players, p.learning, rng, w.global.step, w.cities);
}

void step_world(World& w, Params& params, Timeline& timeline, const Streams& rng, PhaseSeconds* times) {
  auto clock = std::chrono::steady_clock::now();
  auto lap = [&](std::size_t phase) {  // two clock reads a phase: nothing beside a phase's work
    if (!times) return;
    const auto now = std::chrono::steady_clock::now();
    times->seconds[phase] += std::chrono::duration<double>(now - clock).count();
    clock = now;
  };
  w.log.clear();
  apply_player_cooperation(w.players, w.cities);  // cities people play (none in an ordinary run)
  phase_events(w, params, timeline);              // 1. events, then salience relaxes: the one phase that may change
                                                  //    parameters (a scenario's set or shock)
  lap(0);
  const Params& p = params;  // from here on the step only reads them
  phase_budgets(w, p);       // 2. budgets
  lap(1);
  phase_competition(w, p);  // 3. competition for the mobile pool
  lap(2);
  phase_economy(w, p, rng);  // 4. economy
  lap(3);
  phase_coalitions(w, p, rng);  // 5. coalitions
  lap(4);
  phase_networks(w, p);  // 6. networks: aggregates .. reputation,
  lap(5);
  phase_founding(w, p, rng);  //    then founding and dissolution
  lap(6);
  phase_states(w, p, rng);  // 7. states
  lap(7);
  phase_learning(w, p, rng);  // 8. learning
  lap(8);
  // 9. Observation is the caller's (sim/engine/run.hpp), on the world as it stands now.

#ifdef URBIS_CHECK_INVARIANTS
  if (const auto bad = check_invariants(w); !bad.empty())
    throw std::logic_error(fmt::format("invariant broken in {}: {}", w.global.year, fmt::join(bad, "; ")));
#endif
}

}  // namespace urbis
