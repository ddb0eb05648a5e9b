// Phase 2 (MODEL 3.2): B = tau a Y, D = delta B, fees = sum of the memberships' costs.
#include <gtest/gtest.h>

#include "agents/city/budget.hpp"
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
  compute_budgets(w.states, w.members, w.networks, w.cities, p.budget);
  // B = tau_j a_i Y_i
  EXPECT_DOUBLE_EQ(w.cities.budget[0], 0.1 * 0.4 * 6e10);   // 2.4e9
  EXPECT_DOUBLE_EQ(w.cities.budget[1], 0.25 * 0.8 * 1e10);  // 2.0e9, the city's own state's tau
  EXPECT_EQ(w.cities.budget[2], 0.0);                        // no autonomy, no revenue
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
  compute_budgets(w.states, w.members, w.networks, w.cities, p.budget);
  EXPECT_DOUBLE_EQ(w.cities.budget[0], 0.1 * 0.4 * 1e10);
  EXPECT_DOUBLE_EQ(w.cities.intl_budget[0], 0.05 * 4e8);
}

TEST(Budget, FeesSumOverMemberships) {
  const Params p = test::reference_params();
  World w = test::make_world(p, 3);
  const int a = test::add_network(w, {.name = "a", .fee_multiple = 2});
  const int b = test::add_network(w, {.name = "b", .fee_multiple = 5});
  const int c = test::add_network(w, {.name = "c", .fee_multiple = 11});
  index_fees(w.networks, 1e4);  // f_k = multiple x world GDP per capita
  EXPECT_DOUBLE_EQ(w.networks.fee[a], 2e4);
  EXPECT_DOUBLE_EQ(w.networks.fee[b], 5e4);
  EXPECT_DOUBLE_EQ(w.networks.fee[c], 1.1e5);
  w.members.add(0, a);
  w.members.add(0, c);
  w.members.add(1, b);
  compute_budgets(w.states, w.members, w.networks, w.cities, p.budget);
  EXPECT_DOUBLE_EQ(w.cities.fees[0], 2e4 + 1.1e5);
  EXPECT_DOUBLE_EQ(w.cities.fees[1], 5e4);
  EXPECT_EQ(w.cities.fees[2], 0.0);
  // Fees follow world GDP per capita.
  index_fees(w.networks, 2e4);
  compute_budgets(w.states, w.members, w.networks, w.cities, p.budget);
  EXPECT_DOUBLE_EQ(w.cities.fees[0], 2 * (2e4 + 1.1e5));
}

}  // namespace
}  // namespace urbis
