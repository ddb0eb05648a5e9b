// Phase 6b (MODEL 7.5): founding demand, new networks and their founders and
// invitees, and dissolution of weak networks.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "agents/network/aggregate.hpp"
#include "agents/network/founding.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

using test::iq;

TEST(Founding, DemandFormula) {
  // Q_q = sigma_q sum max(0, x D - fees) / sum D
  //     = sigma_q (4e5 + 0 + 1e6) / 4e6 = 0.35 sigma_q
  const Params p = test::reference_params();
  World w = test::make_world(p, 3);
  w.cities.cooperation << 0.5, 0.2, 1.0;
  w.cities.intl_budget << 1e6, 2e6, 1e6;
  w.cities.fees << 1e5, 5e5, 0.0;  // city 1 overspends: counts as 0, not -1e5
  const PerIssue<double> q = founding_demand(w);
  EXPECT_NEAR(q[iq(Issue::climate)], 0.6 * 0.35, 1e-15);
  EXPECT_NEAR(q[iq(Issue::health)], 0.3 * 0.35, 1e-15);
  EXPECT_NEAR(q[iq(Issue::peace)], 0.2 * 0.35, 1e-15);
  // No budgets at all: no demand (and no division by zero).
  w.cities.intl_budget.setZero();
  for (double d : founding_demand(w)) EXPECT_EQ(d, 0.0);
}

// Eight cities in state 0 with populations (1.0, 2.1, 3.3, 6.0, 6.6, 7.8, 9.5,
// 12.0) x 1e6 and two in state 1 at 6.01e6 and 6.02e6. City 3 has reputation 100,
// the others 0, so it is (all but surely) the founder. Only climate is salient;
// state 0 has no climate commitment, so its cities value a climate network highly.
World founding_world(const Params& p) {
  World w = test::make_world(p, {0, 0, 0, 0, 0, 0, 0, 0, 1, 1}, 2, 2);
  const double pop[] = {1.0, 2.1, 3.3, 6.0, 6.6, 7.8, 9.5, 12.0, 6.01, 6.02};
  for (std::size_t i = 0; i < 10; ++i) test::set_city_economy(w, i, pop[i] * 1e6, 1e4);
  w.cities.reputation[3] = 100;
  w.global.salience = {};
  w.global.salience[iq(Issue::climate)] = 1.0;
  w.states.commitment << 0.0, 0.0;
  test::refresh(w, p);
  w.cities.intl_budget.setConstant(1e6);  // x D = 5e5 each
  w.global.world_gdp_pc = 1.0;            // fees of about 20 USD: everyone can afford them
  return w;
}

std::string founder_of(const EventRecord& e) {
  const auto b = e.detail.find("founder ") + 8;
  return e.detail.substr(b, e.detail.find(';') - b);
}

TEST(Founding, RateZeroFoundsNothing) {
  Params p = test::reference_params();
  p.founding.rate = 0;
  World w = founding_world(p);
  EXPECT_EQ(found_networks(w, p, Streams(1), 0), 0);
  EXPECT_EQ(w.networks.size(), 0u);
  EXPECT_TRUE(w.log.empty());
}

