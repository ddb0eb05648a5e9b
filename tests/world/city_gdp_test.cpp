// The urban scaling rule for city GDP (MODEL.md section 5), by hand.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "sim/world/city_gdp.hpp"

namespace urbis {
namespace {

// One state with two cities of 100,000 and 400,000 people.
struct TwoCities {
  Cities cities;
  States states;
  TwoCities(double national_pop, double national_gdp) {
    states.resize(1, 0);
    states.population[0] = national_pop;
    states.gdp[0] = national_gdp;
    cities.resize(2);
    cities.population << 1e5, 4e5;
    cities.state << 0, 0;
  }
};

TEST(CityGdp, ScalingRuleBelowTheCap) {
  TwoCities w(1e6, 1e10);  // y = 10,000 USD; cities hold half the people
  assign_city_gdp(w.cities, w.states, 1.15);
  // Pbar = 250,000: y_1 = 1e4 * 0.4^0.15, y_2 = 1e4 * 1.6^0.15.
  EXPECT_NEAR(w.cities.gdp_pc[0], 1e4 * std::pow(0.4, 0.15), 1e-6);
  EXPECT_NEAR(w.cities.gdp_pc[1], 1e4 * std::pow(1.6, 0.15), 1e-6);
  EXPECT_NEAR(w.cities.gdp[1], 4e5 * 1e4 * std::pow(1.6, 0.15), 1e-3);
  EXPECT_LT(w.cities.gdp_pc[0], 1e4);  // smaller than average: poorer per head
  EXPECT_GT(w.cities.gdp_pc[1], 1e4);
}

TEST(CityGdp, CapScalesDownToNationalGdp) {
  TwoCities w(5e5, 5e9);  // everyone lives in the two cities: scaling overshoots
  assign_city_gdp(w.cities, w.states, 1.15);
  EXPECT_NEAR(w.cities.gdp.sum(), 5e9, 1e-3);
  // The ratio of the two cities' output per head is kept.
  EXPECT_NEAR(w.cities.gdp_pc[1] / w.cities.gdp_pc[0], std::pow(4.0, 0.15), 1e-12);
  EXPECT_NEAR(w.cities.gdp[0], w.cities.gdp_pc[0] * 1e5, 1e-3);
}

TEST(CityGdp, BetaOneIsFlat) {
  TwoCities w(1e6, 1e10);
  assign_city_gdp(w.cities, w.states, 1.0);
  EXPECT_DOUBLE_EQ(w.cities.gdp_pc[0], 1e4);
  EXPECT_DOUBLE_EQ(w.cities.gdp_pc[1], 1e4);
}

TEST(CityGdp, FlaggedCityTakesNationalGdpPerCapita) {
  TwoCities w(1e6, 1e10);
  const std::vector<std::uint8_t> flat = {1, 0};
  assign_city_gdp(w.cities, w.states, 1.15, flat);
  EXPECT_DOUBLE_EQ(w.cities.gdp_pc[0], 1e4);
  EXPECT_NEAR(w.cities.gdp_pc[1], 1e4 * std::pow(1.6, 0.15), 1e-6);
}

}  // namespace
}  // namespace urbis
