// The best-first order of a review's candidates (agents/city/best_first.hpp)
// against a full sort by the same order.
#include "agents/city/best_first.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace urbis {
namespace {

std::vector<int> visited(BestFirst& order, const std::vector<Candidate>& c, std::size_t stop_after) {
  std::vector<int> seen;
  order.assign(c);
  order.visit([&](const Candidate& x) {
    seen.push_back(x.k);
    return seen.size() < stop_after;
  });
  return seen;
}

std::vector<int> sorted(std::vector<Candidate> c, std::size_t stop_after) {
  std::sort(c.begin(), c.end(), goes_before);
  std::vector<int> seen;
  for (std::size_t i = 0; i < c.size() && i < stop_after; ++i) seen.push_back(c[i].k);
  return seen;
}

TEST(BestFirst, VisitsInTheOrderOfAFullSort) {
  // Spread and clustered scores, many ties (scores rounded to a coarse grid),
  // one far outlier (nearly every candidate in one bucket), 0 to 600
  // candidates, stopped early or not; one BestFirst reused throughout, as a
  // review reuses it from city to city.
  std::mt19937 gen(7);
  BestFirst order;
  int compared = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const std::size_t n = gen() % 600;
    const int kind = trial % 4;
    std::normal_distribution<double> normal(0.0, kind == 1 ? 1e-6 : 0.4);
    std::vector<Candidate> c;
    std::vector<int> networks(n + 50);
    for (std::size_t k = 0; k < networks.size(); ++k) networks[k] = static_cast<int>(k);
    std::shuffle(networks.begin(), networks.end(), gen);
    for (std::size_t j = 0; j < n; ++j) {
      double s = normal(gen);
      if (kind == 2) s = std::round(s * 10) / 10;  // ties
      c.push_back({s, networks[j], j % 3 == 0});
    }
    if (kind == 3 && n > 0) c[gen() % n].score = 1e9;  // an outlier
    const std::size_t stop = trial % 2 ? n : gen() % (n + 1) + 1;
    ASSERT_EQ(visited(order, c, stop), sorted(c, stop)) << "trial " << trial << ", " << n << " candidates";
    ++compared;
  }
  EXPECT_EQ(compared, 3000);
}

TEST(BestFirst, EqualScoresGoByNetworkIndex) {
  BestFirst order;
  const std::vector<Candidate> c = {{0.5, 9, false}, {0.7, 4, true}, {0.5, 2, false}, {0.5, 5, true}, {-1.0, 1, false}};
  EXPECT_EQ(visited(order, c, 10), (std::vector<int>{4, 2, 5, 9, 1}));
  EXPECT_EQ(visited(order, c, 2), (std::vector<int>{4, 2}));
  EXPECT_TRUE(visited(order, {}, 10).empty());
  const std::vector<Candidate> one = {{-std::numeric_limits<double>::infinity(), 3, false}, {2.0, 8, false}};
  EXPECT_EQ(visited(order, one, 10), (std::vector<int>{8, 3}));
}

}  // namespace
}  // namespace urbis
