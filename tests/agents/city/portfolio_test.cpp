// Over 500 lines: one test per term of a network's value and per rule of the review.
// Phase 5 (MODEL 7.3): the value of a network to a city, and portfolio reviews.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include <gtest/gtest.h>
#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include "agents/city/portfolio.hpp"
#include "agents/state/govern.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

using test::iq;

// Parameters under which a network's value is x * gap - f / (x D) only, and
// the choice noise is negligible (|eps| <= 8e-6).
Params gap_only_params() {
  Params p = test::reference_params();
  p.coalitions.b_size = p.coalitions.b_power = p.coalitions.b_funding = p.coalitions.b_fit = 0;
  p.coalitions.b_gap = 1;
  p.coalitions.choice_precision = 1e6;
  p.coalitions.capacity_cost = 0;
  return p;
}

// A world of n cities in one state (or as given) whose budgets are set by hand:
// x = 1, D = 1e6.
World budget_world(const Params& p, const std::vector<int>& states, int n_states, int regions = 1,
                   std::vector<Agreement> agreements = {}) {
  World w = test::make_world(p, states, n_states, regions, std::move(agreements));
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    w.cities.cooperation[i] = 1.0;
    w.cities.intl_budget[i] = 1e6;
  }
  return w;
}

std::vector<int> row(const World& w, std::size_t i) {
  std::vector<int> r(w.members.of(i).begin(), w.members.of(i).end());
  std::sort(r.begin(), r.end());
  return r;
}

TEST(MembershipValuer, MatchesTheFormulaByHand) {
  // v = x [ b_K s n/(n + n_half) + b_R r NP + b_F F/(n x D + F0) + b_P fit + b_G gap ]
  //     - f / (x D) - c_S nu (1 - a) conflict
  const Params p = test::reference_params();
  World w = test::make_world(p, {0, 1}, 2, 2);  // state 0 in region 0, state 1 in region 1
  const int clim = test::add_network(w, {.name = "clim", .issue = Issue::climate, .funding = 2e6, .recognition = 0.5});
  const int econ = test::add_network(w, {.name = "econ", .issue = Issue::economy, .recognition = 0.2});
  const int heal = test::add_network(w, {.name = "heal", .issue = Issue::health, .recognition = 1.0});
  Networks& nw = w.networks;
  nw.members[clim] = 4;
  nw.power[clim] = 0.3;
  nw.fee[clim] = 5e4;
  nw.region_members[clim * 2 + 0] = 3;
  nw.region_members[clim * 2 + 1] = 1;
  nw.members[heal] = 10;
  nw.power[heal] = 0.2;
  nw.region_members[heal * 2 + 0] = 10;
  w.cities.cooperation[0] = 0.6;
  w.cities.intl_budget[0] = 1e6;  // x D = 6e5
  w.cities.autonomy[0] = 0.4;
  w.states.commitment[0] = 0.5;  // climate gap 0.3
  w.states.openness[0] = 0.6;    // economy gap 0.2
  w.states.populism[0] = 0.3;
  w.states.conflict[0][iq(Issue::climate)] = 1;
  w.global.salience_shock[iq(Issue::health)] = 0.15;
  update_gaps(w.global, w.states, p.coalitions);
  const MembershipValuer v(w.coalition_view(), p.coalitions);

  // climate: 0.6 [0.6 x 4/9 + 0.5 x 0.3 + 0.5 x 2e6/(4 x 6e5 + 1e6) + 0.5 x 3.5/5 + 2 x 0.3]
  //          - 5e4/6e5 - 0.5 x 0.3 x 0.6 x 1 = 0.82313725490196...
  EXPECT_NEAR(v.value(0, clim), 0.8231372549019607, 1e-12);
  // economy: nobody in it yet, fit = 0.5/1; no conflict: 0.6 (0.5 x 0.5 + 2 x 0.2) = 0.39
  EXPECT_NEAR(v.value(0, econ), 0.39, 1e-12);
  // health: gap is the salience shock: 0.6 [0.3 x 10/15 + 1 x 0.2 + 0.5 x 10.5/11 + 2 x 0.15]
  EXPECT_NEAR(v.value(0, heal), 0.7063636363636363, 1e-12);

  EXPECT_DOUBLE_EQ(v.gap(0, Issue::climate), 0.3);
  EXPECT_DOUBLE_EQ(v.gap(0, Issue::economy), 0.2);
  EXPECT_DOUBLE_EQ(v.gap(0, Issue::health), 0.15);
  EXPECT_EQ(v.gap(0, Issue::peace), 0.0);
  w.global.salience_shock[iq(Issue::peace)] = -0.2;  // a negative shock leaves no gap
  w.states.commitment[1] = 0.95;                     // above C*: no gap either
  update_gaps(w.global, w.states, p.coalitions);
  const MembershipValuer v2(w.coalition_view(), p.coalitions);
  EXPECT_EQ(v2.gap(0, Issue::peace), 0.0);
  EXPECT_EQ(v2.gap(1, Issue::climate), 0.0);
}

