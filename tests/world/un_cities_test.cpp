// The UN agglomerations (sim/world/un_cities): places and populations from
// the UN file, at the start year and on their yearly paths.
#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "world_test_support.hpp"

namespace urbis {
namespace {

TEST(RealWorldUnCities, InterpolatesKabulBetweenFiveYearColumns) {
  // Kabul: 3,724 thousand in 2015 and 4,222 thousand in 2020 (UN file, line 3).
  const World& w = world_at(2017).world;
  const int i = city_index(w, "Kabul");
  ASSERT_GE(i, 0);
  EXPECT_NEAR(w.cities.population[i], (3724.0 + (4222.0 - 3724.0) * 2.0 / 5.0) * 1000.0, 1e-6);
  EXPECT_EQ(w.states.iso3[static_cast<std::size_t>(w.cities.state[i])], "AFG");
}

TEST(RealWorldUnCities, CityPathsFollowTheUnSeriesAndFadeAfterIt) {
  // Kabul: 3,724 thousand in 2015, 4,222 in 2020, 5,737 in 2030, 6,761 in
  // 2035; after 2035 the 2030-2035 rate goes on, fading by half every 30 years.
  const World& w = world_at(2015).world;
  const int i = city_index(w, "Kabul");
  ASSERT_GE(i, 0);
  const Anchors& a = *w.anchors;
  EXPECT_DOUBLE_EQ(a.city_population_at(static_cast<std::size_t>(i), 2015), 3724e3);
  EXPECT_NEAR(a.city_population_at(static_cast<std::size_t>(i), 2017), (3724.0 + (4222.0 - 3724.0) * 2.0 / 5.0) * 1e3,
              1e-6);
  EXPECT_DOUBLE_EQ(a.city_population_at(static_cast<std::size_t>(i), 2035), 6761e3);
  const double rate = std::pow(6761.0 / 5737.0, 0.2) - 1;
  double v = 6761e3;
  for (int y = 2036; y <= 2040; ++y) v *= 1 + rate * std::exp2(-(y - 2035) / 30.0);
  EXPECT_NEAR(a.city_population_at(static_cast<std::size_t>(i), 2040), v, 1e-3);
  EXPECT_LT(a.city_population_at(static_cast<std::size_t>(i), 2040), 6761e3 * std::pow(1 + rate, 5));
  // The same path whatever the start year of the world.
  const World& later = world_at(2040).world;
  EXPECT_NEAR(later.anchors->city_population_at(static_cast<std::size_t>(city_index(later, "Kabul")), 2040), v, 1e-3);
}

TEST(RealWorldUnCities, SeventySixMillionCitiesIn1950) {
  // Data README: 76 agglomerations had a million or more in 1950, and the
  // 100 largest averaged about 2.0 million.
  const World& w = world_at(1950).world;
  std::vector<double> p(w.cities.population.begin(), w.cities.population.end());
  EXPECT_EQ(std::count_if(p.begin(), p.end(), [](double x) { return x >= 1e6; }), 76);
  std::sort(p.rbegin(), p.rend());
  double top = 0;
  for (int k = 0; k < 100; ++k) top += p[static_cast<std::size_t>(k)];
  EXPECT_NEAR(top / 100, 2.0e6, 0.1e6);
}

TEST(RealWorldUnCities, ReportsTheChannelIslands) {
  const WorldData& d = world_at(2015);
  EXPECT_GE(count_problems(d, "Channel Islands"), 1);
}

}  // namespace
}  // namespace urbis
