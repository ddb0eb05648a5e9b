// Phase 4 (MODEL 7.2): population and GDP growth, club benefits.
#include <cmath>

#include <gtest/gtest.h>

#include "agents/city/economy.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

using test::iq;

PerIssue<double> salience_of(const Params& p) { return p.salience.baseline; }

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

TEST(Economy, GrowthWithoutNoiseOrInflowIsExact) {
  // One city per state (y = y-bar, so no migration term), gibrat_sd 0, no
  // inflow, no networks: P' = P (1 + u), y' = y (1 + g) (P'/P)^(beta - 1).
  Params p = test::reference_params();
  p.economy.gibrat_sd = 0;
  World w = test::make_world(p, {0, 1}, 2);
  w.states.growth << 0.02, -0.01;
  w.states.urban_growth << 0.01, 0.03;
  test::set_city_economy(w, 0, 1e6, 1e4);
  test::set_city_economy(w, 1, 3e5, 2.5e3);
  const Streams rng(1);
  grow_economy(w.states, w.members, w.networks, w.global.salience, w.cities, p.economy, rng, 0);
  const double beta = p.economy.scaling_beta;  // 1.15
  EXPECT_DOUBLE_EQ(w.cities.population[0], 1e6 * 1.01);
  EXPECT_DOUBLE_EQ(w.cities.gdp_pc[0], 1e4 * 1.02 * std::pow(1.01, beta - 1));
  EXPECT_NEAR(w.cities.gdp_pc[0], 10215.23537, 1e-4);  // 1e4 x 1.02 x 1.01^0.15
  EXPECT_DOUBLE_EQ(w.cities.gdp[0], w.cities.gdp_pc[0] * w.cities.population[0]);
  EXPECT_DOUBLE_EQ(w.cities.growth[0], w.cities.gdp_pc[0] / 1e4 - 1);
  EXPECT_DOUBLE_EQ(w.cities.population[1], 3e5 * 1.03);
  EXPECT_DOUBLE_EQ(w.cities.gdp_pc[1], 2.5e3 * 0.99 * std::pow(1.03, beta - 1));
}

TEST(Economy, InflowAndClubBenefitAddToOutput) {
  // y' = y (1 + g + club) (P'/P)^(beta - 1) + theta Delta K / P'
  Params p = test::reference_params();
  p.economy.gibrat_sd = 0;
  World w = test::make_world(p, 1);
  const int k = test::add_network(w, {.name = "climate", .issue = Issue::climate});
  w.members.add(0, k);
  w.cities.cooperation[0] = 0.5;
  w.cities.net_inflow[0] = 2e8;
  grow_economy(w.states, w.members, w.networks, w.global.salience, w.cities, p.economy, Streams(1), 0);
  const double club = 0.002 * 0.5 * 0.6 / 2;  // k_c x sigma_climate (1 - 2^-1)
  const double P1 = 1e6 * 1.01;
  EXPECT_DOUBLE_EQ(w.cities.gdp_pc[0], 1e4 * (1.02 + club) * std::pow(1.01, 0.15) + 2e8 / P1);
}

TEST(Economy, GibratShockComesFromTheCitysStream) {
  Params p = test::reference_params();  // s = 0.01
  World w = test::make_world(p, {0, 1}, 2);
  const Streams rng(77);
  grow_economy(w.states, w.members, w.networks, w.global.salience, w.cities, p.economy, rng, 5);
  for (std::uint32_t i = 0; i < 2; ++i) {
    const double shock = std::exp(0.01 * rng.normal(5, Phase::economy, i, 0));
    EXPECT_DOUBLE_EQ(w.cities.gdp_pc[i], 1e4 * 1.02 * std::pow(1.01, 0.15) * shock);
  }
  EXPECT_NE(w.cities.gdp_pc[0], w.cities.gdp_pc[1]);  // each city its own draw
}

TEST(Economy, MigrationFavoursTheRicherCity) {
  // Two cities of one state, equal P; y-bar = (2e4 + 1e4) / 2 = 1.5e4.
  // P'_i = P (1 + u + m ln(y_i / y-bar)).
  Params p = test::reference_params();  // m = 0.005
  p.economy.gibrat_sd = 0;
  World w = test::make_world(p, 2);
  test::set_city_economy(w, 0, 1e6, 2e4);
  test::set_city_economy(w, 1, 1e6, 1e4);
  grow_economy(w.states, w.members, w.networks, w.global.salience, w.cities, p.economy, Streams(1), 0);
  EXPECT_DOUBLE_EQ(w.cities.population[0], 1e6 * (1 + 0.01 + 0.005 * std::log(2.0 / 1.5)));
  EXPECT_DOUBLE_EQ(w.cities.population[1], 1e6 * (1 + 0.01 + 0.005 * std::log(1.0 / 1.5)));
  EXPECT_GT(w.cities.population[0], 1.01e6);
  EXPECT_LT(w.cities.population[1], 1.01e6);
  // y-bar is the population-weighted mean: a big poor city pulls it down.
  World v = test::make_world(p, 2);
  test::set_city_economy(v, 0, 9e6, 1e4);
  test::set_city_economy(v, 1, 1e6, 2e4);  // y-bar = (9e10 + 2e10) / 1e7 = 1.1e4
  grow_economy(v.states, v.members, v.networks, v.global.salience, v.cities, p.economy, Streams(1), 0);
  EXPECT_DOUBLE_EQ(v.cities.population[1], 1e6 * (1 + 0.01 + 0.005 * std::log(2.0 / 1.1)));
}

TEST(Economy, PopulationNeverNegative) {
  // A collapsing state (u = -0.9) and a very poor city (ln(y / y-bar) = -46):
  // P' is clamped at 0, the city's GDP with it.
  Params p = test::reference_params();
  p.economy.migration = 0.1;
  World w = test::make_world(p, 3);
  w.states.urban_growth[0] = -0.9;
  test::set_city_economy(w, 0, 1e6, 1e-16);
  test::set_city_economy(w, 1, 1e6, 1e4);
  test::set_city_economy(w, 2, 0.0, 1e4);  // empty already
  for (int year = 0; year < 5; ++year)
    grow_economy(w.states, w.members, w.networks, w.global.salience, w.cities, p.economy, Streams(3),
                 static_cast<std::uint32_t>(year));
  for (int i = 0; i < 3; ++i) {
    EXPECT_GE(w.cities.population[i], 0.0) << i;
    EXPECT_GE(w.cities.gdp[i], 0.0) << i;
    EXPECT_TRUE(std::isfinite(w.cities.gdp_pc[i])) << i;
  }
  EXPECT_EQ(w.cities.population[0], 0.0);
  EXPECT_EQ(w.cities.gdp[0], 0.0);
  EXPECT_EQ(w.cities.gdp[2], 0.0);

  // And on a random world with large outflows.
  World r = test::random_world(p, 3000, 20, 2, 5, 5);
  for (std::size_t i = 0; i < r.cities.size(); ++i) r.cities.net_inflow[i] = -r.cities.gdp[i] * 0.5;
  for (int j = 0; j < 20; ++j) r.states.urban_growth[j] = -0.2 * j / 20.0;
  grow_economy(r.states, r.members, r.networks, r.global.salience, r.cities, p.economy, Streams(4), 0);
  for (std::size_t i = 0; i < r.cities.size(); ++i) {
    ASSERT_GE(r.cities.population[i], 0.0);
    ASSERT_GE(r.cities.gdp_pc[i], 0.0);
    ASSERT_TRUE(std::isfinite(r.cities.gdp[i]));
  }
}

}  // namespace
}  // namespace urbis