TEST(Founding, FounderJoinsAndInvitesItsNearestSameStateCities) {
  Params p = test::reference_params();
  p.founding.rate = 6;  // Poisson(6 x 0.5) births on climate
  World w = founding_world(p);
  const int born = found_networks(w, p, Streams(2), 0);
  ASSERT_GT(born, 0);
  ASSERT_EQ(w.networks.size(), static_cast<std::size_t>(born));
  ASSERT_EQ(w.log.size(), static_cast<std::size_t>(born));

  // The first network: founded by city 3 (6.0e6) with the five nearest in
  // population of its own state (6.6, 7.8, 3.3, 9.5, 2.1; distances 0.6 to
  // 3.9), not 1.0 (5.0 away) or 12.0 (6.0 away), and none of state 1's cities
  // although they are nearer still.
  EXPECT_EQ(w.log[0].kind, "founded");
  ASSERT_EQ(founder_of(w.log[0]), "c3");
  std::set<int> members;
  for (std::size_t i = 0; i < 10; ++i)
    if (w.members.has(i, 0)) members.insert(static_cast<int>(i));
  EXPECT_EQ(members, (std::set<int>{1, 2, 3, 4, 5, 6}));
  EXPECT_EQ(w.networks.members[0], 6);
  EXPECT_EQ(w.networks.issue[0], Issue::climate);
  EXPECT_EQ(w.networks.founder_state[0], 0);
  EXPECT_EQ(w.networks.founded[0], 2000);
  EXPECT_DOUBLE_EQ(w.networks.recognition[0], p.networks.initial_recognition);
  EXPECT_DOUBLE_EQ(w.networks.fee[0], w.networks.fee_multiple[0] * 1.0);
  EXPECT_NE(w.log[0].detail.find("5 of 5 invited cities joined"), std::string::npos) << w.log[0].detail;
  // Joining charged the fee.
  EXPECT_DOUBLE_EQ(w.cities.fees[0], [&] {
    double f = 0;
    for (auto k : w.members.of(0)) f += w.networks.fee[k];
    return f;
  }());

  // Every network: its founder is a member, all members are of the founder's state.
  for (std::size_t k = 0; k < w.networks.size(); ++k) {
    const std::string founder = founder_of(w.log[k]);
    const auto it = std::find(w.cities.name.begin(), w.cities.name.end(), founder);
    ASSERT_NE(it, w.cities.name.end());
    const auto f = static_cast<std::size_t>(it - w.cities.name.begin());
    EXPECT_TRUE(w.members.has(f, static_cast<int>(k))) << "network " << k;
    for (std::size_t i = 0; i < 10; ++i)
      if (w.members.has(i, static_cast<int>(k))) {
        EXPECT_EQ(w.cities.state[i], w.networks.founder_state[k]);
      }
  }
}

TEST(Founding, InviteesMustAffordTheFee) {
  // The nearest city (c4, 6.6e6) has spent its cooperative budget: it is
  // passed over and the sixth nearest (c0, 5.0e6 away) is invited instead.
  Params p = test::reference_params();
  p.founding.rate = 6;
  World w = founding_world(p);
  w.cities.fees[4] = 5e5;  // spare 0 < fee
  ASSERT_GT(found_networks(w, p, Streams(2), 0), 0);
  ASSERT_EQ(founder_of(w.log[0]), "c3");
  std::set<int> members;
  for (std::size_t i = 0; i < 10; ++i)
    if (w.members.has(i, 0)) members.insert(static_cast<int>(i));
  EXPECT_EQ(members, (std::set<int>{0, 1, 2, 3, 5, 6}));
}

TEST(Founding, FounderDrawnWithWeightXTimesReputationTimesSpare) {
  // Weights x (V + 0.01) (x D - fees)+:
  //   c0: 1.0 x 0.01 x 1e6 = 1e4 ; c1: 0.5 x 0.01 x 1e6 = 5e3 ;
  //   c2: 0.5 x 0.02 x 1e6 = 1e4 ; c3: spends all on fees: 0.
  // Founder shares 0.4, 0.2, 0.4, 0 over about 200 births.
  Params p = test::reference_params();
  p.founding.rate = 300;
  World w = test::make_world(p, {0, 1, 2, 3}, 4);
  w.global.salience = {};
  w.global.salience[iq(Issue::climate)] = 1.0;
  test::refresh(w, p);
  w.cities.cooperation << 1.0, 0.5, 0.5, 0.5;
  w.cities.intl_budget << 1e6, 2e6, 2e6, 2e6;
  w.cities.reputation << 0.0, 0.0, 0.01, 5.0;
  w.cities.fees << 0.0, 0.0, 0.0, 1.5e6;
  w.global.world_gdp_pc = 1.0;
  const int born = found_networks(w, p, Streams(21), 0);
  ASSERT_GT(born, 100);
  std::vector<int> founded(4, 0);
  for (const auto& e : w.log) ++founded[static_cast<std::size_t>(founder_of(e)[1] - '0')];
  EXPECT_NEAR(founded[0] / static_cast<double>(born), 0.4, 0.1);
  EXPECT_NEAR(founded[1] / static_cast<double>(born), 0.2, 0.08);
  EXPECT_NEAR(founded[2] / static_cast<double>(born), 0.4, 0.1);
  EXPECT_EQ(founded[3], 0);
}

