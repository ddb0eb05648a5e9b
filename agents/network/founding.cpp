#include "agents/network/founding.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "agents/city/portfolio.hpp"
#include "agents/state/gaps.hpp"
#include "sim/core/parallel.hpp"

namespace urbis {

PerIssue<double> founding_demand(const Cities& c, const Globals& global) {
  const double spare =
      sum_over(c.size(), [&](std::size_t i) { return std::max(0.0, c.cooperation[i] * c.intl_budget[i] - c.fees[i]); });
  const double total = sum_over(c.size(), [&](std::size_t i) { return c.intl_budget[i]; });
  PerIssue<double> q{};
  for (int k = 0; k < kIssueCount; ++k) q[k] = total > 0 ? global.salience[k] * spare / total : 0.0;
  return q;
}

bool join_network(CoalitionView w, std::size_t i, int k) {
  if (w.members.has(i, k)) return true;
  if (!w.members.add(i, k)) return false;
  Networks& nw = w.networks;
  const double x = w.cities.cooperation[i];
  nw.members[k] += 1;
  nw.engagement[k] += x;
  nw.engaged_gdp[k] += x * w.cities.gdp[i];
  nw.engaged_log_gdp[k] += x * log_gdp(w.cities.gdp[i]);
  nw.region_members[static_cast<std::size_t>(k) * nw.regions + w.cities.region[i]] += 1;
  w.cities.fees[i] += nw.fee[k];
  return true;
}

namespace {

// Network k's own columns at its end, and its `dissolved` event.
void close_network(int year, int k, DissolveReason reason, Networks& nw, std::vector<EventRecord>& log) {
  nw.active[k] = 0;
  nw.status[k] = NetworkStatus::ended;
  nw.ended[k] = year;
  log.push_back({.year = year, .kind = EventKind::dissolved, .reason = reason, .network = k, .count = nw.members[k]});
  nw.members[k] = 0;
  nw.engagement[k] = nw.engaged_gdp[k] = nw.engaged_log_gdp[k] = 0;
  std::fill_n(nw.region_members.begin() + static_cast<std::ptrdiff_t>(k) * nw.regions, nw.regions, 0);
}

// Releases the members of every network marked in `ending` in one pass over
// the cities (a pass per network ended would cost cities x networks). A
// city's fees fall network by network in index order, as they would with
// the networks ended one at a time.
void release_members(const std::vector<std::uint8_t>& ending, const Networks& nw, Memberships& members,
                     Cities& cities) {
  for_each_index(cities.size(), [&](std::size_t i) {
    std::array<std::int32_t, 256> ended;  // a row holds at most 255 networks (Memberships::count)
    std::size_t n = 0;
    for (auto k : members.of(i))
      if (ending[static_cast<std::size_t>(k)]) ended[n++] = k;
    if (n == 0) return;
    std::sort(ended.begin(), ended.begin() + static_cast<std::ptrdiff_t>(n));
    for (std::size_t a = 0; a < n; ++a) {
      members.remove(i, ended[a]);
      cities.fees[i] -= nw.fee[ended[a]];
    }
  });
}

}  // namespace

void end_network(int year, int k, DissolveReason reason, Networks& nw, Memberships& members, Cities& cities,
                 std::vector<EventRecord>& log) {
  std::vector<std::uint8_t> ending(nw.size(), 0);
  ending[static_cast<std::size_t>(k)] = 1;
  release_members(ending, nw, members, cities);
  close_network(year, k, reason, nw, log);
}

namespace {

// Index of the first element of the cumulative weights above u * total.
std::size_t pick_weighted(const std::vector<double>& cumulative, double u) {
  const double target = u * cumulative.back();
  auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
  return static_cast<std::size_t>(
      std::min<std::ptrdiff_t>(it - cumulative.begin(), static_cast<std::ptrdiff_t>(cumulative.size()) - 1));
}

// Cities able to act on the world stage this year: not played, with a free
// slot, and with a typical membership's cost left in their cooperation
// budget. Founders are drawn among them with weight x_i (one running sum,
// sequential: exact and linear in the cities); a founder invites the able
// cities of the network's scope nearest to it in GDP (sorted once, on the
// first birth that needs them).
struct AbleCities {
  const CoalitionView& w;
  std::vector<double> world;  // cumulative weight over all cities
  double typical_fee = 0;
  mutable std::vector<std::vector<std::int32_t>> by_gdp;  // [0]: the world's able cities by ln GDP; [1 + r]: region r's
  mutable std::vector<std::size_t> rank;                  // a city's position in its lists (world, region)
  mutable bool sorted = false;
  // Each network's niche, taken as networks are added during the phase (a
  // network's issue, scale and selectivity do not change within it): the
  // search for unserved cities reads a byte per membership instead of the
  // network's issue, scope and selection columns.
  mutable std::vector<std::int8_t> niche_of;
  static_assert(kIssueCount * kScaleCount * 2 <= 127, "a niche fits a signed byte");

