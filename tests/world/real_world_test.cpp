// The real world from configs/world as assembled (sim/world/real_world):
// its states and cities put together. Each source has its own test file
// (un_cities, state_economies, agreements_file, state_traits_file,
// networks_file, member_matching, city_names).
#include <algorithm>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "world_test_support.hpp"

namespace urbis {
namespace {

TEST(RealWorld, NewYorkNewarkInTheUnitedStates) {
  const World& w = world_at(2015).world;
  const int i = city_index(w, "New York-Newark");
  ASSERT_GE(i, 0);
  EXPECT_EQ(w.states.iso3[static_cast<std::size_t>(w.cities.state[i])], "USA");
  EXPECT_DOUBLE_EQ(w.cities.population[i], 18648e3);  // the 2015 column
  EXPECT_NEAR(w.cities.lat[i], 40.717, 1e-9);
  EXPECT_NEAR(w.cities.lon[i], -74.0037, 1e-9);
  const int us = w.cities.state[i];
  EXPECT_EQ(w.cities.region[i], w.states.region[us]);
  EXPECT_EQ(w.region_names[static_cast<std::size_t>(w.cities.region[i])], "Americas");
}

TEST(RealWorld, StatesAndTheirData) {
  const World& w = world_at(2015).world;
  const States& s = w.states;
  EXPECT_GT(s.size(), 150u);
  EXPECT_TRUE(std::is_sorted(s.iso3.begin(), s.iso3.end()));
  EXPECT_EQ(std::set<std::string>(s.iso3.begin(), s.iso3.end()).size(), s.size());
  // Rows with iso_a3 = -99 (France, Norway) and territories with their own
  // rows (Hong Kong, Macao, Taiwan) are matched.
  for (const char* iso3 : {"FRA", "NOR", "HKG", "MAC", "TWN", "PRI", "USA", "CHN", "GBR"})
    EXPECT_GE(state_index(w, iso3), 0) << iso3;
  EXPECT_EQ(w.region_names, (std::vector<std::string>{"Africa", "Americas", "Asia", "Europe", "Oceania"}));
  for (std::size_t j = 0; j < s.size(); ++j) {
    const auto jj = static_cast<Eigen::Index>(j);
    EXPECT_GT(s.population[jj], 0) << s.iso3[j];
    EXPECT_GT(s.gdp[jj], 0) << s.iso3[j];
    EXPECT_EQ(s.growth[jj], 0) << s.iso3[j];  // no scenario adjustment
    EXPECT_EQ(s.urban_growth[jj], 0) << s.iso3[j];
    EXPECT_EQ(s.commitment[jj], 0);
  }
}

TEST(RealWorld, IndexOfCitiesByState) {
  const World& w = world_at(2015).world;
  ASSERT_EQ(w.by_state.states(), w.states.size());
  EXPECT_EQ(w.by_state.cities.size(), w.cities.size());
  for (std::size_t j = 0; j < w.states.size(); ++j) {
    EXPECT_FALSE(w.by_state.of(j).empty()) << w.states.iso3[j] << " has no city";
    for (auto i : w.by_state.of(j)) EXPECT_EQ(w.cities.state[i], static_cast<int>(j));
  }
  EXPECT_EQ(w.members.cities(), 0u);  // memberships are the engine's
}

}  // namespace
}  // namespace urbis