TEST(MembershipValuer, PeerTermIsLikenessToTheTypicalMember) {
  // b_W exp(-((ln Y_i - m_k)+)^2 / (2 s_W^2)) n/(n + n_half), m_k the members'
  // engagement-weighted mean ln GDP: the company of cities like it, or of
  // more weight; members much smaller than the city make it less a club.
  Params p = gap_only_params();
  p.coalitions.b_gap = 0;
  p.coalitions.b_peer = 2;
  p.coalitions.peer_width = 1.0;
  p.coalitions.half_size = 5;
  World w = budget_world(p, {0, 0}, 1);  // x = 1, D = 1e6; Y = 1e10 each
  const int peers = test::add_network(w, {.issue = Issue::climate});
  const int bigger = test::add_network(w, {.issue = Issue::climate});
  const int smaller = test::add_network(w, {.issue = Issue::climate});
  Networks& nw = w.networks;
  auto members_at = [&](int k, double gdp) {
    nw.members[k] = 5;
    nw.engagement[k] = 2.5;
    nw.engaged_log_gdp[k] = 2.5 * std::log(gdp);
  };
  members_at(peers, 1e10);                    // like the city
  members_at(bigger, 1e12);                   // a club of giants: as good
  members_at(smaller, 1e10 / std::exp(2.0));  // two widths smaller
  const MembershipValuer v(w.coalition_view(), p.coalitions);
  EXPECT_NEAR(v.value(0, peers), 2.0 * 5 / 10, 1e-12);  // 1.0
  EXPECT_NEAR(v.value(0, bigger), 1.0, 1e-12);
  EXPECT_NEAR(v.value(0, smaller), 2.0 * std::exp(-2.0) * 0.5, 1e-12);
  // An empty network is no club.
  const int empty = test::add_network(w, {.issue = Issue::climate});
  const MembershipValuer v2(w.coalition_view(), p.coalitions);
  EXPECT_EQ(v2.value(0, empty), 0.0);
}

