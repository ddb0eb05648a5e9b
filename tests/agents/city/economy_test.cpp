// Phase 4 (MODEL 7.2): the economy around its data paths.
#include <cmath>
#include <numeric>

#include <gtest/gtest.h>

#include "agents/city/economy.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

using test::iq;

PerIssue<double> salience_of(const Params& p) { return p.salience.baseline; }

// The economy phase of a tiny world, for year w.global.year.
void step_economy(World& w, const Params& p, const Streams& rng, std::uint32_t step = 0) {
  update_national(*w.anchors, w.global.year, w.states);
  grow_economy(*w.anchors, w.global.year, w.states, w.members, w.networks, w.global.salience, w.cities, p.economy, rng,
               step);
}

// Cities holding half their nation (national population and GDP doubled,
// same GDP per capita), so that the national cap does not bind.
void half_of_the_nation(World& w) {
  w.states.population *= 2;
  w.states.gdp *= 2;
  test::anchor_flat(w);
}

// A parameter set with nothing moving positions but what a test sets.
Params still() {
  Params p = test::reference_params();
  p.economy.gibrat_sd = 0;
  p.economy.club_benefit = 0;
  p.economy.capital_to_output = 0;
  return p;
}

TEST(ClubBenefit, SaturatesPerIssue) {
  const Params p = test::reference_params();
  const PerIssue<double> s = salience_of(p);  // climate 0.6, health 0.3
  PerIssue<int> m{};
  EXPECT_EQ(club_benefit(1.0, m, s, 1.0), 0.0);  // no networks
  m[iq(Issue::climate)] = 1;
  EXPECT_DOUBLE_EQ(club_benefit(1.0, m, s, 1.0), 0.6 / 2);  // sigma / 2
  m[iq(Issue::climate)] = 2;
  EXPECT_DOUBLE_EQ(club_benefit(1.0, m, s, 1.0), 0.6 * 3 / 4);  // 3/4 sigma
  m[iq(Issue::climate)] = 3;
  EXPECT_DOUBLE_EQ(club_benefit(1.0, m, s, 1.0), 0.6 * 7 / 8);
  m[iq(Issue::health)] = 1;
  EXPECT_DOUBLE_EQ(club_benefit(1.0, m, s, 1.0), 0.6 * 7 / 8 + 0.3 / 2);
  // Scaled by k_c and by x; nothing for x = 0.
  EXPECT_DOUBLE_EQ(club_benefit(0.5, m, s, 0.002), 0.002 * 0.5 * (0.6 * 7 / 8 + 0.3 / 2));
  EXPECT_EQ(club_benefit(0.0, m, s, 0.002), 0.0);
}

TEST(National, FollowsTheDataTimesTheScenariosAdjustments) {
  const Params p = still();
  World w = test::make_world(p, {0, 1}, 2);
  Anchors a = make_anchors(2000, 2002, 2, 2, 2);
  a.national_population = {10, 11, 12, 20, 20, 20};
  a.national_gdp = {100, 110, 150, 40, 50, 60};
  w.anchors = std::make_shared<const Anchors>(a);
  update_national(*w.anchors, 2001, w.states);
  EXPECT_EQ(w.states.population[0], 11);
  EXPECT_EQ(w.states.gdp[1], 50);
  // A growth adjustment of 10% a year and an urban one of -5% compound from
  // the year they are set.
  w.states.growth[0] = 0.1;
  w.states.urban_growth[0] = -0.05;
  update_national(*w.anchors, 2002, w.states);
  update_national(*w.anchors, 2003, w.states);  // after the data: the last year's values
  EXPECT_DOUBLE_EQ(w.states.population[0], 12 * 0.95 * 0.95);
  EXPECT_DOUBLE_EQ(w.states.gdp[0], 150 * 0.95 * 0.95 * 1.1 * 1.1);
  EXPECT_EQ(w.states.gdp[1], 60);
}

