// The states' economies (sim/world/state_economies): national paths from the
// World Bank's series, extended before and after them.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "world_test_support.hpp"

namespace urbis {
namespace {

TEST(RealWorldStateEconomies, NationalPathsAreTheWorldBanksSeries) {
  const World& w = world_at(1985).world;
  const Anchors& a = *w.anchors;
  const auto us = static_cast<std::size_t>(state_index(w, "USA"));
  // World Bank: US population 320.7 million and GDP 18.2 trillion USD in 2015.
  EXPECT_NEAR(a.national_population_at(us, 2015), 320.7e6, 1.5e6);
  EXPECT_NEAR(a.national_gdp_at(us, 2015), 18.2e12, 0.4e12);
  // The start year's values, for readers of the loaded world.
  EXPECT_EQ(w.states.gdp[static_cast<Eigen::Index>(us)], a.national_gdp_at(us, 1985));
  // After the last year: GDP per capita grows at the mean of its own and the
  // world's rates over the last ten years, within [0, 5%]; population fades.
  const double g23 = a.national_gdp_at(us, 2023) / a.national_population_at(us, 2023);
  const double g35 = a.national_gdp_at(us, 2035) / a.national_population_at(us, 2035);
  EXPECT_GE(g35, g23);
  EXPECT_LE(g35, g23 * std::pow(1.05, 12) * (1 + 1e-12));
  // Every state has positive paths every year; the world's GDP is above the
  // sum of its states' (which leave out states without a UN agglomeration).
  for (int year : {1950, 1985, 2018, 2035, 2100}) {
    double states = 0;
    for (std::size_t j = 0; j < w.states.size(); ++j) {
      EXPECT_GT(a.national_population_at(j, year), 0) << w.states.iso3[j] << " " << year;
      EXPECT_GT(a.national_gdp_at(j, year), 0) << w.states.iso3[j] << " " << year;
      states += a.national_gdp_at(j, year);
    }
    if (year >= 1960 && year <= 2023) {
      EXPECT_LT(states, a.world_gdp_at(year) * 1.02) << year;
    }
  }
}

TEST(RealWorldStateEconomies, ASeriesThatStartsLateFollowsTheWorldBackward) {
  // Taiwan has no World Bank series: Natural Earth's 2019 estimate, carried
  // back along the world's GDP per capita. In 1985 it is then nowhere near
  // the third economy of the world (its 2019 GDP used in 1985 made it so),
  // and China, the United States and Japan are far larger.
  const World& w = world_at(1985).world;
  const Anchors& a = *w.anchors;
  const auto tw = static_cast<std::size_t>(state_index(w, "TWN"));
  EXPECT_LT(a.national_gdp_at(tw, 1985), a.national_gdp_at(tw, 2019) / 3);
  std::vector<std::pair<double, std::string>> gdp;
  for (std::size_t j = 0; j < w.states.size(); ++j) gdp.emplace_back(-a.national_gdp_at(j, 1985), w.states.iso3[j]);
  std::sort(gdp.begin(), gdp.end());
  std::vector<std::string> top;
  for (int k = 0; k < 10; ++k) top.push_back(gdp[static_cast<std::size_t>(k)].second);
  EXPECT_EQ(top[0], "USA");
  EXPECT_EQ(top[1], "JPN");
  EXPECT_NE(std::find(top.begin(), top.end(), "CHN"), top.end());
  EXPECT_EQ(std::find(top.begin(), top.begin() + 5, "TWN"), top.begin() + 5);
  EXPECT_GE(count_problems(world_at(1985), "no World Bank series for TWN"), 1);
  // Russia's World Bank series starts in 1988-1989: earlier years follow the world's.
  EXPECT_GE(count_problems(world_at(1985), "starts after 1985", "RUS"), 1);
}

}  // namespace
}  // namespace urbis
