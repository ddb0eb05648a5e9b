// City names (sim/world/city_names): folded keys for matching, and unique
// names in the world.
#include "sim/world/city_names.hpp"
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "world_test_support.hpp"

namespace urbis {
namespace {

TEST(WorldCityNames, FoldKeepsLettersAndDigitsWithoutAccents) {
  EXPECT_EQ(city_names::fold("Hà Noi"), "hanoi");
  EXPECT_EQ(city_names::fold("Hanoi"), "hanoi");
  EXPECT_EQ(city_names::fold("Washington, D.C."), "washingtondc");
  EXPECT_EQ(city_names::fold("São Paulo"), "saopaulo");
  EXPECT_EQ(city_names::fold("Düsseldorf"), "dusseldorf");
  EXPECT_EQ(city_names::fold("Łódź"), "lodz");
  EXPECT_EQ(city_names::fold("Москва 2"), "2");  // letters outside Latin are dropped
}

TEST(WorldCityNames, TheLargestKeepsADuplicatedName) {
  std::vector<std::string> problems;
  const auto names = city_names::unique({"London", "Paris", "London", "London", "London (CAN)"},
                                        {"CAN", "FRA", "GBR", "CAN", "USA"}, {0.4e6, 2e6, 9e6, 0.1e6, 1}, problems);
  EXPECT_EQ(names, (std::vector<std::string>{"London (CAN 2)", "Paris", "London", "London (CAN 3)", "London (CAN)"}));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0],
            "duplicate agglomeration name 'London': kept it for the one in GBR, renamed "
            "'London (CAN 2)', 'London (CAN 3)'");
}

TEST(RealWorldCityNames, CityNamesAreUnique) {
  const WorldData& d = world_at(2015);
  const World& w = d.world;
  EXPECT_EQ(std::set<std::string>(w.cities.name.begin(), w.cities.name.end()).size(), w.cities.size());
  // The larger of two Londons keeps the name.
  const int london = city_index(w, "London");
  ASSERT_GE(london, 0);
  EXPECT_EQ(w.states.iso3[static_cast<std::size_t>(w.cities.state[london])], "GBR");
  EXPECT_GE(city_index(w, "London (CAN)"), 0);
  EXPECT_GE(city_index(w, "Hyderabad (PAK)"), 0);
  EXPECT_EQ(count_problems(d, "duplicate agglomeration name 'London'"), 1);
}

}  // namespace
}  // namespace urbis
