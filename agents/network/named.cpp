#include "agents/network/named.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "agents/city/portfolio.hpp"
#include "agents/network/founding.hpp"
#include "sim/core/parallel.hpp"

namespace urbis {
namespace {

bool played(const Players& players, std::size_t i) {
  const std::uint8_t* mask = players.mask();
  return mask && mask[i];
}

void insert_sorted(std::vector<std::int32_t>& list, std::int32_t i) {
  const auto it = std::lower_bound(list.begin(), list.end(), i);
  if (it == list.end() || *it != i) list.insert(it, i);
}

}  // namespace

int found_named_network(CoalitionView w, const NetworkSeed& seed, const Params& p, const Streams& rng,
                        std::uint32_t step) {
  Networks& nw = w.networks;
  const double fee_multiple = seed.fee_multiple >= 0 ? seed.fee_multiple : p.networks.fee_gdppc_multiple;
  const int k = nw.add(seed.name, seed.issue, seed.scope, seed.min_population, fee_multiple, seed.funding,
                       seed.sponsored, p.networks.initial_recognition, w.global.year, -1, NetworkOrigin::named);
  const auto kk = static_cast<std::size_t>(k);
  nw.fee[kk] = fee_multiple * w.global.world_gdp_pc * w.global.coordination_cost;
  nw.named[kk] = 1;

  int joined = 0;
  if (seed.invitation) {
    // Largest first in the founding year (ties by index).
    std::vector<std::int32_t> listed(seed.members.begin(), seed.members.end());
    std::sort(listed.begin(), listed.end());
    listed.erase(std::unique(listed.begin(), listed.end()), listed.end());
    std::stable_sort(listed.begin(), listed.end(),
                     [&](std::int32_t a, std::int32_t b) { return w.cities.population[a] > w.cities.population[b]; });
    const std::size_t founders = seed.founding_members > 0
                                     ? std::min(listed.size(), static_cast<std::size_t>(seed.founding_members))
                                     : listed.size();
    auto& invited = nw.invited[kk];
    for (std::size_t n = 0; n < founders; ++n) {
      insert_sorted(invited, listed[n]);
      if (!played(w.players, static_cast<std::size_t>(listed[n])))
        joined += join_network(w, static_cast<std::size_t>(listed[n]), k);
    }
    nw.invite_queue[kk].assign(listed.begin() + static_cast<std::ptrdiff_t>(founders), listed.end());
    nw.invites_per_year[kk] = seed.invitations_per_year;
    if (invited.empty()) invited.push_back(-1);  // nobody yet: closed, not open
  } else if (!seed.members.empty()) {
    for (int i : seed.members)
      if (!played(w.players, static_cast<std::size_t>(i))) joined += join_network(w, static_cast<std::size_t>(i), k);
  } else {
    // Every eligible city is asked, against the network as the club of its
    // founding group; the decisions are simultaneous, then applied.
    MembershipValuer valuer(w, p.coalitions);
    valuer.prospect(k, p.founding.founding_group);
    std::vector<double> margin(w.cities.size(), -1.0);
    std::vector<std::uint8_t> accepts(w.cities.size(), 0);
    for_each_index(w.cities.size(), [&](std::size_t i) {
      if (!valuer.eligible(i, k)) return;
      margin[i] = invitation_margin(valuer, i, k, valuer.noise(rng, step, Phase::event_network, i, k));
      accepts[i] = margin[i] > p.coalitions.u_join;
    });
    std::vector<std::int32_t> order;
    for (std::size_t i = 0; i < accepts.size(); ++i)
      if (accepts[i]) order.push_back(static_cast<std::int32_t>(i));
    if (seed.max_members > 0 && order.size() > static_cast<std::size_t>(seed.max_members)) {
      // A capped network (a sponsor's selection) takes the cities that want it most.
      std::stable_sort(order.begin(), order.end(),
                       [&](std::int32_t a, std::int32_t b) { return margin[a] > margin[b]; });
      order.resize(static_cast<std::size_t>(seed.max_members));
      std::sort(order.begin(), order.end());
    }
    for (auto i : order) joined += join_network(w, static_cast<std::size_t>(i), k);
    if (seed.max_members > 0) {
      // The selection is the network's list from now on: the chosen cities
      // may leave and rejoin; nobody else may join.
      auto& list = nw.invited[kk];
      list.assign(order.begin(), order.end());
      if (list.empty()) list.push_back(-1);
    }
  }
  w.log.push_back({.year = w.global.year, .kind = EventKind::named_founded, .network = k, .count = joined});
  return k;
}

void extend_invitations(int year, Networks& nw, Cities& cities, std::vector<EventRecord>& log) {
  for (std::size_t k = 0; k < nw.size(); ++k) {
    if (!nw.active[k] || nw.invite_queue[k].empty() || nw.invites_per_year[k] <= 0 || year <= nw.founded[k]) continue;
    auto& queue = nw.invite_queue[k];
    auto& invited = nw.invited[k];
    invited.erase(std::remove(invited.begin(), invited.end(), -1), invited.end());
    const std::size_t count = std::min(queue.size(), static_cast<std::size_t>(std::floor(nw.invites_per_year[k])));
    for (std::size_t n = 0; n < count; ++n) {
      insert_sorted(invited, queue[n]);
      cities.review_now[static_cast<std::size_t>(queue[n])] = 1;
    }
    queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(count));
    log.push_back({.year = year,
                   .kind = EventKind::invited,
                   .network = static_cast<std::int32_t>(k),
                   .count = static_cast<std::int64_t>(count)});
  }
}

}  // namespace urbis