TEST(AnchorCities, NationalIncomeScaledByCitySize) {
  // y-hat_i = y_j (P-hat_i / mean P-hat_j)^(beta - 1); one state, cities of
  // 4e6 and 1e6 (mean 2.5e6); national 2e7 people, y_j = 1e4.
  const Params p = still();  // beta = 1.15
  World w = test::make_world(p, 2);
  test::set_city_economy(w, 0, 4e6, 1);
  test::set_city_economy(w, 1, 1e6, 1);
  w.states.population[0] = 2e7;
  w.states.gdp[0] = 2e11;
  test::anchor_flat(w);
  update_national(*w.anchors, w.global.year, w.states);
  anchor_cities(*w.anchors, w.global.year, w.states, w.cities, p.economy.scaling_beta);
  EXPECT_EQ(w.cities.anchor_population[0], 4e6);
  EXPECT_DOUBLE_EQ(w.cities.anchor_gdp_pc[0], 1e4 * std::pow(4e6 / 2.5e6, 0.15));
  EXPECT_DOUBLE_EQ(w.cities.anchor_gdp_pc[1], 1e4 * std::pow(1e6 / 2.5e6, 0.15));
  EXPECT_GT(w.cities.anchor_gdp_pc[0], 1e4);
  EXPECT_LT(w.cities.anchor_gdp_pc[1], 1e4);
}

TEST(AnchorCities, ACityStateHoldsAtMostItsNationalGdp) {
  // One city with more people than its nation (a data mismatch): the
  // scaling rule would give it P y_j > national GDP; it is scaled to it.
  const Params p = still();
  World w = test::make_world(p, 1);
  test::set_city_economy(w, 0, 6e6, 1);
  w.states.population[0] = 5e6;
  w.states.gdp[0] = 5e10;
  test::anchor_flat(w);
  update_national(*w.anchors, w.global.year, w.states);
  anchor_cities(*w.anchors, w.global.year, w.states, w.cities, p.economy.scaling_beta);
  EXPECT_DOUBLE_EQ(w.cities.anchor_gdp_pc[0] * w.cities.anchor_population[0], 5e10);
}

TEST(Economy, OnItsPathAWorldStaysOnIt) {
  // Every city on its path, nothing moving it: P = P-hat, y = y-hat, no growth.
  const Params p = still();
  World w = test::make_world(p, {0, 0, 1}, 2);
  step_economy(w, p, Streams(1));
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_DOUBLE_EQ(w.cities.population[i], 1e6);
    EXPECT_DOUBLE_EQ(w.cities.gdp_pc[i], 1e4);
    EXPECT_EQ(w.cities.growth[i], 0.0);
  }
}

TEST(Economy, PositionsDecayAndCannotCreateOutput) {
  // Two equal cities of one state, y = y-hat e^{+-0.2}. With r_c = 0.1 the
  // positions become +-0.18; talent follows: m = mu (c' - c-bar) = +-mu 0.18,
  // shifted so the state's people are its UN total; then output is shifted
  // so that total output is the output of the paths.
  const Params p = still();  // r_c 0.1, mu 0.05, r_m 0.1
  World w = test::make_world(p, 2);
  w.cities.gdp_pc[0] = 1e4 * std::exp(0.2);
  w.cities.gdp_pc[1] = 1e4 * std::exp(-0.2);
  for (int i = 0; i < 2; ++i) w.cities.gdp[i] = w.cities.gdp_pc[i] * w.cities.population[i];
  step_economy(w, p, Streams(1));
  const double m0 = 0.05 * 0.18, m_shift = std::log((std::exp(m0) + std::exp(-m0)) / 2);
  const double P0 = 1e6 * std::exp(m0 - m_shift), P1 = 1e6 * std::exp(-m0 - m_shift);
  EXPECT_NEAR(w.cities.population[0], P0, 1e-6);
  EXPECT_NEAR(w.cities.population[1], P1, 1e-6);
  EXPECT_NEAR(w.cities.population[0] + w.cities.population[1], 2e6, 1e-6);  // nobody created
  const double c_shift = std::log((P0 * std::exp(0.18) + P1 * std::exp(-0.18)) / (P0 + P1));
  EXPECT_NEAR(w.cities.gdp_pc[0], 1e4 * std::exp(0.18 - c_shift), 1e-8);
  EXPECT_NEAR(w.cities.gdp_pc[1], 1e4 * std::exp(-0.18 - c_shift), 1e-8);
  // Total output = output of the paths at the new populations.
  EXPECT_NEAR(w.cities.gdp[0] + w.cities.gdp[1], (P0 + P1) * 1e4, 1e-3);
  // growth is the change of position ln(y / y-hat).
  EXPECT_NEAR(w.cities.growth[0], (0.18 - c_shift) - 0.2, 1e-12);
  EXPECT_NEAR(w.cities.growth[1], (-0.18 - c_shift) + 0.2, 1e-12);
}

