// Phase 2 (MODEL 3.2): B = tau a Y, D = delta B, fees = sum of the memberships' costs.
#include <gtest/gtest.h>

#include "agents/city/budget.hpp"
#include "agents/forces.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

TEST(Budget, RevenueAndInternationalBudget) {
  const Params p = test::reference_params();  // delta = 0.01
  World w = test::make_world(p, {0, 1, 1}, 2);
  w.states.tax_share[0] = 0.1;
  w.states.tax_share[1] = 0.25;
  test::set_city_economy(w, 0, 2e6, 3e4);  // Y = 6e10
  test::set_city_economy(w, 1, 1e6, 1e4);  // Y = 1e10
  test::set_city_economy(w, 2, 5e5, 2e4);  // Y = 1e10
  w.cities.autonomy << 0.4, 0.8, 0.0;
  compute_budgets(w.states, w.members, w.networks, w.cities, p.budget.international_share);
  // B = tau_j a_i Y_i
  EXPECT_DOUBLE_EQ(w.cities.budget[0], 0.1 * 0.4 * 6e10);   // 2.4e9
  EXPECT_DOUBLE_EQ(w.cities.budget[1], 0.25 * 0.8 * 1e10);  // 2.0e9, the city's own state's tau
  EXPECT_EQ(w.cities.budget[2], 0.0);                       // no autonomy, no revenue
  EXPECT_DOUBLE_EQ(w.cities.budget[0], 2.4e9);
  // D = delta B, exactly
  for (int i = 0; i < 3; ++i) EXPECT_EQ(w.cities.intl_budget[i], p.budget.international_share * w.cities.budget[i]);
  EXPECT_DOUBLE_EQ(w.cities.intl_budget[0], 2.4e7);
  EXPECT_DOUBLE_EQ(w.cities.intl_budget[1], 2.0e7);
}

TEST(Budget, DeltaScalesTheInternationalBudget) {
  Params p = test::reference_params();
  p.budget.international_share = 0.05;
  World w = test::make_world(p, 1);
  compute_budgets(w.states, w.members, w.networks, w.cities, p.budget.international_share);
  EXPECT_DOUBLE_EQ(w.cities.budget[0], 0.1 * 0.4 * 1e10);
  EXPECT_DOUBLE_EQ(w.cities.intl_budget[0], 0.05 * 4e8);
}

TEST(Budget, FeesSumOverMemberships) {
  const Params p = test::reference_params();
  World w = test::make_world(p, 3);
  const int a = test::add_network(w, {.name = "a", .fee_multiple = 2});
  const int b = test::add_network(w, {.name = "b", .fee_multiple = 5});
  const int c = test::add_network(w, {.name = "c", .fee_multiple = 11});
  index_fees(w.networks, 1e4, 1.0);  // f_k = multiple x world GDP per capita
  EXPECT_DOUBLE_EQ(w.networks.fee[a], 2e4);
  EXPECT_DOUBLE_EQ(w.networks.fee[b], 5e4);
  EXPECT_DOUBLE_EQ(w.networks.fee[c], 1.1e5);
  w.members.add(0, a);
  w.members.add(0, c);
  w.members.add(1, b);
  compute_budgets(w.states, w.members, w.networks, w.cities, p.budget.international_share);
  EXPECT_DOUBLE_EQ(w.cities.fees[0], 2e4 + 1.1e5);
  EXPECT_DOUBLE_EQ(w.cities.fees[1], 5e4);
  EXPECT_EQ(w.cities.fees[2], 0.0);
  // Fees follow world GDP per capita.
  index_fees(w.networks, 2e4, 1.0);
  compute_budgets(w.states, w.members, w.networks, w.cities, p.budget.international_share);
  EXPECT_DOUBLE_EQ(w.cities.fees[0], 2 * (2e4 + 1.1e5));
  // ... and fall with the cost of coordinating at a distance.
  index_fees(w.networks, 2e4, 0.4);
  compute_budgets(w.states, w.members, w.networks, w.cities, p.budget.international_share);
  EXPECT_DOUBLE_EQ(w.cities.fees[0], 0.4 * 2 * (2e4 + 1.1e5));
}