TEST(MembershipValuer, CrowdingAndDilutedVoice) {
  // Club terms peak and fall with size (n/(n + n_half) n_c/(n + n_c)); a
  // member's share of the network's voice is n_v/(n + n_v).
  Params p = gap_only_params();
  p.coalitions.b_gap = 0;
  p.coalitions.b_size = 1;
  p.coalitions.b_power = 1;
  p.coalitions.half_size = 5;
  p.coalitions.crowding_size = 30;
  p.coalitions.voice_size = 100;
  World w = budget_world(p, {0}, 1);
  w.global.salience[iq(Issue::climate)] = 1.0;
  std::vector<int> k;
  for (double n : {3.0, 12.0, 300.0}) {
    k.push_back(test::add_network(w, {.issue = Issue::climate, .recognition = 0.5}));
    w.networks.members[k.back()] = n;
    w.networks.power[k.back()] = 0.4;
  }
  const MembershipValuer v(w.coalition_view(), p.coalitions);
  auto expected = [](double n) { return n / (n + 5) * 30 / (n + 30) + 0.5 * 0.4 * 100 / (n + 100); };
  EXPECT_NEAR(v.value(0, k[0]), expected(3), 1e-12);
  EXPECT_NEAR(v.value(0, k[1]), expected(12), 1e-12);
  EXPECT_NEAR(v.value(0, k[2]), expected(300), 1e-12);
  EXPECT_GT(v.value(0, k[1]), v.value(0, k[0]));  // sharing
  EXPECT_GT(v.value(0, k[1]), v.value(0, k[2]));  // crowding
  const double peak = std::sqrt(5.0 * 30.0);      // the best size: sqrt(n_half n_c)
  EXPECT_NEAR(club_size_benefit(peak, 5, 30), peak / (peak + 5) * 30 / (peak + 30), 1e-15);
  EXPECT_GT(club_size_benefit(peak, 5, 30), club_size_benefit(peak - 1, 5, 30));
  EXPECT_GT(club_size_benefit(peak, 5, 30), club_size_benefit(peak + 1, 5, 30));
}

TEST(MembershipValuer, SovereignCostNeedsConflictPopulismAndLowAutonomy) {
  const Params p = gap_only_params();
  World w = budget_world(p, {0, 0}, 1);
  const int k = test::add_network(w, {.issue = Issue::climate});
  w.states.commitment[0] = 0.5;  // v = 0.3 without conflict
  const double plain = MembershipValuer(w.coalition_view(), p.coalitions).value(0, k);
  EXPECT_NEAR(plain, 0.3, 1e-12);
  w.states.conflict[0][iq(Issue::climate)] = 1;
  w.cities.autonomy[1] = 1.0;  // full autonomy: no cost
  update_gaps(w.global, w.states, p.coalitions);
  const MembershipValuer v(w.coalition_view(), p.coalitions);
  EXPECT_NEAR(v.value(0, k), 0.3 - 0.5 * 0.3 * (1 - 0.4), 1e-12);
  EXPECT_NEAR(v.value(1, k), 0.3, 1e-12);
}

TEST(MembershipValuer, OnlyACityWithCompetenceFillsItsStatesGap) {
  // The gap's pull is b_G min(1, a / a_G) gap: a city at a_G = 0.4 or above
  // takes all of it, one with a tenth of the autonomy a quarter (0.1 / 0.4).
  const Params p = gap_only_params();
  World w = budget_world(p, {0, 0, 0}, 1);
  const int k = test::add_network(w, {.issue = Issue::climate});
  w.states.commitment[0] = 0.5;  // climate gap 0.3
  w.cities.autonomy << 0.4, 0.9, 0.1;
  update_gaps(w.global, w.states, p.coalitions);
  const MembershipValuer v(w.coalition_view(), p.coalitions);
  EXPECT_NEAR(v.value(0, k), 0.3, 1e-12);
  EXPECT_NEAR(v.value(1, k), 0.3, 1e-12);
  EXPECT_NEAR(v.value(2, k), 0.3 * 0.25, 1e-12);
}

TEST(MembershipValuer, NoiseIsBoundedKeyedAndLogistic) {
  Params p = test::reference_params();
  World w = test::make_world(p, 1);
  const Streams rng(3);
  {
    update_gaps(w.global, w.states, p.coalitions);
    const MembershipValuer v(w.coalition_view(), p.coalitions);  // lambda 20
    EXPECT_DOUBLE_EQ(v.noise_bound(), 0.4);
    EXPECT_EQ(v.noise(rng, 4, Phase::portfolio_noise, 0, 7), v.noise(rng, 4, Phase::portfolio_noise, 0, 7));
    EXPECT_NE(v.noise(rng, 4, Phase::portfolio_noise, 0, 7), v.noise(rng, 4, Phase::portfolio_noise, 0, 6));
    EXPECT_NE(v.noise(rng, 4, Phase::portfolio_noise, 0, 7), v.noise(rng, 5, Phase::portfolio_noise, 0, 7));
  }
  p.coalitions.choice_precision = 1;  // scale 1: variance pi^2 / 3
  update_gaps(w.global, w.states, p.coalitions);
  const MembershipValuer v(w.coalition_view(), p.coalitions);
  double s = 0, s2 = 0;
  const int n = 40000;
  for (int k = 0; k < n; ++k) {
    const double e = v.noise(rng, 0, Phase::portfolio_noise, static_cast<std::size_t>(k % 100), k);
    ASSERT_LE(std::abs(e), 8.0);
    s += e, s2 += e * e;
  }
  EXPECT_NEAR(s / n, 0.0, 0.05);
  EXPECT_NEAR(s2 / n, std::numbers::pi * std::numbers::pi / 3, 0.12);
}