TEST(Economy, InflowAndClubsMoveShares) {
  // Two cities: one gains 1% of its GDP from the mobile pools (the other
  // loses as much) and belongs to a climate network. Its share of output
  // rises; total output stays the paths'.
  Params p = still();
  p.economy.capital_to_output = 1.0;
  p.economy.club_benefit = 0.01;
  World w = test::make_world(p, 2);
  half_of_the_nation(w);
  const int k = test::add_network(w, {.issue = Issue::climate});
  w.members.add(0, k);
  w.cities.net_inflow[0] = 0.01 * w.cities.gdp[0];
  w.cities.net_inflow[1] = -0.01 * w.cities.gdp[1];
  step_economy(w, p, Streams(1));
  // c' = 0.01 + k_c x sigma (1 - 1/2) for city 0, -0.01 for city 1, before the shift.
  const double c0 = 0.01 + 0.01 * 0.5 * 0.6 / 2, c1 = -0.01;
  EXPECT_NEAR(std::log(w.cities.gdp_pc[0] / w.cities.gdp_pc[1]), c0 - c1, 1e-12);
  EXPECT_NEAR(w.cities.gdp[0] + w.cities.gdp[1], (w.cities.population[0] + w.cities.population[1]) * 1e4, 1e-2);
  EXPECT_GT(w.cities.population[0], w.cities.population[1]);  // talent follows capital
}

TEST(Economy, GibratShockComesFromTheCitysStream) {
  Params p = still();
  p.economy.gibrat_sd = 0.01;
  World w = test::make_world(p, {0, 1}, 2);
  half_of_the_nation(w);
  const Streams rng(77);
  step_economy(w, p, rng, 5);
  const double z0 = 0.01 * rng.normal(5, Phase::economy, 0, 0), z1 = 0.01 * rng.normal(5, Phase::economy, 1, 0);
  // One state each: no migration; the world shift is common to both.
  EXPECT_NEAR(std::log(w.cities.gdp_pc[0] / w.cities.gdp_pc[1]), z0 - z1, 1e-12);
  EXPECT_NE(w.cities.gdp_pc[0], w.cities.gdp_pc[1]);  // each city its own draw
}

TEST(Economy, AnEventsDeviationDecaysBackToThePath) {
  // A scenario sets a city's population 5% above its path: the deviation
  // decays at r_m (the state's people are held at the UN total meanwhile).
  const Params p = still();
  World w = test::make_world(p, {0, 1}, 2);
  w.cities.population[0] = 1.05e6;
  w.cities.gdp[0] = w.cities.population[0] * w.cities.gdp_pc[0];
  step_economy(w, p, Streams(1));
  // Alone in its state, the city is shifted back to the state's UN total.
  EXPECT_DOUBLE_EQ(w.cities.population[0], 1e6);
  // With two cities in the state, 0.9 of the deviation remains, shared.
  World v = test::make_world(p, 2);
  v.cities.population[0] = 1.05e6;
  step_economy(v, p, Streams(1));
  const double m = 0.9 * std::log(1.05), shift = std::log((std::exp(m) + 1.0) / 2);
  EXPECT_NEAR(v.cities.population[0], 1e6 * std::exp(m - shift), 1e-6);
  EXPECT_NEAR(v.cities.population[1], 1e6 * std::exp(-shift), 1e-6);
}

