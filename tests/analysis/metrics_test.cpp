// Global metrics (analysis/metrics): Gini of GDP per capita and the
// cooperation index, on the tiny worlds of the agents' tests.
#include <cmath>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/metrics.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

// The population-weighted Gini by its definition: the weighted mean absolute
// difference over twice the weighted mean.
double gini_by_pairs(const std::vector<double>& v, const std::vector<double>& w) {
  double W = 0, S = 0, d = 0;
  for (std::size_t i = 0; i < v.size(); ++i) W += w[i], S += w[i] * v[i];
  for (std::size_t i = 0; i < v.size(); ++i)
    for (std::size_t j = 0; j < v.size(); ++j) d += w[i] * w[j] * std::abs(v[i] - v[j]);
  return d / (2 * W * S);
}

TEST(Gini, EqualValuesGiveZero) {
  const std::vector<double> v(7, 3.5), w = {1, 2, 3, 4, 5, 6, 7};
  EXPECT_NEAR(weighted_gini(v, w), 0.0, 1e-15);
}

TEST(Gini, OneHoldsAll) {
  // (0, ..., 0, 1) with equal weights: 1 - 1/n.
  for (int n : {2, 5, 10, 100}) {
    std::vector<double> v(static_cast<std::size_t>(n), 0.0), w(static_cast<std::size_t>(n), 1.0);
    v.back() = 1;
    EXPECT_NEAR(weighted_gini(v, w), 1.0 - 1.0 / n, 1e-14) << n;
    // Order does not matter.
    std::swap(v.front(), v.back());
    EXPECT_NEAR(weighted_gini(v, w), 1.0 - 1.0 / n, 1e-14) << n;
  }
}

TEST(Gini, WeightsCountAsPeople) {
  // Values (1, 2) with weights (3, 1) equal values (1, 1, 1, 2) with weights 1.
  EXPECT_NEAR(weighted_gini(std::vector<double>{1, 2}, std::vector<double>{3, 1}),
              weighted_gini(std::vector<double>{1, 1, 1, 2}, std::vector<double>{1, 1, 1, 1}), 1e-15);
  // By hand: mean 1.25, mean |difference| = 2 x 3 x 1 / 16 = 0.375, G = 0.375 / 2.5 = 0.15.
  EXPECT_NEAR(weighted_gini(std::vector<double>{1, 2}, std::vector<double>{3, 1}), 0.15, 1e-15);
}

TEST(Gini, TrapezoidFormulaEqualsThePairwiseDefinition) {
  // The implemented Lorenz-curve trapezoid rule is the population Gini (no
  // n/(n-1) sample correction): it matches the pairwise definition exactly.
  std::mt19937_64 gen(1);
  std::lognormal_distribution<double> ln(0, 1);
  std::uniform_real_distribution<double> U(0.1, 5);
  for (int t = 0; t < 10; ++t) {
    std::vector<double> v(200), w(200);
    for (auto& x : v) x = ln(gen);
    for (auto& x : w) x = U(gen);
    v[3] = v[4];  // ties
    EXPECT_NEAR(weighted_gini(v, w), gini_by_pairs(v, w), 1e-12);
  }
}

TEST(Gini, DegenerateInputsGiveZero) {
  EXPECT_EQ(weighted_gini(std::vector<double>{}, std::vector<double>{}), 0.0);
  EXPECT_EQ(weighted_gini(std::vector<double>{0, 0}, std::vector<double>{1, 1}), 0.0);
  EXPECT_EQ(weighted_gini(std::vector<double>{1, 2}, std::vector<double>{0, 0}), 0.0);
}

TEST(CooperationIndex, IsGdpWeighted) {
  const Params p = test::reference_params();
  World w = test::make_world(p, 2);
  w.cities.cooperation << 0.0, 1.0;
  test::set_city_economy(w, 0, 1e6, 1e4);               // Y 1e10
  test::set_city_economy(w, 1, 1e6, 3e4);               // Y 3e10
  EXPECT_DOUBLE_EQ(cooperation_index(w.cities), 0.75);  // the unweighted mean is 0.5
  w.cities.gdp.setZero();
  EXPECT_EQ(cooperation_index(w.cities), 0.0);
}

TEST(GlobalMetrics, SummariseTheWorld) {
  const Params p = test::reference_params();
  World w = test::make_world(p, 4);
  const int a = test::add_network(w, {.name = "a"});
  const int b = test::add_network(w, {.name = "b"});
  const int c = test::add_network(w, {.name = "c"});
  const int d = test::add_network(w, {.name = "d"});  // open, but too small to count
  w.networks.active[c] = 0;
  w.networks.status[a] = w.networks.status[b] = NetworkStatus::active;
  w.networks.status[c] = NetworkStatus::ended;
  w.networks.status[d] = NetworkStatus::forming;
  w.networks.actions[d] = 1;
  w.networks.power[a] = 0.2, w.networks.power[b] = 0.3, w.networks.power[c] = 0.9;
  w.networks.actions[a] = 10, w.networks.actions[b] = 5, w.networks.actions[c] = 100;
  w.members.add(0, a), w.members.add(0, b), w.members.add(1, a);
  w.cities.tension << 0.1, 0.2, 0.3, 0.4;
  w.cities.autonomy << 0.2, 0.4, 0.6, 0.8;
  w.global.mitigation = 7;
  const GlobalMetrics m = global_metrics(w);
  EXPECT_EQ(m.cities, 4);
  EXPECT_EQ(m.population, 4e6);
  EXPECT_EQ(m.gdp, 4e10);
  EXPECT_EQ(m.active_networks, 2);  // clubs with n_min members: not c (ended), not d (forming)
  EXPECT_EQ(m.memberships, 3);
  EXPECT_DOUBLE_EQ(m.network_share, 0.5);
  EXPECT_DOUBLE_EQ(m.actions, 16);  // every open network acts
  EXPECT_DOUBLE_EQ(m.network_power, 0.5);
  EXPECT_DOUBLE_EQ(m.mean_tension, 0.25);
  EXPECT_DOUBLE_EQ(m.mean_autonomy, 0.5);
  EXPECT_EQ(m.mitigation, 7);
  EXPECT_NEAR(m.gini, 0.0, 1e-15);  // equal GDP per capita
  EXPECT_DOUBLE_EQ(m.cooperation_index, 0.5);
}

}  // namespace
}  // namespace urbis