TEST(Portfolio, JoinsAboveUJoinOnly) {
  // v = gap: 0.3 for state 0 (joins), 0.1 for state 1 (does not).
  const Params p = gap_only_params();
  World w = budget_world(p, {0, 1}, 2);
  w.states.commitment << 0.5, 0.7;
  const int k = test::add_network(w, {.issue = Issue::climate});
  const PortfolioStats s = test::review(w, p, Streams(1), 0, 1.0);
  EXPECT_EQ(row(w, 0), (std::vector<int>{k}));
  EXPECT_TRUE(row(w, 1).empty());
  EXPECT_EQ(s.joined[k], 1);
  EXPECT_EQ(s.left[k], 0);
}

TEST(Portfolio, RedundancyHalvesTheSecondNetworkOnAnIssue) {
  // Two identical climate networks, c_m = 0: the second is worth v / 2.
  const Params p = gap_only_params();
  World w = budget_world(p, {0, 1}, 2);
  w.states.commitment << 0.5, 0.3;  // v = 0.3 (v/2 = 0.15 < 0.2) and v = 0.5 (v/2 = 0.25 > 0.2)
  const int a = test::add_network(w, {.name = "a", .issue = Issue::climate});
  const int b = test::add_network(w, {.name = "b", .issue = Issue::climate});
  test::review(w, p, Streams(1), 0, 1.0);
  EXPECT_EQ(w.members.count[0], 1);
  EXPECT_EQ(row(w, 1), (std::vector<int>{a, b}));

  // Networks on different issues are not redundant: v = 0.3 on each, both kept.
  World d = budget_world(p, {0}, 1);
  d.states.commitment[0] = 0.5;  // climate gap 0.3
  d.states.openness[0] = 0.5;    // economy gap 0.3
  test::add_network(d, {.issue = Issue::climate});
  test::add_network(d, {.issue = Issue::economy});
  test::review(d, p, Streams(1), 0, 1.0);
  EXPECT_EQ(d.members.count[0], 2);
}

TEST(Portfolio, RedundancyIsWithinANiche) {
  // Issue x scale x selectivity: a global and a regional climate network, and
  // a selective climate club (a population threshold), are not redundant to
  // one another; two global open ones are. v = 0.5 each, c_m = 0.
  const Params p = gap_only_params();
  World w = budget_world(p, {0}, 1);
  w.states.commitment[0] = 0.3;
  const int world_a = test::add_network(w, {.name = "a", .issue = Issue::climate});
  const int region = test::add_network(w, {.name = "r", .issue = Issue::climate, .scope = test::region_scope(0)});
  const int club = test::add_network(w, {.name = "club", .issue = Issue::climate, .min_population = 5e5});
  test::review(w, p, Streams(1), 0, 1.0);
  EXPECT_EQ(row(w, 0), (std::vector<int>{world_a, region, club}));
  EXPECT_NE(w.networks.niche(world_a), w.networks.niche(region));
  EXPECT_NE(w.networks.niche(world_a), w.networks.niche(club));
  const int world_b = test::add_network(w, {.name = "b", .issue = Issue::climate});
  EXPECT_EQ(w.networks.niche(world_a), w.networks.niche(world_b));
  w.states.commitment[0] = 0.5;  // v = 0.3: the second global one is worth 0.15 < 0.2
  test::review(w, p, Streams(1), 1, 1.0);
  EXPECT_EQ(w.members.count[0], 3);
  EXPECT_FALSE(w.members.has(0, world_a) && w.members.has(0, world_b));
}

