#pragma once
// Phase 6b (MODEL 7.5): cities found networks, in two ways, and networks that
// fail to gather or keep n_min members dissolve.
//
// - Cooperative budget left unspent founds networks on each issue: births
//   ~ Poisson(lambda_f Q_q). The founder is a city that can afford a typical
//   membership and has a free slot, drawn with weight x_i; it invites
//   n_inv cities of the network's scope (drawn with weight x_i among those
//   that can afford its fee), and each accepts by the acceptance rule
//   (agents/city/portfolio.hpp), valuing the network as the club of the
//   whole founding group.
// - A state's retreat on an issue (its governance gap risen above its recent
//   level, agents/state/gaps.hpp) makes its cities found national coalitions
//   on that issue (Climate Mayors, We Are Still In): births ~ Poisson(lambda_a
//   retreat_jq sqrt(A_j)), A_j the cooperation of the state's cities able to
//   act (x_i a_i / a0 over the cities that can afford a membership). The
//   founder is one of them; every city of the state is invited.
#include <cstdint>
#include <vector>

#include "agents/world.hpp"
#include "sim/core/params.hpp"
#include "sim/core/random.hpp"

namespace urbis {

// Q_q = sigma_q sum_i max(0, x_i D_i - fees_i) / sum_i D_i
PerIssue<double> founding_demand(const Cities& cities, const Globals& global);

// Births of both kinds this year; returns the number founded.
// Writes what the coalition view lets it write (agents/world.hpp): new
// networks, their members and counts, the members' fees, `founded` events.
int found_networks(CoalitionView view, const Params& p, const Streams& rng, std::uint32_t step);

// `count` networks that were active before the start year (real worlds: the
// gap between world.initial_networks and the named networks active at the
// start; synthetic worlds: world.synthetic.networks), each founded as a
// birth on an issue drawn by baseline salience, keyed by (0, start_networks,
// n), with its founding group as members (the data do not name them).
void found_start_networks(CoalitionView view, int count, const Params& p, const Streams& rng);

// Sets each network's status and dissolves the failed ones: a network
// counts as active with n_min members or more; a new one below n_min is
// forming for founding.forming_years years, then dissolves; an established
// one (named ones excepted) below n_min, or a sponsored one without funding,
// dissolves after grace_years consecutive years so. Writes what
// end_network writes.
int dissolve_weak_networks(int year, const FoundingParams& p, Networks& networks, Memberships& members, Cities& cities,
                           std::vector<EventRecord>& log);

// Ends network k in `year`: inactive, its members released (their fees
// fall), a `dissolved` event added to `log`.
void end_network(int year, int k, DissolveReason reason, Networks& networks, Memberships& members, Cities& cities,
                 std::vector<EventRecord>& log);

// Adds city i to network k and keeps the network's counts and the city's
// fees current within the step.
bool join_network(CoalitionView view, std::size_t i, int k);

}  // namespace urbis
