#include "agents/network/founding.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "agents/city/portfolio.hpp"
#include "sim/core/parallel.hpp"

namespace urbis {

PerIssue<double> founding_demand(const World& w) {
  const Cities& c = w.cities;
  const double spare = sum_over(c.size(), [&](std::size_t i) {
    return std::max(0.0, c.cooperation[i] * c.intl_budget[i] - c.fees[i]);
  });
  const double total = sum_over(c.size(), [&](std::size_t i) { return c.intl_budget[i]; });
  PerIssue<double> q{};
  for (int k = 0; k < kIssueCount; ++k) q[k] = total > 0 ? w.global.salience[k] * spare / total : 0.0;
  return q;
}

bool join_network(World& w, std::size_t i, int k) {
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

void end_network(World& w, int k, const char* reason) {
  Networks& nw = w.networks;
  nw.active[k] = 0;
  nw.ended[k] = w.global.year;
  for_each_index(w.cities.size(), [&](std::size_t i) {
    if (w.members.has(i, k)) {
      w.members.remove(i, k);
      w.cities.fees[i] -= nw.fee[k];
    }
  });
  w.log.push_back({w.global.year, "dissolved", nw.name[k],
                   fmt::format("{} members released; {}", nw.members[k], reason)});
  nw.members[k] = nw.engagement[k] = nw.engaged_gdp[k] = nw.engaged_log_gdp[k] = 0;
  std::fill_n(nw.region_members.begin() + static_cast<std::ptrdiff_t>(k) * nw.regions, nw.regions, 0.0);
}

namespace {

// Index of the first element of the cumulative weights above u * total.
std::size_t pick_weighted(const std::vector<double>& cumulative, double u) {
  const double target = u * cumulative.back();
  auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
  return static_cast<std::size_t>(std::min<std::ptrdiff_t>(it - cumulative.begin(),
                                                           static_cast<std::ptrdiff_t>(cumulative.size()) - 1));
}

}  // namespace

int found_networks(World& w, const Params& p, const Streams& rng, std::uint32_t step) {
  const FoundingParams& fp = p.founding;
  Cities& c = w.cities;
  const std::size_t n = c.size();
  if (n == 0) return 0;
  const PerIssue<double> demand = founding_demand(w);

  PerIssue<int> births{};
  int total_births = 0;
  for (int q = 0; q < kIssueCount; ++q) {
    births[q] = poisson_draw(rng, step, Phase::founding, static_cast<std::uint32_t>(q), fp.rate * demand[q]);
    total_births += births[q];
  }
  if (total_births == 0) return 0;

  // Founder weights x (V + floor) spare, as a running sum (sequential: exact and cheap).
  std::vector<double> cumulative(n);
  double run = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double spare = std::max(0.0, c.cooperation[i] * c.intl_budget[i] - c.fees[i]);
    run += c.cooperation[i] * (c.reputation[i] + fp.founder_floor) * spare;
    cumulative[i] = run;
  }
  if (run <= 0) return 0;

  MembershipValuer valuer(w, p.coalitions);  // built once; each new network is added to it
  int serial = 0;
  for (int q = 0; q < kIssueCount; ++q) {
    for (int b = 0; b < births[q]; ++b, ++serial) {
      // Draws for this birth: agent id kIssueCount + serial keeps them apart from the counts.
      const auto agent = static_cast<std::uint32_t>(kIssueCount + serial);
      const auto draws = rng.block(step, Phase::founding, agent, 1);
      const std::size_t founder = pick_weighted(cumulative, Streams::to_unit(draws[0], draws[1]));
      const int state = c.state[founder];
      Scope scope;
      if (Streams::to_unit32(draws[2]) < fp.regional_probability) {
        scope.kind = ScopeKind::region;
        scope.index = w.states.region[state];
      }
      const double fee_multiple = p.networks.fee_gdppc_multiple *
                                  std::exp(p.networks.fee_log_sd * rng.normal(step, Phase::founding, agent, 2));
      const std::string name = fmt::format("{} network {}-{}", issue_name(static_cast<Issue>(q)), w.global.year, b + 1);
      const int k = w.networks.add(name, static_cast<Issue>(q), scope, 0.0, fee_multiple, 0.0, false,
                                   p.networks.initial_recognition, w.global.year, state);
      w.networks.fee[k] = fee_multiple * w.global.world_gdp_pc;
      join_network(w, founder, k);

      // Invite the same-state cities nearest in population that can afford it.
      std::vector<std::pair<double, std::int32_t>> near;
      for (auto it = w.state_offsets[state]; it < w.state_offsets[state + 1]; ++it) {
        const std::int32_t i = w.state_cities[static_cast<std::size_t>(it)];
        if (static_cast<std::size_t>(i) == founder) continue;
        const double spare = c.cooperation[i] * c.intl_budget[i] - c.fees[i];
        if (spare >= w.networks.fee[k])
          near.emplace_back(std::abs(c.population[i] - c.population[founder]), i);
      }
      const std::size_t take = std::min(near.size(), static_cast<std::size_t>(fp.invitees));
      std::partial_sort(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(take), near.end());
      valuer.add_network(k);  // the new network, with its founder
      int accepted = 0;
      for (std::size_t t = 0; t < take; ++t) {
        const auto i = static_cast<std::size_t>(near[t].second);
        int same_issue = 0;
        for (auto other : w.members.of(i)) same_issue += w.networks.issue[other] == static_cast<Issue>(q);
        const double score = valuer.value(i, k) + valuer.noise(rng, step, Phase::founding_invite, i, k);
        const double marginal = score / (1.0 + same_issue) - p.coalitions.capacity_cost * w.members.count[i];
        if (marginal > p.coalitions.u_join && join_network(w, i, k)) ++accepted;
      }
      w.log.push_back({w.global.year, "founded", name,
                       fmt::format("founder {}; {} of {} invited cities joined", c.name[founder], accepted, take)});
    }
  }
  return total_births;
}

int dissolve_weak_networks(World& w, const FoundingParams& p) {
  Networks& nw = w.networks;
  int dissolved = 0;
  for (std::size_t k = 0; k < nw.size(); ++k) {
    if (!nw.active[k]) continue;
    // Named networks are historical facts: too few members does not end them
    // (their programme ends in its year), but losing a sponsor still can.
    const bool small = nw.members[k] < p.min_members && !nw.named[k];
    const bool weak = small || (nw.sponsored[k] && nw.funding[k] <= 0);
    nw.weak_years[k] = weak ? nw.weak_years[k] + 1 : 0;
    if (nw.weak_years[k] >= p.grace_years) {
      end_network(w, static_cast<int>(k),
                  nw.sponsored[k] && nw.funding[k] <= 0 ? "sponsor funding ended" : "too few members");
      ++dissolved;
    }
  }
  return dissolved;
}

}  // namespace urbis