TEST(Portfolio, StaffSpreadTheCapacityCost) {
  // s_i = max(1, x D / f-bar)^eta: with eta = 0.5, a city whose cooperation
  // budget pays 100 typical memberships has 10 times the staff, and the
  // capacity cost of each membership held is c_m / 10.
  Params p = gap_only_params();
  p.coalitions.capacity_scaling = 0.5;
  p.coalitions.capacity_cost = 0.2;
  World w = budget_world(p, {0, 0}, 1);
  w.cities.intl_budget[1] = 1e8;  // 100 times city 0's
  w.global.world_gdp_pc = 1e4;
  w.global.median_fee_multiple = 100;  // f-bar = 1e6: city 0 can pay one, city 1 a hundred
  update_gaps(w.global, w.states, p.coalitions);
  const MembershipValuer v(w.coalition_view(), p.coalitions);
  EXPECT_DOUBLE_EQ(v.staff(0), 1.0);
  EXPECT_DOUBLE_EQ(v.staff(1), 10.0);
  EXPECT_DOUBLE_EQ(v.terms(0).capacity_cost, 0.2);
  EXPECT_DOUBLE_EQ(v.terms(1).capacity_cost, 0.02);
  // Four issues at v = 0.3: city 0 takes 0.3, 0.1 -> one; city 1 0.3 .. 0.24 -> four.
  w.states.commitment[0] = 0.5;
  w.states.openness[0] = 0.5;
  w.global.salience_shock[iq(Issue::health)] = 0.3;
  w.global.salience_shock[iq(Issue::peace)] = 0.3;
  for (Issue q : {Issue::climate, Issue::economy, Issue::health, Issue::peace}) test::add_network(w, {.issue = q});
  test::review(w, p, Streams(1), 0, 1.0);
  EXPECT_EQ(w.members.count[0], 1);
  EXPECT_EQ(w.members.count[1], 4);
}

TEST(Portfolio, CapacityCostLimitsThePortfolio) {
  // Four issues at v = 0.3 each; c_m = 0.06: marginals 0.3, 0.24, 0.18, ... -> two.
  Params p = gap_only_params();
  p.coalitions.capacity_cost = 0.06;
  World w = budget_world(p, {0}, 1);
  w.states.commitment[0] = 0.5;
  w.states.openness[0] = 0.5;
  w.global.salience_shock[iq(Issue::health)] = 0.3;
  w.global.salience_shock[iq(Issue::peace)] = 0.3;
  for (Issue q : {Issue::climate, Issue::economy, Issue::health, Issue::peace}) test::add_network(w, {.issue = q});
  test::review(w, p, Streams(1), 0, 1.0);
  EXPECT_EQ(w.members.count[0], 2);
  // c_m = 0.02: 0.3, 0.28, 0.26, 0.24 -> all four.
  p.coalitions.capacity_cost = 0.02;
  test::review(w, p, Streams(1), 1, 1.0);
  EXPECT_EQ(w.members.count[0], 4);
}

TEST(Portfolio, SlotsCapMemberships) {
  const Params p = gap_only_params();
  World w = test::make_world(p, {0}, 1, 1, {}, /*slots=*/2);
  w.cities.cooperation[0] = 1;
  w.cities.intl_budget[0] = 1e6;
  w.states.commitment[0] = 0.0;
  w.states.openness[0] = 0.0;
  w.global.salience_shock[iq(Issue::health)] = 0.8;
  for (Issue q : {Issue::climate, Issue::economy, Issue::health}) test::add_network(w, {.issue = q});
  test::review(w, p, Streams(1), 0, 1.0);
  EXPECT_EQ(w.members.count[0], 2);
}

