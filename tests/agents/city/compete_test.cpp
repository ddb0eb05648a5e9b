// Phase 3 (MODEL 7.1): the contest for the mobile pools.
#include <cmath>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "agents/city/compete.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

// The contest is mass-weighted (docs/MODEL.md 7.1 and 9.1, a documented
// departure from the reference weight): spending counts per person and the
// weight carries the city's population,
//   w_i = P_i exp(w_y ln y_i + w_o o_i O_j + w_v V_i) ((1 - x_i) D_i / P_i + eps)^r.
// Computed here independently of the implementation: powers, not logs.
double weight(const World& w, const CompetitionParams& p, int i) {
  const Cities& c = w.cities;
  const int j = c.state[i];
  const double P = c.population[i];
  return P * std::pow(c.gdp_pc[i], p.w_income) *
         std::exp(p.w_openness * c.openness[i] * w.states.openness[j] + p.w_reputation * c.reputation[i]) *
         std::pow((1 - c.cooperation[i]) * c.intl_budget[i] / P + p.spending_floor, p.contest_exponent);
}

TEST(Compete, EquallyAttractiveCitiesGetTheirStakeBack) {
  // Same y, o O, V and spending per person (D proportional to P): w ~ P, so
  // each city's share of the pool is its share of GDP and Delta K = 0.
  const Params p = test::reference_params();
  World w = test::make_world(p, 2);
  test::set_city_economy(w, 0, 1e6, 1e4);
  test::set_city_economy(w, 1, 3e6, 1e4);
  w.cities.intl_budget << 1e6, 3e6;
  compete(w.states, w.cities, p.competition);
  EXPECT_NEAR(w.cities.net_inflow[0], 0.0, 1e-3);
  EXPECT_NEAR(w.cities.net_inflow[1], 0.0, 1e-3);
  // Twice the income per person, same P and D: weights 2 : 1, the GDP shares of
  // the pool 0.02 (2e10 + 1e10) = 6e8, so still no flow. Then reputation
  // e^(0.5 V) = 2 for city 0: weights 4 : 1 -> 4.8e8 against a stake of 4e8.
  test::set_city_economy(w, 0, 1e6, 2e4);
  test::set_city_economy(w, 1, 1e6, 1e4);
  w.cities.intl_budget << 1e6, 1e6;
  compete(w.states, w.cities, p.competition);
  EXPECT_NEAR(w.cities.net_inflow[0], 0.0, 1e-3);
  w.cities.reputation[0] = 2 * std::log(2.0);
  compete(w.states, w.cities, p.competition);
  EXPECT_NEAR(w.cities.net_inflow[0], 4.8e8 - 4e8, 1e-3);
  EXPECT_NEAR(w.cities.net_inflow[1], 1.2e8 - 2e8, 1e-3);
}

TEST(Compete, HandComputedTwoCitiesOneState) {
  // Everything differs. With one state the state pool and the world pool hold
  // the same cities, so I_i = h R S_i + (1 - h) R S_i = R S_i, R = rho (Y0 + Y1):
  //   w0 = 2e6 x 1.5e4 e^(0.9*0.6 + 0.5*0.3) (0.75*3e6/2e6 + 0.01)^0.3
  //   w1 = 5e5 x 4e4   e^(0.2*0.6 + 0.5*1.1) (0.2*8e5/5e5 + 0.01)^0.3
  //   S0 = 0.68912969507..., R = 1e9, Delta K0 = 6.8913e8 - 6e8 = 8.9129695074e7.
  const Params p = test::reference_params();
  World w = test::make_world(p, 2);
  test::set_city_economy(w, 0, 2e6, 1.5e4);  // Y 3e10
  test::set_city_economy(w, 1, 5e5, 4e4);    // Y 2e10
  w.cities.openness << 0.9, 0.2;
  w.cities.reputation << 0.3, 1.1;
  w.cities.cooperation << 0.25, 0.8;
  w.cities.intl_budget << 3e6, 8e5;
  compete(w.states, w.cities, p.competition);
  EXPECT_NEAR(w.cities.net_inflow[0], 89129695.07431328, 1e-3);
  EXPECT_NEAR(w.cities.net_inflow[1], -89129695.07431328, 1e-3);
  // And from the formula in code.
  const double w0 = weight(w, p.competition, 0), w1 = weight(w, p.competition, 1);
  EXPECT_NEAR(w.cities.net_inflow[0], 1e9 * w0 / (w0 + w1) - 6e8, 1e-3);
}

// A, B in state 0 and C in state 1. Spending per person is equal, so weights
// are Y_i e^(0.5 V_i): B has V = 2 ln 2, doubling its weight. Weights 2 : 4 : 1
// (in units of 1e10); stakes 4e8, 4e8, 2e8; R_0 = 8e8, R_1 = 2e8, R = 1e9.
World two_state_world(const Params& p) {
  World w = test::make_world(p, {0, 0, 1}, 2);
  test::set_city_economy(w, 0, 2e6, 1e4);
  test::set_city_economy(w, 1, 1e6, 2e4);
  test::set_city_economy(w, 2, 1e6, 1e4);
  w.cities.intl_budget << 2e6, 1e6, 1e6;
  w.cities.reputation[1] = 2 * std::log(2.0);
  return w;
}