TEST(Founding, LargeRateFoundsManyAndScopesFollowRegionalProbability) {
  Params p = test::reference_params();
  p.founding.rate = 30;
  p.founding.regional_probability = 1.0;
  World w = founding_world(p);
  const int born = found_networks(w, p, Streams(3), 0);
  EXPECT_GT(born, 5);
  for (std::size_t k = 0; k < w.networks.size(); ++k) {
    EXPECT_EQ(w.networks.scope[k].kind, ScopeKind::region);
    EXPECT_EQ(w.networks.scope[k].index, w.states.region[w.networks.founder_state[k]]);
    EXPECT_GE(w.networks.members[k], 1);
    EXPECT_TRUE(w.networks.active[k]);
  }
  p.founding.regional_probability = 0.0;
  World g = founding_world(p);
  found_networks(g, p, Streams(3), 0);
  for (std::size_t k = 0; k < g.networks.size(); ++k) EXPECT_EQ(g.networks.scope[k].kind, ScopeKind::global);
}

TEST(Founding, OnlySalientIssuesGetNetworks) {
  Params p = test::reference_params();
  p.founding.rate = 30;
  World w = founding_world(p);  // only climate is salient
  found_networks(w, p, Streams(4), 0);
  ASSERT_GT(w.networks.size(), 0u);
  for (std::size_t k = 0; k < w.networks.size(); ++k) EXPECT_EQ(w.networks.issue[k], Issue::climate);
}

// Five cities; "small" has 2 members, "ok" 3, "unfunded" is sponsored with
// funding 0 and 4 members, "funded" is sponsored and funded with 4 members.
struct DissolveFixture {
  Params p = test::reference_params();  // n_min 3, grace 3
  World w;
  int small, ok, unfunded, funded;
  DissolveFixture() {
    w = test::make_world(p, 5);
    small = test::add_network(w, {.name = "small", .fee_multiple = 1});
    ok = test::add_network(w, {.name = "ok", .fee_multiple = 1});
    unfunded = test::add_network(w, {.name = "unfunded", .fee_multiple = 1, .funding = 0, .sponsored = true});
    funded = test::add_network(w, {.name = "funded", .fee_multiple = 1, .funding = 1e5, .sponsored = true});
    for (std::size_t i = 0; i < 2; ++i) w.members.add(i, small);
    for (std::size_t i = 0; i < 3; ++i) w.members.add(i, ok);
    for (std::size_t i = 0; i < 4; ++i) w.members.add(i, unfunded), w.members.add(i, funded);
    test::refresh(w, p);  // fee 1e4 per membership
  }
  int year() {
    count_members(w);
    return dissolve_weak_networks(w, p.founding);
  }
};

TEST(Dissolve, WeakForGraceYearsDissolvesNotBefore) {
  DissolveFixture f;
  EXPECT_EQ(f.year(), 0);
  EXPECT_EQ(f.year(), 0);
  EXPECT_TRUE(f.w.networks.active[f.small]);
  EXPECT_EQ(f.w.networks.weak_years[f.small], 2);
  EXPECT_EQ(f.w.networks.weak_years[f.ok], 0);
  EXPECT_EQ(f.w.cities.fees[0], 4e4);
  EXPECT_EQ(f.year(), 2);  // third weak year: small and unfunded go
  EXPECT_FALSE(f.w.networks.active[f.small]);
  EXPECT_FALSE(f.w.networks.active[f.unfunded]);
  EXPECT_TRUE(f.w.networks.active[f.ok]);
  EXPECT_TRUE(f.w.networks.active[f.funded]);
  EXPECT_EQ(f.w.networks.ended[f.small], 2000);
  // Members released, their fees with them.
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_FALSE(f.w.members.has(i, f.small));
    EXPECT_FALSE(f.w.members.has(i, f.unfunded));
  }
  EXPECT_TRUE(f.w.members.has(0, f.ok));
  EXPECT_DOUBLE_EQ(f.w.cities.fees[0], 2e4);  // ok + funded
  EXPECT_EQ(f.w.networks.members[f.small], 0);
  // Logged with the reason.
  ASSERT_EQ(f.w.log.size(), 2u);
  EXPECT_EQ(f.w.log[0].kind, "dissolved");
  EXPECT_EQ(f.w.log[0].subject, "small");
  EXPECT_NE(f.w.log[0].detail.find("too few members"), std::string::npos);
  EXPECT_EQ(f.w.log[1].subject, "unfunded");
  EXPECT_NE(f.w.log[1].detail.find("sponsor funding ended"), std::string::npos);
  // Dissolved networks stay dissolved and are not counted again.
  EXPECT_EQ(f.year(), 0);
  EXPECT_EQ(f.year(), 0);
}