TEST(Portfolio, StickinessKeepsMembersBetweenULeaveAndUJoin) {
  // Memberships held score v + h, h = u_join - u_leave = 0.3. Costs f/(x D) = 0.2.
  //   city 0, member,     v = 0.35 - 0.2 = 0.15 -> kept     (between u_leave and u_join)
  //   city 1, member,     v = 0.15 - 0.2 = -0.05 -> kept    (above u_leave)
  //   city 2, member,     v = 0.05 - 0.2 = -0.15 -> dropped (below u_leave)
  //   city 3, not member, v = 0.15 -> not joined          (below u_join)
  const Params p = gap_only_params();
  ASSERT_DOUBLE_EQ(p.coalitions.u_join - p.coalitions.u_leave, 0.3);
  World w = budget_world(p, {0, 1, 2, 3}, 4);
  w.states.commitment << 0.45, 0.65, 0.75, 0.45;
  const int k = test::add_network(w, {.issue = Issue::climate});
  w.networks.fee[k] = 2e5;
  for (int i = 0; i < 3; ++i) w.members.add(static_cast<std::size_t>(i), k);
  update_gaps(w.global, w.states, p.coalitions);
  const MembershipValuer v(w.coalition_view(), p.coalitions);
  EXPECT_NEAR(v.value(0, k), 0.15, 1e-12);
  EXPECT_NEAR(v.value(1, k), -0.05, 1e-12);
  EXPECT_NEAR(v.value(2, k), -0.15, 1e-12);
  const PortfolioStats s = test::review(w, p, Streams(1), 0, 1.0);
  EXPECT_TRUE(w.members.has(0, k));
  EXPECT_TRUE(w.members.has(1, k));
  EXPECT_FALSE(w.members.has(2, k));
  EXPECT_FALSE(w.members.has(3, k));
  EXPECT_EQ(s.left[k], 1);
  EXPECT_EQ(s.joined[k], 0);
}

TEST(Portfolio, FeesMustFitTheCooperativeBudget) {
  // v = 100 x 0.8 - f/(x D) is far above u_join, but a fee above x D = 1e5 never fits.
  Params p = gap_only_params();
  p.coalitions.b_gap = 100;
  World w = test::make_world(p, {0, 0, 0}, 1);
  w.states.commitment[0] = 0.0;
  w.states.openness[0] = 0.0;
  for (int i = 0; i < 3; ++i) {
    w.cities.cooperation[i] = 0.5;
    w.cities.intl_budget[i] = 2e5;  // x D = 1e5
  }
  const int pricey = test::add_network(w, {.name = "pricey", .issue = Issue::climate});
  w.networks.fee[pricey] = 1.5e5;
  test::review(w, p, Streams(1), 0, 1.0);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_FALSE(w.members.has(i, pricey)) << i;

  // Two affordable networks of 6e4 each: only one fits in 1e5.
  World t = w;
  t.networks.fee[pricey] = 6e4;
  const int other = test::add_network(t, {.name = "other", .issue = Issue::economy});
  t.networks.fee[other] = 6e4;
  test::review(t, p, Streams(1), 0, 1.0);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(t.members.count[i], 1) << i;
  // 5e4 each: both fit (1e5 <= 1e5).
  t.networks.fee[pricey] = t.networks.fee[other] = 5e4;
  test::review(t, p, Streams(1), 1, 1.0);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(t.members.count[i], 2) << i;
}

TEST(Portfolio, BestCandidatesAreTakenFirst) {
  // Only one of two networks fits the budget (fees 6e4 each, x D = 1e5):
  // v = 2 gap - 0.6 is 1.0 for climate (gap 0.8) and 0.4 for the economy
  // (gap 0.5). The better one is taken, whatever the network order.
  Params p = gap_only_params();
  p.coalitions.b_gap = 2;
  World w = test::make_world(p, {0, 0}, 1);
  w.states.commitment[0] = 0.0;
  w.states.openness[0] = 0.3;
  w.cities.cooperation << 1.0, 1.0;
  w.cities.intl_budget << 1e5, 1e5;
  const int econ = test::add_network(w, {.name = "econ", .issue = Issue::economy});
  const int clim = test::add_network(w, {.name = "clim", .issue = Issue::climate});
  w.networks.fee[econ] = w.networks.fee[clim] = 6e4;
  w.members.add(1, econ);  // even when it holds the worse one (1.0 > 0.4 + 0.3)
  test::review(w, p, Streams(1), 0, 1.0);
  EXPECT_EQ(row(w, 0), (std::vector<int>{clim}));
  EXPECT_EQ(row(w, 1), (std::vector<int>{clim}));
}

