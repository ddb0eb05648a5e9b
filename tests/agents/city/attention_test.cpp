// Bounded attention (MODEL 7.3): the sample of open networks a reviewing city
// weighs (agents/city/attention.hpp), and what it does to a review.
#include "agents/city/attention.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "agents/city/portfolio.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

std::vector<std::int32_t> iota_list(int from, int n) {
  std::vector<std::int32_t> v(static_cast<std::size_t>(n));
  for (int a = 0; a < n; ++a) v[static_cast<std::size_t>(a)] = from + a;
  return v;
}

std::vector<int> sample(const std::array<const std::vector<std::int32_t>*, 3>& lists, std::size_t total,
                        std::size_t attention, double u) {
  std::vector<int> seen;
  visit_attention_sample(lists, total, attention, u, [&](int k) { seen.push_back(k); });
  return seen;
}

TEST(Attention, EveryNetworkIsSampledWithProbabilityAttentionOverTotal) {
  // Three lists (one empty), totals from just above the attention to far
  // above it; u on a fine grid of [0, 1). Each network must be seen in
  // attention / total of the grid (up to the grid's rounding: one point per
  // interval end), the sample must hold `attention` distinct networks, and
  // the lists must be read in order.
  struct Case {
    int a, b, c;
    std::size_t attention;
  };
  for (const Case cs : {Case{7, 0, 5, 11}, Case{100, 30, 3, 24}, Case{1, 1, 300, 24}, Case{0, 50, 0, 7}}) {
    const auto la = iota_list(0, cs.a), lb = iota_list(1000, cs.b), lc = iota_list(2000, cs.c);
    const std::array<const std::vector<std::int32_t>*, 3> lists{&la, &lb, &lc};
    const auto total = static_cast<std::size_t>(cs.a + cs.b + cs.c);
    std::vector<int> order(la.begin(), la.end());
    order.insert(order.end(), lb.begin(), lb.end());
    order.insert(order.end(), lc.begin(), lc.end());
    std::vector<int> count(3000, 0);
    const int grid = 20000;
    for (int g = 0; g < grid; ++g) {
      const auto seen = sample(lists, total, cs.attention, (g + 0.5) / grid);
      ASSERT_EQ(seen.size(), cs.attention);
      // In list order, hence distinct.
      std::vector<std::size_t> at;
      for (int k : seen)
        at.push_back(static_cast<std::size_t>(std::find(order.begin(), order.end(), k) - order.begin()));
      ASSERT_TRUE(std::is_sorted(at.begin(), at.end()));
      ASSERT_EQ(std::adjacent_find(at.begin(), at.end()), at.end());
      for (int k : seen) ++count[static_cast<std::size_t>(k)];
    }
    const double expected = static_cast<double>(grid) * static_cast<double>(cs.attention) / static_cast<double>(total);
    for (int k : order) EXPECT_NEAR(count[static_cast<std::size_t>(k)], expected, 2.0) << "network " << k;
  }
}

TEST(Attention, AUniformJustBelowOneStaysInRange) {
  const auto l = iota_list(0, 250);
  const std::vector<std::int32_t> none;
  const std::array<const std::vector<std::int32_t>*, 3> lists{&none, &l, &none};
  const auto seen = sample(lists, 250, 24, std::nextafter(1.0, 0.0));
  ASSERT_EQ(seen.size(), 24u);
  EXPECT_EQ(seen.back(), 249);
  EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end());
}

// Parameters under which every network is worth far more than u_join to
// every city (a large gap, no staff cost, no noise to speak of): a review
// takes every network it weighs, up to its slots, and nothing else.
Params eager_params(double attention) {
  Params p = test::reference_params();
  for (const ParamSpec& s : param_table())
    if (s.path.starts_with("coalitions.b_")) s.ref(p) = 0;
  p.coalitions.b_gap = 100;
  p.coalitions.choice_precision = 1e6;
  p.coalitions.capacity_cost = 0;
  p.coalitions.attention = attention;
  return p;
}

// n cities of one state with x = 1 and a budget that pays any fee, and
// `networks` open global climate networks, each worth 100 x 0.4 = 40 (the
// climate gap of commitment 0.4). They share a niche, so the j-th taken is
// worth 40 / j, still far above u_join at the 32nd slot.
World eager_world(const Params& p, int cities, int networks) {
  World w = test::make_world(p, cities);
  w.states.commitment[0] = 0.4;  // the climate gap; the others come from salience
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    w.cities.cooperation[i] = 1.0;
    w.cities.intl_budget[i] = 1e12;
  }
  for (int k = 0; k < networks; ++k) test::add_network(w, {.name = fmt::format("n{}", k), .issue = Issue::climate});
  return w;
}

int memberships(const World& w, std::size_t i) { return w.members.count[i]; }