TEST(Compete, HandComputedTwoStatesWithHomeBias) {
  // With h = 0.6:
  //   I_A = 0.6 x 8e8 x 2/6 + 0.4 x 1e9 x 2/7 = 2.742857e8 -> Delta K -1.257143e8
  //   I_B = 0.6 x 8e8 x 4/6 + 0.4 x 1e9 x 4/7 = 5.485714e8 -> Delta K +1.485714e8
  //   I_C = 0.6 x 2e8       + 0.4 x 1e9 x 1/7 = 1.771429e8 -> Delta K -0.228571e8
  const Params p = test::reference_params();
  ASSERT_EQ(p.competition.home_bias, 0.6);
  World w = two_state_world(p);
  compete(w.states, w.cities, p.competition);
  EXPECT_NEAR(w.cities.net_inflow[0], -125714285.71428573, 1e-3);
  EXPECT_NEAR(w.cities.net_inflow[1], 148571428.57142854, 1e-3);
  EXPECT_NEAR(w.cities.net_inflow[2], -22857142.857142866, 1e-3);
}

TEST(Compete, HomeBiasOneKeepsEveryStateWhole) {
  // Same world with h = 1: no flows across states. State 0 splits its 8e8 as
  // 2 : 4 (Delta K -4e8/3, +4e8/3); the lone city of state 1 gets its stake back.
  Params p = test::reference_params();
  p.competition.home_bias = 1.0;
  World w = two_state_world(p);
  compete(w.states, w.cities, p.competition);
  EXPECT_NEAR(w.cities.net_inflow[0], -4e8 / 3, 1e-3);
  EXPECT_NEAR(w.cities.net_inflow[1], 4e8 / 3, 1e-3);
  EXPECT_NEAR(w.cities.net_inflow[2], 0.0, 1e-3);

  // And on a random world: each state's net inflow is zero.
  World r = test::random_world(p, 2000, 25, 3, 1, 99);
  compete(r.states, r.cities, p.competition);
  std::vector<double> by_state(25, 0.0), stake(25, 0.0);
  for (std::size_t i = 0; i < r.cities.size(); ++i) {
    by_state[r.cities.state[i]] += r.cities.net_inflow[i];
    stake[r.cities.state[i]] += p.competition.mobile_share * r.cities.gdp[i];
  }
  for (int j = 0; j < 25; ++j) EXPECT_NEAR(by_state[j], 0.0, 1e-12 * stake[j] + 1e-9) << "state " << j;
}

TEST(Compete, HomeBiasBelowOneMovesResourcesAcrossStates) {
  // The control for the test above: with h = 0.6 the random world's states do
  // not balance (an attractive state gains at the others' expense).
  const Params p = test::default_params();
  World r = test::random_world(p, 2000, 25, 3, 1, 99);
  compete(r.states, r.cities, p.competition);
  std::vector<double> by_state(25, 0.0);
  double total_stake = 0;
  for (std::size_t i = 0; i < r.cities.size(); ++i) {
    by_state[r.cities.state[i]] += r.cities.net_inflow[i];
    total_stake += p.competition.mobile_share * r.cities.gdp[i];
  }
  double moved = 0;
  for (double b : by_state) moved += std::abs(b);
  EXPECT_GT(moved, 1e-3 * total_stake);
}

TEST(Compete, ConservationOnRandomWorlds) {
  // Sum of Delta K = 0, relative to the pool sum rho Y, on 20 worlds of 1,000 cities.
  Params p = test::default_params();
  std::mt19937_64 gen(2718);
  std::uniform_real_distribution<double> U(0, 1);
  for (int world = 0; world < 20; ++world) {
    p.competition.home_bias = U(gen);
    p.competition.contest_exponent = 2 * U(gen);
    p.competition.w_reputation = 2 * U(gen);
    World w = test::random_world(p, 1000, 1 + world * 3, 1 + world % 4, 1, 1000 + world);
    compete(w.states, w.cities, p.competition);
    double sum = 0, pool = 0;
    for (std::size_t i = 0; i < w.cities.size(); ++i) {
      sum += w.cities.net_inflow[i];
      pool += p.competition.mobile_share * w.cities.gdp[i];
    }
    EXPECT_LT(std::abs(sum), 1e-12 * pool) << "world " << world;
  }
}

TEST(Compete, LowerCooperationRaisesTheShare) {
  // Three identical cities; city 0 spends more competitively (lower x).
  const Params p = test::reference_params();
  World w = test::make_world(p, 3);
  w.cities.intl_budget << 1e6, 1e6, 1e6;
  compete(w.states, w.cities, p.competition);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(w.cities.net_inflow[i], 0.0, 1e-3);  // symmetric: no flows
  w.cities.cooperation[0] = 0.1;
  compete(w.states, w.cities, p.competition);
  EXPECT_GT(w.cities.net_inflow[0], 1e6);
  EXPECT_LT(w.cities.net_inflow[1], 0.0);
  EXPECT_NEAR(w.cities.net_inflow[1], w.cities.net_inflow[2], 1e-3);
  // Share of the 6e8 pool: spending per person 0.9 + 0.01 against 0.5 + 0.01,
  // weights (0.91/0.51)^0.3 : 1 : 1 -> Delta K0 = 2.3790332e7.
  EXPECT_NEAR(w.cities.net_inflow[0], 23790332.217653155, 1e-3);
  // Monotone in x.
  double last = -1e300;
  for (double x : {0.9, 0.7, 0.5, 0.3, 0.0}) {
    w.cities.cooperation[0] = x;
    compete(w.states, w.cities, p.competition);
    EXPECT_GT(w.cities.net_inflow[0], last) << "x " << x;
    last = w.cities.net_inflow[0];
  }
}

TEST(Compete, EmptyCityAttractsNothing) {
  const Params p = test::reference_params();
  World w = test::make_world(p, 3);
  w.cities.intl_budget << 1e6, 1e6, 1e6;
  test::set_city_economy(w, 2, 0.0, 1e4);
  compete(w.states, w.cities, p.competition);
  EXPECT_EQ(w.cities.net_inflow[2], 0.0);
  EXPECT_NEAR(w.cities.net_inflow[0] + w.cities.net_inflow[1], 0.0, 1e-3);
}

}  // namespace
}  // namespace urbis