TEST(Dissolve, AStrongYearResetsTheCount) {
  DissolveFixture f;
  f.year();
  f.year();
  f.w.members.add(4, f.small);  // three members this year
  f.w.networks.funding[f.unfunded] = 1;  // funded again
  f.year();
  EXPECT_EQ(f.w.networks.weak_years[f.small], 0);
  EXPECT_EQ(f.w.networks.weak_years[f.unfunded], 0);
  f.w.members.remove(4, f.small);
  f.w.networks.funding[f.unfunded] = 0;
  EXPECT_EQ(f.year(), 0);
  EXPECT_EQ(f.year(), 0);
  EXPECT_EQ(f.year(), 2);
}

TEST(Dissolve, GraceYearsAndMinMembersAreParameters) {
  DissolveFixture f;
  f.p.founding.grace_years = 1;
  f.p.founding.min_members = 4;  // now "ok" (3 members) is weak too
  EXPECT_EQ(f.year(), 3);
  EXPECT_FALSE(f.w.networks.active[f.ok]);
  EXPECT_TRUE(f.w.networks.active[f.funded]);
}

TEST(Dissolve, NamedNetworksAreNeverTooSmallButCanLoseTheirSponsor) {
  // docs/MODEL.md 9.2: a named (historical) network does not dissolve for
  // lack of members, but the sponsor rule still applies to it.
  DissolveFixture f;
  f.w.networks.named[f.small] = 1;
  f.w.networks.named[f.unfunded] = 1;
  for (int year = 0; year < 5; ++year) f.year();
  EXPECT_TRUE(f.w.networks.active[f.small]);
  EXPECT_EQ(f.w.networks.weak_years[f.small], 0);
  EXPECT_FALSE(f.w.networks.active[f.unfunded]);
}

TEST(JoinNetwork, KeepsCountsCurrent) {
  const Params p = test::reference_params();
  World w = test::make_world(p, {0, 1}, 2, 2);
  const int k = test::add_network(w, {.fee_multiple = 2});
  test::refresh(w, p);  // fee 2e4
  w.cities.cooperation << 0.5, 0.25;
  EXPECT_TRUE(join_network(w, 0, k));
  EXPECT_TRUE(join_network(w, 1, k));
  EXPECT_TRUE(join_network(w, 1, k));  // already a member: no double count
  EXPECT_EQ(w.networks.members[k], 2);
  EXPECT_DOUBLE_EQ(w.networks.engagement[k], 0.75);
  EXPECT_DOUBLE_EQ(w.networks.engaged_gdp[k], 0.75e10);
  EXPECT_EQ(w.networks.region_members[k * 2 + 1], 1);
  EXPECT_DOUBLE_EQ(w.cities.fees[1], 2e4);
  // Agrees with a recount.
  World r = w;
  count_members(r);
  EXPECT_EQ(r.networks.members[k], w.networks.members[k]);
  EXPECT_DOUBLE_EQ(r.networks.engaged_gdp[k], w.networks.engaged_gdp[k]);
}

}  // namespace
}  // namespace urbis