TEST(Attention, AReviewWeighsHeldNetworksAndAtMostAttentionOthers) {
  const Params bounded = eager_params(10), unbounded = eager_params(0);
  World w = eager_world(bounded, 40, 100);
  World all = eager_world(unbounded, 40, 100);
  test::review(w, bounded, Streams(3), 0, 1.0);
  test::review(all, unbounded, Streams(3), 0, 1.0);
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    EXPECT_EQ(memberships(w, i), 10) << "city " << i;              // the ten it looked at
    EXPECT_EQ(memberships(all, i), test::kSlots) << "city " << i;  // every slot
  }
  // A second review keeps the ten and weighs ten more (some of them held).
  test::review(w, bounded, Streams(3), 1, 1.0);
  int grew = 0;
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    EXPECT_GE(memberships(w, i), 10);
    EXPECT_LE(memberships(w, i), 20);
    grew += memberships(w, i) > 10;
  }
  EXPECT_GE(grew, 35);
}

TEST(Attention, GrowsWithTheCitysStaff) {
  // Staff exponent eta set so that every city's staff is 2.5 (a budget of
  // 2.5^(1/eta) typical memberships): with A = 3 each weighs ceil(7.5) = 8.
  Params p = eager_params(3);
  World w = eager_world(p, 20, 100);
  w.global.world_gdp_pc = 1e4;  // the cities' (budgets are not computed here)
  const double typical = w.global.typical_fee();
  ASSERT_GT(typical, 0);
  p.coalitions.capacity_scaling = std::log(2.5) / std::log(1e12 / typical);
  ASSERT_NEAR(MembershipValuer(w.coalition_view(), p.coalitions).staff(0), 2.5, 1e-9);
  test::review(w, p, Streams(4), 0, 1.0);
  for (std::size_t i = 0; i < w.cities.size(); ++i) EXPECT_EQ(memberships(w, i), 8) << "city " << i;
}

// Memberships of city i in networks of region scope and of global scope.
std::pair<int, int> near_and_far(const World& w, std::size_t i) {
  int near = 0, far = 0;
  for (auto k : w.members.of(i))
    (w.networks.scope[static_cast<std::size_t>(k)].kind == ScopeKind::region ? near : far)++;
  return {near, far};
}

TEST(Attention, HalfGoesToTheNetworksOfTheCitysRegion) {
  // 60 global networks and 30 of the cities' region: with A = 10, five of
  // each; with only 2 regional ones, those 2 and 8 global ones.
  const Params p = eager_params(10);
  for (const int regional : {30, 2}) {
    World w = eager_world(p, 20, 60);
    for (int k = 0; k < regional; ++k)
      test::add_network(w, {.name = fmt::format("r{}", k), .issue = Issue::climate, .scope = test::region_scope(0)});
    test::review(w, p, Streams(6), 0, 1.0);
    const int near = std::min(regional, 5);
    for (std::size_t i = 0; i < w.cities.size(); ++i)
      EXPECT_EQ(near_and_far(w, i), std::make_pair(near, 10 - near)) << regional << " regional, city " << i;
  }
}

TEST(Attention, FewerOpenNetworksThanAttentionAreAllWeighed) {
  const Params p = eager_params(24);
  World w = eager_world(p, 5, 20);
  test::review(w, p, Streams(1), 0, 1.0);
  for (std::size_t i = 0; i < w.cities.size(); ++i) EXPECT_EQ(memberships(w, i), 20);
}

TEST(Attention, EveryNetworkDrawsItsShareOfTheCities) {
  // 600 cities weigh 10 of 60 networks each: every network should be joined
  // by about 100 of them (binomial sd 9); a sample biased to the first or
  // last networks of the lists, or the same for every city, fails.
  const Params p = eager_params(10);
  World w = eager_world(p, 600, 60);
  const PortfolioStats s = test::review(w, p, Streams(5), 0, 1.0);
  for (std::size_t k = 0; k < 60; ++k) {
    EXPECT_GT(s.joined[k], 60) << "network " << k;
    EXPECT_LT(s.joined[k], 140) << "network " << k;
  }
}

TEST(Attention, AnInvitationIsWeighedWhateverTheSample) {
  // One network of 101 invites every city by name: all 30 take it at their
  // first review although each looks at only 1 of the others.
  const Params p = eager_params(1);
  World w = eager_world(p, 30, 100);
  const int club = test::add_network(w, {.name = "club", .issue = Issue::climate});
  w.networks.invited[static_cast<std::size_t>(club)] = iota_list(0, 30);
  const PortfolioStats s = test::review(w, p, Streams(2), 0, 1.0);
  EXPECT_EQ(s.joined[static_cast<std::size_t>(club)], 30);
  // Each also takes the one it sampled, unless the sample fell on the club
  // (1 in 101).
  int two = 0;
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    EXPECT_GE(memberships(w, i), 1);
    EXPECT_LE(memberships(w, i), 2);
    two += memberships(w, i) == 2;
  }
  EXPECT_GE(two, 27);
}

}  // namespace
}  // namespace urbis