TEST(Portfolio, MembershipsRespectFeesOnRandomWorlds) {
  const Params p = test::default_params();
  std::size_t total = 0;
  for (int seed = 0; seed < 3; ++seed) {
    World w = test::random_world(p, 3000, 30, 3, 25, 50 + seed);
    for (int k = 0; k < 25; ++k) w.networks.fee[k] *= 0.05;  // fees some cities can pay
    test::review(w, p, Streams(seed), 0, 1.0);
    for (std::size_t i = 0; i < w.cities.size(); ++i) {
      double fees = 0;
      for (auto k : w.members.of(i)) fees += w.networks.fee[k];
      ASSERT_LE(fees, w.cities.cooperation[i] * w.cities.intl_budget[i] * (1 + 1e-12)) << "city " << i;
      total += w.members.count[i];
    }
  }
  EXPECT_GT(total, 100u);  // the property is not vacuous
}

TEST(Portfolio, RegionScopedNetworksStayInTheirRegion) {
  // States 0, 2 in region 0; 1, 3 in region 1. A region-1 network every city would want.
  Params p = gap_only_params();
  World w = budget_world(p, {0, 1, 2, 3, 0, 1}, 4, 2);
  for (int j = 0; j < 4; ++j) w.states.commitment[j] = 0.0;
  const int k = test::add_network(w, {.issue = Issue::climate, .scope = test::region_scope(1)});
  w.members.add(0, k);  // a region-0 member (e.g. from before a rescoping)
  w.members.add(4, k);
  // A city that does not review drops a membership it is not eligible for.
  test::review(w, p, Streams(1), 0, 0.0);
  EXPECT_FALSE(w.members.has(0, k));
  EXPECT_FALSE(w.members.has(4, k));
  test::review(w, p, Streams(1), 1, 1.0);
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(w.members.has(i, k), w.cities.region[i] == 1) << "city " << i;
}

TEST(Portfolio, MinPopulationKeepsSmallCitiesOut) {
  Params p = gap_only_params();
  World w = budget_world(p, {0, 0, 0}, 1);
  w.states.commitment[0] = 0.0;
  test::set_city_economy(w, 0, 5e5, 1e4);
  test::set_city_economy(w, 1, 1e6, 1e4);  // exactly the minimum: eligible
  test::set_city_economy(w, 2, 2e6, 1e4);
  const int k = test::add_network(w, {.issue = Issue::climate, .min_population = 1e6});
  w.members.add(0, k);
  w.members.add(1, k);
  // Not reviewing: the small member drops it, the one at the minimum keeps it.
  test::review(w, p, Streams(1), 0, 0.0);
  EXPECT_FALSE(w.members.has(0, k));
  EXPECT_TRUE(w.members.has(1, k));
  w.members.clear(1);
  w.members.add(0, k);
  test::review(w, p, Streams(1), 0, 1.0);
  EXPECT_FALSE(w.members.has(0, k));
  EXPECT_TRUE(w.members.has(1, k));
  EXPECT_TRUE(w.members.has(2, k));
}