// Properties on random worlds whose cities hold half their nations' GDP.
// With ordinary flows (a few percent of GDP), total output is exactly the
// output of the paths: competition and clubs move shares only.
TEST(Economy, CompetitionMovesSharesOnly) {
  const Params p = test::reference_params();
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    World r = test::random_world(p, 3000, 20, 2, 5, seed);
    half_of_the_nation(r);
    for (std::size_t i = 0; i < r.cities.size(); ++i) r.cities.anchor_gdp_pc[i] = r.cities.gdp_pc[i];
    for (int year = 0; year < 6; ++year) {
      for (std::size_t i = 0; i < r.cities.size(); ++i)
        r.cities.net_inflow[i] = (i % 2 == 0 ? 0.02 : -0.02) * r.cities.gdp[i];
      step_economy(r, p, Streams(seed), static_cast<std::uint32_t>(year));
      double total = 0, paths = 0;
      for (std::size_t i = 0; i < r.cities.size(); ++i) {
        total += r.cities.gdp[i];
        paths += r.cities.population[i] * r.cities.anchor_gdp_pc[i];
      }
      EXPECT_NEAR(total / paths, 1.0, 1e-12) << year;
    }
  }
}

// With absurd one-sided flows, positions and populations stay within their
// margins (a position may fall below its margin only where a state's cities
// would otherwise exceed its national GDP), nothing is negative or NaN, and
// no state's cities exceed its national GDP.
TEST(Economy, MarginsAndNationalGdpHoldUnderAbsurdFlows) {
  Params p = test::reference_params();
  p.economy.capital_to_output = 50;
  p.economy.migration = 5;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    World r = test::random_world(p, 3000, 20, 2, 5, seed);
    half_of_the_nation(r);
    for (int year = 0; year < 6; ++year) {
      for (std::size_t i = 0; i < r.cities.size(); ++i)
        r.cities.net_inflow[i] = (i % 3 == 0 ? 0.5 : -0.25) * r.cities.gdp[i];
      step_economy(r, p, Streams(seed), static_cast<std::uint32_t>(year));
      std::vector<double> held(r.states.size(), 0.0);
      for (std::size_t i = 0; i < r.cities.size(); ++i)
        held[static_cast<std::size_t>(r.cities.state[i])] += r.cities.gdp[i];
      for (std::size_t i = 0; i < r.cities.size(); ++i) {
        const double c = std::log(r.cities.gdp_pc[i] / r.cities.anchor_gdp_pc[i]);
        const double m = std::log(r.cities.population[i] / r.cities.anchor_population[i]);
        ASSERT_TRUE(std::isfinite(c) && std::isfinite(m)) << i;
        ASSERT_LE(c, p.economy.income_margin + 1e-12) << i;
        const auto j = static_cast<std::size_t>(r.cities.state[i]);
        if (held[j] < 0.999 * r.states.gdp[j]) {
          ASSERT_GE(c, -p.economy.income_margin - 1e-12) << i;
        }
        ASSERT_LE(std::abs(m), p.economy.population_margin + 1e-12) << i;
        ASSERT_GT(r.cities.gdp[i], 0.0);
      }
      for (std::size_t j = 0; j < r.states.size(); ++j) EXPECT_LE(held[j], r.states.gdp[j] * (1 + 1e-12)) << j;
    }
  }
}

TEST(Economy, EmptyCityStaysEmpty) {
  const Params p = test::reference_params();
  World w = test::make_world(p, 2);
  test::set_city_economy(w, 1, 0.0, 1e4);
  test::anchor_flat(w);  // its path is empty too
  w.cities.anchor_population[1] = 0;
  step_economy(w, p, Streams(3));
  EXPECT_EQ(w.cities.population[1], 0.0);
  EXPECT_EQ(w.cities.gdp[1], 0.0);
  EXPECT_TRUE(std::isfinite(w.cities.gdp_pc[1]));
}

}  // namespace
}  // namespace urbis