  AbleCities(const CoalitionView& view, const Params& p) : w(view) {
    const Cities& c = w.cities;
    const std::size_t n = c.size();
    const std::uint8_t* played = w.players.mask();
    typical_fee = w.global.typical_fee();
    world.resize(n);
    double run = 0;
    for (std::size_t i = 0; i < n; ++i) {
      run += weight(i, played);
      world[i] = run;
    }
  }
  double weight(std::size_t i, const std::uint8_t* played) const {
    const Cities& c = w.cities;
    if ((played && played[i]) || w.members.count[i] >= w.members.slots) return 0.0;
    const double spare = c.cooperation[i] * c.intl_budget[i] - c.fees[i];
    return spare >= typical_fee ? c.cooperation[i] : 0.0;
  }
  bool any() const { return !world.empty() && world.back() > 0; }
  std::int64_t pick(double u) const { return any() ? static_cast<std::int64_t>(pick_weighted(world, u)) : -1; }

  void sort() const {
    if (sorted) return;
    sorted = true;
    const Cities& c = w.cities;
    const std::size_t R = w.region_names.size();
    by_gdp.assign(1 + R, {});
    for (std::size_t i = 0; i < c.size(); ++i) {
      if ((i == 0 ? world[0] : world[i] - world[i - 1]) <= 0) continue;
      by_gdp[0].push_back(static_cast<std::int32_t>(i));
      if (R) by_gdp[1 + static_cast<std::size_t>(c.region[i])].push_back(static_cast<std::int32_t>(i));
    }
    rank.assign(c.size() * 2, 0);
    // By GDP, ties in city order (each list is built in city order): sorting
    // (GDP, city) pairs gives a stable sort's order without its buffer, and
    // reads each city's GDP once rather than at every comparison.
    std::vector<std::pair<double, std::int32_t>> keyed;
    for (std::size_t l = 0; l < by_gdp.size(); ++l) {
      auto& list = by_gdp[l];
      keyed.clear();
      for (const std::int32_t i : list) keyed.emplace_back(c.gdp[i], i);
      std::sort(keyed.begin(), keyed.end());
      for (std::size_t r = 0; r < list.size(); ++r) {
        list[r] = keyed[r].second;
        rank[static_cast<std::size_t>(list[r]) * 2 + (l ? 1 : 0)] = r;
      }
    }
  }
  // Up to n able cities of the scope (the world, or region r >= 0) nearest
  // to `city` in GDP, taken alternately below and above it, that hold no
  // network of niche `niche` (a need no network of theirs serves yet).
  std::vector<std::int32_t> nearest(int region, std::size_t city, int n, int niche) const {
    sort();
    const auto& list = by_gdp[region < 0 ? 0 : 1 + static_cast<std::size_t>(region)];
    std::vector<std::int32_t> out;
    const bool listed = (city == 0 ? world[0] : world[city] - world[city - 1]) > 0;
    // Where the city is (or would be) in the list.
    std::ptrdiff_t at =
        listed ? static_cast<std::ptrdiff_t>(rank[city * 2 + (region < 0 ? 0 : 1)])
               : std::lower_bound(list.begin(), list.end(), static_cast<std::int32_t>(city),
                                  [&](std::int32_t a, std::int32_t b) { return w.cities.gdp[a] < w.cities.gdp[b]; }) -
                     list.begin();
    std::ptrdiff_t lo = at - 1, hi = listed ? at + 1 : at;
    const auto size = static_cast<std::ptrdiff_t>(list.size());
    for (std::size_t k = niche_of.size(); k < w.networks.size(); ++k)
      niche_of.push_back(static_cast<std::int8_t>(w.networks.niche(k)));
    auto unserved = [&](std::int32_t i) {
      for (auto k : w.members.of(static_cast<std::size_t>(i)))
        if (niche_of[static_cast<std::size_t>(k)] == niche) return false;
      return true;
    };
    // Look no further than 20 cities a place on each side: like the founder, or not at all.
    for (int looked = 0; static_cast<int>(out.size()) < n && (lo >= 0 || hi < size) && looked < 40 * n; ++looked) {
      const bool below = (looked % 2 == 0 && lo >= 0) || hi >= size;
      const std::int32_t i = list[static_cast<std::size_t>(below ? lo-- : hi++)];
      if (unserved(i)) out.push_back(i);
    }
    return out;
  }
};

// A new network on issue q founded by city `founder` with `scope`, its fee
// multiple drawn around the median; the founder joins it.
// Opens a network its founder joins; -1 (nothing opened) when the founder has
// no free slot left (it may have founded once already this year): a city
// does not found what it cannot join.
int open_network(CoalitionView w, const Params& p, std::string name, Issue q, Scope scope, std::size_t founder,
                 double fee_z, NetworkOrigin origin) {
  if (w.members.count[founder] >= w.members.slots) return -1;
  const double fee_multiple = p.networks.fee_gdppc_multiple * std::exp(p.networks.fee_log_sd * fee_z);
  const int k = w.networks.add(std::move(name), q, std::move(scope), 0.0, fee_multiple, 0.0, false,
                               p.networks.initial_recognition, w.global.year, w.cities.state[founder], origin);
  w.networks.fee[k] = fee_multiple * w.global.world_gdp_pc * w.global.coordination_cost;
  if (!join_network(w, founder, k)) throw std::logic_error("open_network: the founder could not join");
  return k;
}

// The invited cities decide together against the network valued as the
// club of the founding group (founder + invited); returns how many joined.
int invite(CoalitionView w, MembershipValuer& valuer, int k, const std::vector<std::int32_t>& invited,
           const Streams& rng, std::uint32_t step, Phase phase) {
  valuer.add_network(k);
  valuer.prospect(k, 1.0 + static_cast<double>(invited.size()));
  std::vector<std::int32_t> accepted;
  for (auto i : invited)
    if (valuer.eligible(static_cast<std::size_t>(i), k) &&
        accepts_invitation(valuer, static_cast<std::size_t>(i), k,
                           valuer.noise(rng, step, phase, static_cast<std::size_t>(i), k)))
      accepted.push_back(i);
  int joined = 0;
  for (auto i : accepted) joined += join_network(w, static_cast<std::size_t>(i), k);
  valuer.add_network(k);  // back to the club as it now is
  return joined;
}

// One birth of a network on issue q: founder, scope, fee and founding group
// from the block (step, phase, agent); returns the network or -1.
int found_one(CoalitionView w, const Params& p, MembershipValuer& valuer, const AbleCities& able, Issue q,
              std::string name, NetworkOrigin origin, const Streams& rng, std::uint32_t step, Phase phase,
              std::uint32_t agent) {
  const auto draws = rng.block(step, phase, agent, 1);
  const std::int64_t founder = able.pick(Streams::to_unit(draws[0], draws[1]));
  if (founder < 0) return -1;
  const auto f = static_cast<std::size_t>(founder);
  Scope scope;
  int region = -1;
  if (Streams::to_unit32(draws[2]) < p.founding.regional_probability && !w.region_names.empty()) {
    scope.kind = ScopeKind::region;
    scope.index = region = w.cities.region[f];
  }
  const int k = open_network(w, p, std::move(name), q, std::move(scope), f, rng.normal(step, phase, agent, 2), origin);
  if (k < 0) return -1;
  // The founding group: the n_inv able cities of the scope most like the
  // founder among those no network of this kind serves yet.
  const std::vector<std::int32_t> invited =
      able.nearest(region, f, static_cast<int>(p.founding.invitees), w.networks.niche(static_cast<std::size_t>(k)));
  int joined = 0;
  if (origin == NetworkOrigin::start) {
    // A network that existed before the start: the data do not name its
    // members, so it has its founding group, as it was.
    for (auto i : invited) joined += join_network(w, static_cast<std::size_t>(i), k);
    valuer.add_network(k);
  } else {
    joined = invite(w, valuer, k, invited, rng, step, Phase::founding_invite);
  }
  w.log.push_back({.year = w.global.year,
                   .kind = EventKind::founded,
                   .network = k,
                   .city = static_cast<std::int32_t>(f),
                   .count = joined,
                   .of = static_cast<std::int64_t>(invited.size())});
  return k;
}

// Answer networks of state j on issue q: the founder is one of its able
// cities (weight x_i a_i), every city of the state is invited.
int found_answers(CoalitionView w, const Params& p, MembershipValuer& valuer, const AbleCities& able,
                  const Streams& rng, std::uint32_t step) {
  const Cities& c = w.cities;
  const States& s = w.states;
  const std::uint8_t* played = w.players.mask();
  int founded = 0;
  for (std::size_t j = 0; j < s.size(); ++j) {
    PerIssue<double> retreat_q{};
    bool any = false;
    for (int q = 0; q < kIssueCount; ++q) any |= (retreat_q[q] = retreat(s, j, q)) > 0;
    if (!any) continue;
    // A_j: the cooperation of the cities able to act, weighted by autonomy.
    std::vector<double> cumulative;
    std::vector<std::int32_t> cities;
    double run = 0;
    for (const std::int32_t city : w.by_state.of(j)) {
      const auto i = static_cast<std::size_t>(city);
      cities.push_back(city);
      run += able.weight(i, played) * c.autonomy[i] / std::max(p.states.initial_autonomy, 1e-9);
      cumulative.push_back(run);
    }
    if (run <= 0) continue;
    for (int q = 0; q < kIssueCount; ++q) {
      if (retreat_q[q] <= 0) continue;
      const auto agent = static_cast<std::uint32_t>(j * kIssueCount + static_cast<std::size_t>(q));
      const int births = poisson_draw(rng, step, Phase::answer_founding, agent,
                                      p.founding.answer_rate * retreat_q[q] * std::sqrt(run));
      for (int b = 0; b < births; ++b) {
        const auto serial = static_cast<std::uint32_t>(b + 1);
        const auto founder = static_cast<std::size_t>(
            cities[pick_weighted(cumulative, rng.uniform(step, Phase::answer_founding, agent, serial))]);
        Scope scope;
        scope.kind = ScopeKind::states;
        scope.states.assign(s.size(), 0);
        scope.states[j] = 1;
        const std::string name =
            fmt::format("{} coalition of {} {}-{}", issue_name(static_cast<Issue>(q)), s.iso3[j], w.global.year, b + 1);
        const int k =
            open_network(w, p, name, static_cast<Issue>(q), std::move(scope), founder,
                         rng.normal(step, Phase::answer_founding, agent, 100 + serial), NetworkOrigin::answer);
        if (k < 0) continue;
        std::vector<std::int32_t> invited;
        for (auto i : cities)
          if (static_cast<std::size_t>(i) != founder) invited.push_back(i);
        const int joined = invite(w, valuer, k, invited, rng, step, Phase::answer_invite);
        w.log.push_back({.year = w.global.year,
                         .kind = EventKind::answer_founded,
                         .network = k,
                         .state = static_cast<std::int32_t>(j),
                         .city = static_cast<std::int32_t>(founder),
                         .issue = static_cast<std::int32_t>(q),
                         .count = joined,
                         .of = static_cast<std::int64_t>(invited.size())});
        ++founded;
      }
    }
  }
  return founded;
}

}  // namespace

int found_networks(CoalitionView w, const Params& p, const Streams& rng, std::uint32_t step) {
  if (w.cities.size() == 0) return 0;
  const PerIssue<double> demand = founding_demand(w.cities, w.global);
  PerIssue<int> births{};
  for (int q = 0; q < kIssueCount; ++q)
    births[q] = poisson_draw(rng, step, Phase::founding, static_cast<std::uint32_t>(q), p.founding.rate * demand[q]);

  const AbleCities able(w, p);
  MembershipValuer valuer(w, p.coalitions);  // built once; each new network is added to it
  int founded = 0, serial = 0;
  if (able.any())
    for (int q = 0; q < kIssueCount; ++q)
      for (int b = 0; b < births[q]; ++b, ++serial) {
        // Agent kIssueCount + serial keeps the births' draws apart from the counts'.
        const std::string name =
            fmt::format("{} network {}-{}", issue_name(static_cast<Issue>(q)), w.global.year, b + 1);
        founded += found_one(w, p, valuer, able, static_cast<Issue>(q), name, NetworkOrigin::founded, rng, step,
                             Phase::founding, static_cast<std::uint32_t>(kIssueCount + serial)) >= 0;
      }
  return founded + found_answers(w, p, valuer, able, rng, step);
}

void found_start_networks(CoalitionView w, int count, const Params& p, const Streams& rng) {
  if (count <= 0 || w.cities.size() == 0) return;
  const AbleCities able(w, p);
  if (!able.any()) return;
  MembershipValuer valuer(w, p.coalitions);
  const auto& base = w.global.salience_baseline;
  double total = 0;
  for (double v : base) total += v;
  for (int n = 0; n < count; ++n) {
    const auto id = static_cast<std::uint32_t>(n);
    double u = rng.uniform(0, Phase::start_networks, id, 0) * total;
    int q = 0;
    while (q < kIssueCount - 1 && u >= base[q]) u -= base[q++];
    // Numbered, not named by issue: the same network has the same name in
    // every seed, so targets and comparisons can name it.
    const std::string name = fmt::format("Network {}", n + 1);
    found_one(w, p, valuer, able, static_cast<Issue>(q), name, NetworkOrigin::start, rng, 0, Phase::start_networks, id);
  }
}

int dissolve_weak_networks(int year, const FoundingParams& p, Networks& nw, Memberships& members, Cities& cities,
                           std::vector<EventRecord>& log) {
  int dissolved = 0;
  std::vector<std::uint8_t> ending(nw.size(), 0);
  for (std::size_t k = 0; k < nw.size(); ++k) {
    if (!nw.active[k]) continue;
    const bool small = nw.members[k] < p.min_members;
    const bool unfunded = nw.sponsored[k] && nw.funding[k] <= 0;
    if (!small) nw.formed[k] = 1;
    const bool forming = small && !nw.formed[k] && year - nw.founded[k] < p.forming_years;
    nw.status[k] = !small ? NetworkStatus::active : forming ? NetworkStatus::forming : NetworkStatus::dormant;
    // A new network that never gathered n_min members ends with its founding
    // period; an established one after grace_years below n_min. Named
    // networks are historical facts: too few members does not end them (their
    // programme ends in its year), but losing a sponsor still can.
    const bool never_formed = small && !nw.formed[k] && !forming && !nw.named[k];
    const bool weak = (small && !nw.named[k] && !forming) || unfunded;
    nw.weak_years[k] = weak ? nw.weak_years[k] + 1 : 0;
    if (never_formed || nw.weak_years[k] >= p.grace_years) {
      const DissolveReason why = unfunded       ? DissolveReason::funding_ended
                                 : never_formed ? DissolveReason::never_formed
                                                : DissolveReason::too_few_members;
      // (Whether a network ends reads its own columns only, so its members
      // can be released with the others' after the loop.)
      close_network(year, static_cast<int>(k), why, nw, log);
      ending[k] = 1;
      ++dissolved;
    }
  }
  if (dissolved > 0) release_members(ending, nw, members, cities);
  return dissolved;
}

}  // namespace urbis
