// A UN agglomeration's yearly population path (sim/world/un_population.hpp).
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "sim/world/un_population.hpp"

namespace urbis {
namespace {

using namespace un_population;

// 1,000 thousand in 1950 growing by 100 thousand every 5 years: 2,700 in 2035.
Columns linear_columns() {
  Columns p{};
  for (int k = 0; k < kColumns; ++k) p[static_cast<std::size_t>(k)] = 1000.0 + 100.0 * k;
  return p;
}

TEST(UnPopulation, LinearBetweenColumnsGeometricBeforeFadingAfter) {
  const Columns p = linear_columns();
  EXPECT_DOUBLE_EQ(at(p, 1950), 1e6);
  EXPECT_DOUBLE_EQ(at(p, 1952), 1.04e6);  // 2/5 of the way to 1,100
  EXPECT_DOUBLE_EQ(at(p, 2035), 2.7e6);
  EXPECT_NEAR(at(p, 1945), 1e6 * std::pow(1.1, -1.0), 1e-6);  // 1950-55 growth backward
  // After 2035: the yearly growth of 2030-35, r = (2700/2600)^(1/5) - 1,
  // halved every 30 years.
  const double r = std::pow(2700.0 / 2600.0, 0.2) - 1.0;
  EXPECT_NEAR(at(p, 2036), 2.7e6 * (1 + r * std::exp2(-1.0 / 30)), 1e-6);
  EXPECT_NEAR(at(p, 2037), 2.7e6 * (1 + r * std::exp2(-1.0 / 30)) * (1 + r * std::exp2(-2.0 / 30)), 1e-6);
  // It fades: the total growth after 2035 is bounded (sum of r 2^(-t/30)).
  EXPECT_LT(at(p, 2200), 2.7e6 * std::exp(r / (1 - std::exp2(-1.0 / 30))));
}

TEST(UnPopulation, ThePathIsTheSameNumbersAsEachYearAlone) {
  Columns shrinking = linear_columns();
  shrinking[kColumns - 1] = 2500;  // falls 2030-35: a fading decline after
  Columns emptied = linear_columns();
  emptied[kColumns - 1] = 0;  // an end at 0: linear after 2035, floored at 0
  for (const Columns& p : {linear_columns(), shrinking, emptied}) {
    std::vector<double> row(301);
    path(p, 1900, row.size(), row.data());
    for (std::size_t t = 0; t < row.size(); ++t)
      EXPECT_EQ(row[t], at(p, 1900 + static_cast<int>(t))) << 1900 + t;  // bit for bit
  }
  EXPECT_EQ(at(emptied, 2040), 0.0);
}

}  // namespace
}  // namespace urbis
