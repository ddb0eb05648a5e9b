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
  const WorldData d = make_synthetic_world(spec(2000, 150, 6, 40, 7), 2000);
  const World& w = d.world;
  EXPECT_EQ(w.cities.size(), 2000u);
  EXPECT_EQ(w.cities.name.size(), 2000u);
  EXPECT_EQ(w.states.size(), 150u);
  EXPECT_EQ(w.region_names.size(), 6u);
  EXPECT_TRUE(d.networks.empty());  // its start networks are founded at initialisation (agents/)
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
  EXPECT_EQ(w.by_state.states(), 150u);
  EXPECT_TRUE(d.agreement_changes.empty());
}

TEST(SyntheticWorld, ZipfSlope) {
  for (double s : {1.0, 0.8, 1.2}) {
    const WorldData d = make_synthetic_world(spec(5000, 50, 5, 0, 3, s), 2000);
    EXPECT_NEAR(zipf_slope(d.world.cities.population), -s, 0.05) << s;
    EXPECT_DOUBLE_EQ(d.world.cities.population.maxCoeff(), 2e7);
  }
}

TEST(SyntheticWorld, EveryStateHasACityWhenCitiesOutnumberStates) {
  const WorldData d = make_synthetic_world(spec(2000, 150, 6, 0, 11), 2000);
  const World& w = d.world;
  std::vector<int> count(w.states.size(), 0);
  for (Eigen::Index i = 0; i < w.cities.state.size(); ++i) ++count[static_cast<std::size_t>(w.cities.state[i])];
  EXPECT_GE(*std::min_element(count.begin(), count.end()), 1);
  // ... and state sizes vary.
  EXPECT_GT(*std::max_element(count.begin(), count.end()), 4 * 2000 / 150);
}

TEST(SyntheticWorld, StatesAndTheirPaths) {
  // Each state's GDP per capita is log-uniform on [1,000, 60,000] USD at the
  // start and grows at g ~ U(0, 0.04); its people (the city population over
  // the urban share 0.55) at u ~ U(0, 0.03); every city follows its state's
  // population growth. The loader reads no parameter: traits are unknown.
  const WorldData d = make_synthetic_world(spec(3000, 40, 4, 0, 5), 2010);
  const World& w = d.world;
  const States& s = w.states;
  const Anchors& a = *w.anchors;
  std::vector<double> city_pop(s.size(), 0);
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    city_pop[static_cast<std::size_t>(w.cities.state[static_cast<Eigen::Index>(i)])] +=
        w.cities.population[static_cast<Eigen::Index>(i)];
    EXPECT_DOUBLE_EQ(a.city_population_at(i, 2010), w.cities.population[static_cast<Eigen::Index>(i)]);
  }
  for (std::size_t j = 0; j < s.size(); ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    const double gdp_pc = a.national_gdp_at(j, 2010) / a.national_population_at(j, 2010);
    EXPECT_GE(gdp_pc, 1000 * (1 - 1e-12));
    EXPECT_LE(gdp_pc, 60000 * (1 + 1e-12));
    EXPECT_NEAR(a.national_population_at(j, 2010), city_pop[j] / 0.55, 1e-6 * city_pop[j]);
    const double g = std::pow(a.national_gdp_at(j, 2020) / a.national_population_at(j, 2020) / gdp_pc, 0.1) - 1;
    const double u = std::pow(a.national_population_at(j, 2020) / a.national_population_at(j, 2010), 0.1) - 1;
    EXPECT_GE(g, -1e-12);
    EXPECT_LE(g, 0.04 + 1e-12);
    EXPECT_GE(u, -1e-12);
    EXPECT_LE(u, 0.03 + 1e-12);
    EXPECT_EQ(s.growth[jj], 0);  // no scenario adjustment
    EXPECT_TRUE(std::isnan(s.populism[jj]));
    EXPECT_TRUE(std::isnan(s.tax_share[jj]));
  }
  // A city follows its state: its population grows at u_j.
  const auto j0 = static_cast<std::size_t>(w.cities.state[0]);
  EXPECT_NEAR(a.city_population_at(0, 2030) / a.city_population_at(0, 2010),
              a.national_population_at(j0, 2030) / a.national_population_at(j0, 2010), 1e-12);
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
  // Twelve bytes a city for its path (a row index and a scale).
  EXPECT_EQ(a.city_path.size(), s.size() * static_cast<std::size_t>(a.years));
}

TEST(SyntheticWorld, DeterministicInItsSeed) {
  const auto a = make_synthetic_world(spec(5000, 60, 5, 20, 42), 2000);
  const auto b = make_synthetic_world(spec(5000, 60, 5, 20, 42), 2000);
  const auto c = make_synthetic_world(spec(5000, 60, 5, 20, 43), 2000);
  EXPECT_TRUE((a.world.cities.population == b.world.cities.population).all());
  EXPECT_TRUE((a.world.cities.state == b.world.cities.state).all());
  EXPECT_TRUE((a.world.cities.lat == b.world.cities.lat).all());
  EXPECT_TRUE((a.world.states.gdp == b.world.states.gdp).all());
  EXPECT_EQ(a.world.anchors->national_gdp, b.world.anchors->national_gdp);
  EXPECT_FALSE((a.world.cities.population == c.world.cities.population).all());
  EXPECT_FALSE((a.world.cities.state == c.world.cities.state).all());
  EXPECT_FALSE((a.world.states.gdp == c.world.states.gdp).all());
}

TEST(SyntheticWorld, HundredThousandCities) {
  const WorldData d = make_synthetic_world(spec(100000, 200, 8, 50, 1), 2000);
  EXPECT_EQ(d.world.cities.size(), 100000u);
  EXPECT_EQ(d.world.cities.name.back(), "c100000");
  EXPECT_NEAR(zipf_slope(d.world.cities.population), -1.0, 0.05);
  EXPECT_GT(d.world.anchors->city_scale.back(), 0);
}

TEST(SyntheticWorld, RejectsImpossibleSpecs) {
  EXPECT_THROW(make_synthetic_world(spec(0, 10, 2, 0, 1), 2000), InputError);
  EXPECT_THROW(make_synthetic_world(spec(10, 0, 1, 0, 1), 2000), InputError);
  EXPECT_THROW(make_synthetic_world(spec(10, 5, 6, 0, 1), 2000), InputError);
}

}  // namespace
}  // namespace urbis