TEST(Portfolio, LeavingAUnionDropsUnionScopedNetworks) {
  // Both states in "eu"; its network is union-scoped. State 0 leaves: its
  // cities lose the network whether they review or not; state 1's keep it.
  Params p = gap_only_params();
  World w = budget_world(p, {0, 0, 1, 1}, 2, 1, {Agreement{"eu", Issue::economy, true}});
  for (int j = 0; j < 2; ++j) w.states.openness[j] = 0.0;  // economy gap 0.8
  const int k = test::add_network(w, {.issue = Issue::economy, .scope = test::union_scope(0)});
  test::review(w, p, Streams(1), 0, 1.0);
  for (std::size_t i = 0; i < 4; ++i) ASSERT_TRUE(w.members.has(i, k)) << i;

  set_agreement(w.agreements, 0, 0, false, p.states, w.states);
  World reviewing = w;
  const PortfolioStats s = test::review(w, p, Streams(1), 1, 0.0);
  EXPECT_EQ(s.left[k], 2);
  EXPECT_FALSE(w.members.has(0, k));
  EXPECT_FALSE(w.members.has(1, k));
  EXPECT_TRUE(w.members.has(2, k));
  EXPECT_TRUE(w.members.has(3, k));
  test::review(reviewing, p, Streams(1), 1, 1.0);
  EXPECT_FALSE(reviewing.members.has(0, k));
  EXPECT_FALSE(reviewing.members.has(1, k));
  EXPECT_TRUE(reviewing.members.has(2, k));
  EXPECT_TRUE(reviewing.members.has(3, k));
}

TEST(Portfolio, InactiveNetworksAreNeitherKeptNorJoined) {
  Params p = gap_only_params();
  World w = budget_world(p, {0, 0}, 1);
  w.states.commitment[0] = 0.0;
  const int k = test::add_network(w, {.issue = Issue::climate});
  w.members.add(0, k);
  w.networks.active[k] = 0;
  test::review(w, p, Streams(1), 0, 1.0);
  EXPECT_EQ(w.members.total(), 0u);
}

TEST(Portfolio, NoReviewLeavesEligibleMembershipsUnchanged) {
  const Params p = test::default_params();
  World w = test::random_world(p, 5000, 40, 3, 20, 8);
  test::review(w, p, Streams(8), 0, 1.0);  // now every membership is eligible
  ASSERT_GT(w.members.total(), 0u);
  const Memberships before = w.members;
  const PortfolioStats s = test::review(w, p, Streams(8), 1, 0.0);
  EXPECT_EQ(w.members.count, before.count);
  EXPECT_EQ(w.members.net, before.net);
  for (int k = 0; k < 20; ++k) EXPECT_EQ(s.joined[k] + s.left[k], 0);
}

TEST(Portfolio, ReviewProbabilityIsHonoured) {
  // p = 0.3: about 30% of the cities review. Cities whose v is far above u_join
  // join at review, so the share of members estimates p.
  Params p = gap_only_params();
  std::vector<int> st(4000, 0);
  World w = budget_world(p, st, 1);
  w.states.commitment[0] = 0.0;
  test::add_network(w, {.issue = Issue::climate});
  test::review(w, p, Streams(11), 0, 0.3);
  EXPECT_NEAR(static_cast<double>(w.members.total()) / 4000, 0.3, 0.03);
}

TEST(Portfolio, SameResultWithOneTwoAndFourThreads) {
  const Params p = test::default_params();
  const World start = test::random_world(p, 50000, 60, 4, 30, 123);
  auto run = [&](int threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
    tbb::task_arena arena(threads);
    return arena.execute([&] {
      World w = start;
      PortfolioStats s = test::review(w, p, Streams(5), 3, 0.5);
      return std::make_pair(w.members, s);
    });
  };
  const auto one = run(1), two = run(2), four = run(4);
  ASSERT_GT(one.first.total(), 0u);
  EXPECT_EQ(one.first.count, two.first.count);
  EXPECT_EQ(one.first.net, two.first.net);
  EXPECT_EQ(one.first.count, four.first.count);
  EXPECT_EQ(one.first.net, four.first.net);
  EXPECT_EQ(one.second.joined, four.second.joined);
  EXPECT_EQ(one.second.left, four.second.left);
  EXPECT_NE(one.first.net, start.members.net);  // something happened
}

}  // namespace
}  // namespace urbis
