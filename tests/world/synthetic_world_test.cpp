// The synthetic world: sizes, Zipf populations, determinism, scale.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/input_error.hpp"
#include "sim/world/synthetic_world.hpp"
#include "world_test_support.hpp"

namespace urbis {
namespace {

SyntheticWorldSpec spec(std::int64_t cities, int states, int regions, int networks, std::uint64_t seed,
                        double zipf = 1.0) {
  SyntheticWorldSpec s;
  s.cities = cities;
  s.states = states;
  s.regions = regions;
  s.networks = networks;
  s.seed = seed;
  s.zipf_exponent = zipf;
  return s;
}

const Params& params() {
  static const Params p = test::default_params();
  return p;
}

// Least-squares slope of ln(size) against ln(rank).
double zipf_slope(const Eigen::ArrayXd& pop) {
  std::vector<double> p(pop.begin(), pop.end());
  std::sort(p.rbegin(), p.rend());
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  const double n = static_cast<double>(p.size());
  for (std::size_t r = 0; r < p.size(); ++r) {
    const double x = std::log(static_cast<double>(r + 1)), y = std::log(p[r]);
    sx += x, sy += y, sxx += x * x, sxy += x * y;
  }
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

TEST(SyntheticWorld, Sizes) {
  const WorldData d = make_synthetic_world(spec(2000, 150, 6, 40, 7), 2000, params());
  const World& w = d.world;
  EXPECT_EQ(w.cities.size(), 2000u);
  EXPECT_EQ(w.cities.name.size(), 2000u);
  EXPECT_EQ(w.states.size(), 150u);
  EXPECT_EQ(w.region_names.size(), 6u);
  EXPECT_EQ(d.networks.size(), 40u);
  EXPECT_EQ(w.states.iso3[0], "S001");
  EXPECT_EQ(w.states.name[149], "State 150");
  EXPECT_EQ(w.cities.name[0], "c1");
  EXPECT_EQ(std::set<std::string>(w.cities.name.begin(), w.cities.name.end()).size(), 2000u);
  for (std::size_t j = 0; j < w.states.size(); ++j)
    EXPECT_EQ(w.states.region[static_cast<Eigen::Index>(j)], static_cast<int>(j % 6));
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    EXPECT_EQ(w.cities.region[ii], w.states.region[w.cities.state[ii]]);
    EXPECT_GE(w.cities.lat[ii], -85.0);
    EXPECT_LE(w.cities.lat[ii], 85.0);
    EXPECT_GE(w.cities.lon[ii], -180.0);
    EXPECT_LT(w.cities.lon[ii], 180.0);
  }
  EXPECT_EQ(w.state_offsets.size(), 151u);
  EXPECT_TRUE(d.agreement_changes.empty());
}

TEST(SyntheticWorld, ZipfSlope) {
  for (double s : {1.0, 0.8, 1.2}) {
    const WorldData d = make_synthetic_world(spec(5000, 50, 5, 0, 3, s), 2000, params());
    EXPECT_NEAR(zipf_slope(d.world.cities.population), -s, 0.05) << s;
    EXPECT_DOUBLE_EQ(d.world.cities.population.maxCoeff(), 2e7);
  }
}

TEST(SyntheticWorld, EveryStateHasACityWhenCitiesOutnumberStates) {
  const WorldData d = make_synthetic_world(spec(2000, 150, 6, 0, 11), 2000, params());
  const World& w = d.world;
  std::vector<int> count(w.states.size(), 0);
  for (Eigen::Index i = 0; i < w.cities.state.size(); ++i) ++count[static_cast<std::size_t>(w.cities.state[i])];
  EXPECT_GE(*std::min_element(count.begin(), count.end()), 1);
  // ... and state sizes vary.
  EXPECT_GT(*std::max_element(count.begin(), count.end()), 4 * 2000 / 150);
}

TEST(SyntheticWorld, StatesAndGdp) {
  const WorldData d = make_synthetic_world(spec(3000, 40, 4, 0, 5), 2010, params());
  const World& w = d.world;
  const States& s = w.states;
  std::vector<double> city_gdp(s.size(), 0), city_pop(s.size(), 0);
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    city_gdp[static_cast<std::size_t>(w.cities.state[ii])] += w.cities.gdp[ii];
    city_pop[static_cast<std::size_t>(w.cities.state[ii])] += w.cities.population[ii];
    EXPECT_NEAR(w.cities.gdp[ii], w.cities.gdp_pc[ii] * w.cities.population[ii], 1e-6 * w.cities.gdp[ii]);
  }
  for (std::size_t j = 0; j < s.size(); ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    const double gdp_pc = s.gdp[jj] / s.population[jj];
    EXPECT_GE(gdp_pc, 1000 * (1 - 1e-12));
    EXPECT_LE(gdp_pc, 60000 * (1 + 1e-12));
    EXPECT_GE(s.growth[jj], 0);
    EXPECT_LE(s.growth[jj], 0.04);
    EXPECT_GE(s.urban_growth[jj], 0);
    EXPECT_LE(s.urban_growth[jj], 0.03);
    EXPECT_LE(city_gdp[j], s.gdp[jj] * (1 + 1e-9));
    EXPECT_GT(s.population[jj], city_pop[j]);
    EXPECT_EQ(s.populism[jj], params().states.populism);
    EXPECT_EQ(s.centralisation[jj], params().states.centralisation);
    EXPECT_EQ(s.openness[jj], params().states.openness);
    EXPECT_EQ(s.tax_share[jj], params().states.tax_share);
  }
  // Agreements: paris for all, the union eu for region 0.
  ASSERT_EQ(w.agreements.size(), 2u);
  const int paris = w.agreement_index("paris"), eu = w.agreement_index("eu");
  ASSERT_GE(paris, 0);
  ASSERT_GE(eu, 0);
  EXPECT_TRUE(w.agreements[static_cast<std::size_t>(eu)].is_union);
  for (std::size_t j = 0; j < s.size(); ++j) {
    EXPECT_EQ(s.in_agreement[static_cast<std::size_t>(paris)][j], 1);
    EXPECT_EQ(s.in_agreement[static_cast<std::size_t>(eu)][j], s.region[static_cast<Eigen::Index>(j)] == 0 ? 1 : 0);
  }
}

TEST(SyntheticWorld, Networks) {
  const int n = 3000;
  const WorldData d = make_synthetic_world(spec(100, 10, 4, n, 9), 2005, params());
  const Params& p = params();
  PerIssue<int> count{};
  int regional = 0;
  std::vector<double> log_fee;
  for (const auto& k : d.networks) {
    EXPECT_EQ(k.founded, 2005);
    EXPECT_EQ(k.ended, 0);
    EXPECT_EQ(k.min_population, 0);
    EXPECT_TRUE(k.members.empty());
    EXPECT_GT(k.fee_multiple, 0);
    ++count[static_cast<std::size_t>(k.issue)];
    if (k.scope.kind == ScopeKind::region) {
      ++regional;
      EXPECT_GE(k.scope.index, 0);
      EXPECT_LT(k.scope.index, 4);
    } else {
      EXPECT_EQ(k.scope.kind, ScopeKind::global);
    }
    log_fee.push_back(std::log(k.fee_multiple));
  }
  EXPECT_EQ(d.networks.front().name, "Network 1");
  double total = 0;
  for (double b : p.salience.baseline) total += b;
  for (int q = 0; q < kIssueCount; ++q) {
    const double share = static_cast<double>(count[static_cast<std::size_t>(q)]) / n;
    const double expected = p.salience.baseline[static_cast<std::size_t>(q)] / total;
    EXPECT_NEAR(share, expected, 4 * std::sqrt(expected * (1 - expected) / n)) << kIssueNames[q];
  }
  const double pr = p.founding.regional_probability;
  EXPECT_NEAR(static_cast<double>(regional) / n, pr, 4 * std::sqrt(pr * (1 - pr) / n));
  const double mean = std::accumulate(log_fee.begin(), log_fee.end(), 0.0) / n;
  EXPECT_NEAR(mean, std::log(p.networks.fee_gdppc_multiple), 4 * p.networks.fee_log_sd / std::sqrt(n));
}

TEST(SyntheticWorld, DeterministicInItsSeed) {
  const auto a = make_synthetic_world(spec(5000, 60, 5, 20, 42), 2000, params());
  const auto b = make_synthetic_world(spec(5000, 60, 5, 20, 42), 2000, params());
  const auto c = make_synthetic_world(spec(5000, 60, 5, 20, 43), 2000, params());
  EXPECT_TRUE((a.world.cities.population == b.world.cities.population).all());
  EXPECT_TRUE((a.world.cities.state == b.world.cities.state).all());
  EXPECT_TRUE((a.world.cities.lat == b.world.cities.lat).all());
  EXPECT_TRUE((a.world.cities.gdp == b.world.cities.gdp).all());
  EXPECT_TRUE((a.world.states.gdp == b.world.states.gdp).all());
  for (std::size_t k = 0; k < a.networks.size(); ++k) {
    EXPECT_EQ(a.networks[k].issue, b.networks[k].issue);
    EXPECT_EQ(a.networks[k].fee_multiple, b.networks[k].fee_multiple);
  }
  EXPECT_FALSE((a.world.cities.population == c.world.cities.population).all());
  EXPECT_FALSE((a.world.cities.state == c.world.cities.state).all());
  EXPECT_FALSE((a.world.states.gdp == c.world.states.gdp).all());
}

TEST(SyntheticWorld, HundredThousandCities) {
  const WorldData d = make_synthetic_world(spec(100000, 200, 8, 50, 1), 2000, params());
  EXPECT_EQ(d.world.cities.size(), 100000u);
  EXPECT_EQ(d.world.cities.name.back(), "c100000");
  EXPECT_NEAR(zipf_slope(d.world.cities.population), -1.0, 0.05);
  EXPECT_TRUE(d.world.cities.gdp.allFinite());
  EXPECT_GT(d.world.cities.gdp.minCoeff(), 0);
}

TEST(SyntheticWorld, RejectsImpossibleSpecs) {
  EXPECT_THROW(make_synthetic_world(spec(0, 10, 2, 0, 1), 2000, params()), InputError);
  EXPECT_THROW(make_synthetic_world(spec(10, 0, 1, 0, 1), 2000, params()), InputError);
  EXPECT_THROW(make_synthetic_world(spec(10, 5, 6, 0, 1), 2000, params()), InputError);
}

}  // namespace
}  // namespace urbis
