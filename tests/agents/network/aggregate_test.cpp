// Phase 6a (MODEL 7.4): network aggregates, power, actions, recognition and
// the reputation members draw from them.
#include <cmath>

#include <gtest/gtest.h>

#include "agents/network/aggregate.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

// c0 (state 0, region 0, x 0.5, Y 1e10) in k0 and k1; c1 (state 1, region 1,
// x 0.2, Y 2e10) in k0; c2 (state 0, x 0.9, Y 3e10) only in k2, which is
// inactive. Partnership 0.2 in state 0, 0.4 in state 1.
struct Fixture {
  Params p = test::reference_params();
  World w;
  int k0, k1, k2;
  Fixture() {
    w = test::make_world(p, {0, 1, 0}, 2, 2);
    test::set_city_economy(w, 0, 1e6, 1e4);
    test::set_city_economy(w, 1, 1e6, 2e4);
    test::set_city_economy(w, 2, 1e6, 3e4);
    w.cities.cooperation << 0.5, 0.2, 0.9;
    w.cities.reputation << 1.0, 0.0, 2.0;
    w.cities.actions << 5.0, 0.0, 0.0;
    w.states.partnership << 0.2, 0.4;
    k0 = test::add_network(w, {.name = "k0", .issue = Issue::climate, .funding = 1e6, .recognition = 0.25});
    k1 = test::add_network(w, {.name = "k1", .issue = Issue::health, .recognition = 0.64});
    k2 = test::add_network(w, {.name = "k2", .issue = Issue::climate, .recognition = 0.5});
    w.networks.active[k2] = 0;
    w.members.add(0, k0);
    w.members.add(0, k1);
    w.members.add(1, k0);
    w.members.add(2, k2);
    test::refresh(w, p);  // world GDP 6e10
  }
};

TEST(Aggregate, CountMembers) {
  Fixture f;
  count_members(f.w.cities, f.w.states, f.w.members, f.w.networks);
  const Networks& nw = f.w.networks;
  EXPECT_EQ(nw.members[f.k0], 2);
  EXPECT_EQ(nw.members[f.k1], 1);
  EXPECT_EQ(nw.members[f.k2], 1);
  EXPECT_DOUBLE_EQ(nw.engagement[f.k0], 0.7);   // e = x: 0.5 + 0.2
  EXPECT_DOUBLE_EQ(nw.engaged_gdp[f.k0], 9e9);  // 0.5 x 1e10 + 0.2 x 2e10
  EXPECT_DOUBLE_EQ(nw.engaged_gdp[f.k1], 5e9);
  EXPECT_NEAR(nw.engaged_log_gdp[f.k0], 0.5 * std::log(1e10) + 0.2 * std::log(2e10), 1e-12);  // sum e ln Y
  // (0.5e10 x 0.2 + 0.4e10 x 0.4) / 9e9
  EXPECT_DOUBLE_EQ(nw.partner_weight[f.k0], 2.6e9 / 9e9);
  EXPECT_DOUBLE_EQ(nw.partner_weight[f.k1], 0.2);
  EXPECT_EQ(nw.region_members[f.k0 * 2 + 0], 1);
  EXPECT_EQ(nw.region_members[f.k0 * 2 + 1], 1);
  EXPECT_EQ(nw.region_members[f.k1 * 2 + 0], 1);
  EXPECT_EQ(nw.region_members[f.k1 * 2 + 1], 0);
  // Recounting replaces, not accumulates.
  f.w.members.remove(1, f.k0);
  count_members(f.w.cities, f.w.states, f.w.members, f.w.networks);
  EXPECT_EQ(nw.members[f.k0], 1);
  EXPECT_DOUBLE_EQ(nw.engaged_gdp[f.k0], 5e9);
  EXPECT_EQ(nw.region_members[f.k0 * 2 + 1], 0);
}

TEST(Aggregate, CountMembersMatchesABruteForceCountOnARandomWorld) {
  const Params p = test::default_params();
  World w = test::random_world(p, 20000, 30, 3, 12, 4);
  count_members(w.cities, w.states, w.members, w.networks);
  for (int k = 0; k < 12; ++k) {
    double n = 0, e = 0, gdp = 0;
    for (std::size_t i = 0; i < w.cities.size(); ++i)
      if (w.members.has(i, k)) n += 1, e += w.cities.cooperation[i], gdp += w.cities.cooperation[i] * w.cities.gdp[i];
    EXPECT_EQ(w.networks.members[k], n) << k;
    EXPECT_NEAR(w.networks.engagement[k], e, 1e-9 * n) << k;
    EXPECT_NEAR(w.networks.engaged_gdp[k], gdp, 1e-12 * gdp) << k;
    double by_region = 0;
    for (int r = 0; r < 3; ++r) by_region += w.networks.region_members[static_cast<std::size_t>(k) * 3 + r];
    EXPECT_EQ(by_region, n) << k;
  }
}