// MODEL 7.0: the drivers of the period act through c_d, g_d and s_d.
TEST(Forces, DriversMoveCostsBudgetsAndBaselineSalience) {
  Params p = test::reference_params();
  p.budget.international_share = 0.01;
  p.drivers.digital_cost_cut = 0.6;
  p.drivers.globalisation_reach = 2.0;
  p.drivers.salience_scale = 0.5;
  World w = test::make_world(p, 2);
  Drivers d;
  d.first_year = 2000;
  d.years = 2;
  d.digital = {0.0, 0.5};
  d.globalisation = {0.0, 0.25};
  PerIssue<double> shift{};
  shift[test::iq(Issue::climate)] = 0.2;
  shift[test::iq(Issue::peace)] = 1.0;  // would take peace above 1
  d.salience = {PerIssue<double>{}, shift};
  w.drivers = std::make_shared<const Drivers>(d);
  w.global.year = 2000;
  apply_forces(*w.drivers, w.global, p);
  EXPECT_DOUBLE_EQ(w.global.coordination_cost, 1.0);
  EXPECT_DOUBLE_EQ(w.global.international_share, 0.01);
  EXPECT_EQ(w.global.salience_baseline, p.salience.baseline);
  w.global.year = 2001;
  apply_forces(*w.drivers, w.global, p);
  EXPECT_DOUBLE_EQ(w.global.coordination_cost, 1.0 - 0.6 * 0.5);              // 0.7
  EXPECT_DOUBLE_EQ(w.global.international_share, 0.01 * (1.0 + 2.0 * 0.25));  // 0.015
  EXPECT_DOUBLE_EQ(w.global.salience_baseline[test::iq(Issue::climate)], 0.6 + 0.5 * 0.2);
  EXPECT_DOUBLE_EQ(w.global.salience_baseline[test::iq(Issue::peace)], 0.7);  // 0.2 + 0.5, within [0, 1]
  w.global.year = 2050;                                                       // held flat after the last year
  apply_forces(*w.drivers, w.global, p);
  EXPECT_DOUBLE_EQ(w.global.coordination_cost, 0.7);
  // Fees and budgets follow: refresh_budgets uses this year's kappa_c and delta.
  const int k = test::add_network(w, {.fee_multiple = 2});
  refresh_budgets(w.states, w.members, w.cities, w.networks, w.global);
  EXPECT_DOUBLE_EQ(w.networks.fee[k], 2 * w.global.world_gdp_pc * 0.7);
  EXPECT_DOUBLE_EQ(w.cities.intl_budget[0], 0.015 * w.cities.budget[0]);
}

// Salience: events add a shock that decays at r_sigma; the drivers move the
// baseline, and only a shock leaves a gap.
TEST(Forces, SalienceShocksDecayAroundAMovingBaseline) {
  const Params p = test::reference_params();  // r_sigma = 0.2
  World w = test::make_world(p, 1);
  const int q = test::iq(Issue::health);
  shock_salience(w.global, Issue::health, 0.5);
  EXPECT_DOUBLE_EQ(w.global.salience[q], 0.8);
  relax_salience(w.global, p.salience.relax_rate);
  EXPECT_DOUBLE_EQ(w.global.salience_shock[q], 0.4);
  EXPECT_DOUBLE_EQ(w.global.salience[q], 0.7);
  // The baseline rises (a world event of the drivers): no shock from it.
  w.global.salience_baseline[q] = 0.5;
  relax_salience(w.global, p.salience.relax_rate);
  EXPECT_NEAR(w.global.salience_shock[q], 0.32, 1e-15);
  EXPECT_NEAR(w.global.salience[q], 0.82, 1e-15);
  // A shock cannot take salience outside [0, 1]: the part beyond is lost.
  shock_salience(w.global, Issue::health, 0.9);
  EXPECT_DOUBLE_EQ(w.global.salience[q], 1.0);
  EXPECT_DOUBLE_EQ(w.global.salience_shock[q], 0.5);
  shock_salience(w.global, Issue::health, -3.0);
  EXPECT_EQ(w.global.salience[q], 0.0);
  EXPECT_DOUBLE_EQ(w.global.salience_shock[q], -0.5);
}

}  // namespace
}  // namespace urbis