TEST(Aggregate, NetworkPowerAndActions) {
  // NP = r^0.5 (W / Y_world)^0.5 (1 + F/F0)^0.2 ; A = a0 sum e sigma_q (1 + F/F0)
  Fixture f;
  count_members(f.w.cities, f.w.states, f.w.members, f.w.networks);
  network_power(f.w.networks, f.w.global, f.p.networks, f.p.coalitions.funding_scale);
  const Networks& nw = f.w.networks;
  // k0: 0.25^0.5 (9e9/6e10)^0.5 2^0.2 ; 40 x 0.7 x 0.6 x 2
  EXPECT_NEAR(nw.power[f.k0], 0.2224444799359686, 1e-14);
  EXPECT_DOUBLE_EQ(nw.power[f.k0], 0.5 * std::sqrt(0.15) * std::pow(2.0, 0.2));
  EXPECT_DOUBLE_EQ(nw.actions[f.k0], 33.6);
  // k1: 0.8 (5e9/6e10)^0.5, unfunded ; 40 x 0.5 x 0.3
  EXPECT_NEAR(nw.power[f.k1], 0.2309401076758503, 1e-14);
  EXPECT_DOUBLE_EQ(nw.actions[f.k1], 6.0);
  // Inactive: nothing, and not in G.
  EXPECT_EQ(nw.power[f.k2], 0.0);
  EXPECT_EQ(nw.actions[f.k2], 0.0);
  EXPECT_DOUBLE_EQ(f.w.global.mitigation, 33.6);  // climate actions only
}

TEST(Aggregate, RecognitionMovesTowardPowerPlusPartnership) {
  // r <- r + 0.1 (NP - r) + 0.05 partner_weight, within [0, 1]
  Fixture f;
  count_members(f.w.cities, f.w.states, f.w.members, f.w.networks);
  network_power(f.w.networks, f.w.global, f.p.networks, f.p.coalitions.funding_scale);
  update_recognition(f.w.networks, f.p.networks);
  const Networks& nw = f.w.networks;
  EXPECT_NEAR(nw.recognition[f.k0], 0.25 + 0.1 * (0.2224444799359686 - 0.25) + 0.05 * 2.6 / 9, 1e-14);
  EXPECT_NEAR(nw.recognition[f.k1], 0.6090940107675851, 1e-14);
  EXPECT_EQ(nw.recognition[f.k2], 0.5);  // inactive: unchanged
  // Clamped at 1.
  f.w.networks.recognition[f.k1] = 1.0;
  f.w.networks.power[f.k1] = 1.0;
  update_recognition(f.w.networks, f.p.networks);
  EXPECT_EQ(nw.recognition[f.k1], 1.0);
}

TEST(Aggregate, ReputationAndActionsCredited) {
  // V <- 0.9 V + sum_k x NP_k / n_k ; actions += sum_k x A_k / sum e
  Fixture f;
  count_members(f.w.cities, f.w.states, f.w.members, f.w.networks);
  network_power(f.w.networks, f.w.global, f.p.networks, f.p.coalitions.funding_scale);
  const double np0 = f.w.networks.power[f.k0], np1 = f.w.networks.power[f.k1];
  update_reputation(f.w.networks, f.w.members, f.w.cities, f.p.networks);
  const Cities& c = f.w.cities;
  EXPECT_DOUBLE_EQ(c.reputation[0], 0.9 * 1.0 + 0.5 * (np0 / 2 + np1 / 1));
  EXPECT_NEAR(c.reputation[0], 0.9 + 0.5 * (0.2224444799359686 / 2 + 0.2309401076758503), 1e-14);
  EXPECT_DOUBLE_EQ(c.reputation[1], 0.2 * np0 / 2);
  EXPECT_DOUBLE_EQ(c.reputation[2], 0.9 * 2.0);  // only in an inactive network
  EXPECT_DOUBLE_EQ(c.reputation_gain[0], c.reputation[0] - 1.0);
  EXPECT_DOUBLE_EQ(c.reputation_gain[2], -0.2);
  EXPECT_DOUBLE_EQ(c.actions[0], 5.0 + 33.6 * 0.5 / 0.7 + 6.0);  // 5 + 24 + 6
  EXPECT_DOUBLE_EQ(c.actions[1], 33.6 * 0.2 / 0.7);              // 9.6
  EXPECT_EQ(c.actions[2], 0.0);
}

TEST(Aggregate, EmptyWorldEconomyGivesNoPower) {
  Fixture f;
  count_members(f.w.cities, f.w.states, f.w.members, f.w.networks);
  f.w.global.world_gdp = 0;
  network_power(f.w.networks, f.w.global, f.p.networks, f.p.coalitions.funding_scale);
  EXPECT_EQ(f.w.networks.power[f.k0], 0.0);
  EXPECT_TRUE(std::isfinite(f.w.networks.actions[f.k0]));
}

}  // namespace
}  // namespace urbis
