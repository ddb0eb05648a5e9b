// Counter-based streams (sim/core/random): a draw is a pure function of
// (seed, step, phase, agent, draw), and the distributions have the moments
// they should.
#include <cmath>
#include <cstdint>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/random.hpp"

namespace urbis {
namespace {

constexpr int kDraws = 100000;

struct Moments {
  double mean = 0, var = 0;
};

template <class F>
Moments moments(int n, F&& draw) {
  // Two passes: exact enough for 1e5 draws.
  std::vector<double> v(static_cast<std::size_t>(n));
  double s = 0;
  for (int i = 0; i < n; ++i) s += v[static_cast<std::size_t>(i)] = draw(static_cast<std::uint32_t>(i));
  Moments m;
  m.mean = s / n;
  for (double x : v) m.var += (x - m.mean) * (x - m.mean);
  m.var /= (n - 1);
  return m;
}

TEST(Streams, SameKeyGivesSameDraw) {
  const Streams a(12345), b(12345);
  for (std::uint32_t k = 0; k < 100; ++k) {
    EXPECT_EQ(a.uniform(k, Phase::economy, 7 * k, 3), b.uniform(k, Phase::economy, 7 * k, 3));
    EXPECT_EQ(a.normal(k, Phase::learning, k, 0), a.normal(k, Phase::learning, k, 0));
    const auto x = a.block(3, Phase::founding, k, 1), y = b.block(3, Phase::founding, k, 1);
    for (int w = 0; w < 4; ++w) EXPECT_EQ(x[w], y[w]);
  }
}

TEST(Streams, EveryKeyPartChangesTheDraw) {
  const Streams rng(42);
  const double base = rng.uniform(5, Phase::economy, 17, 2);
  EXPECT_NE(base, rng.uniform(6, Phase::economy, 17, 2));                            // step
  EXPECT_NE(base, rng.uniform(5, Phase::learning, 17, 2));                           // phase
  EXPECT_NE(base, rng.uniform(5, Phase::economy, 18, 2));                            // agent
  EXPECT_NE(base, rng.uniform(5, Phase::economy, 17, 3));                            // draw index
  EXPECT_NE(base, Streams(43).uniform(5, Phase::economy, 17, 2));                    // seed (low word)
  EXPECT_NE(base, Streams(42ULL | (1ULL << 32)).uniform(5, Phase::economy, 17, 2));  // seed (high word)
}

TEST(Streams, NeighbouringCountersDoNotCollide) {
  // 4 x 500 neighbouring counters give 2,000 distinct uniforms.
  const Streams rng(7);
  std::set<double> seen;
  for (std::uint32_t a = 0; a < 500; ++a)
    for (std::uint32_t d = 0; d < 4; ++d) seen.insert(rng.uniform(1, Phase::portfolio_noise, a, d));
  EXPECT_EQ(seen.size(), 2000u);
}

TEST(Streams, UnitMapsStayStrictlyInsideZeroOne) {
  EXPECT_GT(Streams::to_unit(0, 0), 0.0);
  EXPECT_LT(Streams::to_unit(0xFFFFFFFFu, 0xFFFFFFFFu), 1.0);
  EXPECT_GT(Streams::to_unit32(0), 0.0);
  EXPECT_LT(Streams::to_unit32(0xFFFFFFFFu), 1.0);
  // 53 bits: the smallest value is half an ulp of 2^-53 steps.
  EXPECT_DOUBLE_EQ(Streams::to_unit(0, 0), 0.5 * 0x1.0p-53);
  EXPECT_DOUBLE_EQ(Streams::to_unit32(0), 0.5 * 0x1.0p-32);
}

TEST(Streams, UniformHasMeanHalfAndVarianceOneTwelfth) {
  const Streams rng(2024);
  const Moments m = moments(kDraws, [&](std::uint32_t i) { return rng.uniform(0, Phase::economy, i, 0); });
  // sd of the mean is 9e-4, of the variance 2.4e-4: tolerances are about 5 sd.
  EXPECT_NEAR(m.mean, 0.5, 5e-3);
  EXPECT_NEAR(m.var, 1.0 / 12.0, 1.5e-3);
  // Ten equal bins hold about a tenth each (sd 9.5e-4 per bin).
  std::vector<int> bins(10, 0);
  for (int i = 0; i < kDraws; ++i) {
    const double u = rng.uniform(0, Phase::economy, static_cast<std::uint32_t>(i), 0);
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    ++bins[static_cast<std::size_t>(u * 10)];
  }
  for (int b : bins) EXPECT_NEAR(b / static_cast<double>(kDraws), 0.1, 5e-3);
}

TEST(Streams, NormalIsStandard) {
  const Streams rng(99);
  const Moments m = moments(kDraws, [&](std::uint32_t i) { return rng.normal(3, Phase::economy, i, 1); });
  EXPECT_NEAR(m.mean, 0.0, 0.016);            // sd of the mean 3.2e-3
  EXPECT_NEAR(std::sqrt(m.var), 1.0, 0.012);  // sd of the sd 2.2e-3
}

TEST(Gamma, MeanEqualsShape) {
  const Streams rng(5);
  for (double shape : {0.5, 2.0, 7.5}) {
    const Moments m =
        moments(kDraws / 2, [&](std::uint32_t i) { return gamma_draw(rng, 0, Phase::init_x, i, shape, 0); });
    EXPECT_NEAR(m.mean, shape, 0.03 * std::sqrt(shape)) << "shape " << shape;
    EXPECT_NEAR(m.var, shape, 0.08 * shape) << "shape " << shape;
  }
}

TEST(Beta, TwoTwoHasMeanHalfAndVarianceOneTwentieth) {
  const Streams rng(314);
  const Moments m = moments(kDraws, [&](std::uint32_t i) { return beta_draw(rng, 0, Phase::init_x, i, 2, 2); });
  EXPECT_NEAR(m.mean, 0.5, 4e-3);    // sd of the mean 7e-4
  EXPECT_NEAR(m.var, 0.05, 1.2e-3);  // sd of the variance 1.7e-4
}

TEST(Beta, SkewedShapesHaveTheirMeans) {
  const Streams rng(315);
  // Beta(2, 6): mean 0.25, variance 12 / (64 x 9) = 0.0208.
  const Moments m = moments(kDraws / 2, [&](std::uint32_t i) { return beta_draw(rng, 0, Phase::init_x, i, 2, 6); });
  EXPECT_NEAR(m.mean, 0.25, 4e-3);
  EXPECT_NEAR(m.var, 12.0 / 576.0, 1.2e-3);
  // Beta(0.5, 0.5) (arcsine): mean 0.5, variance 0.125; every draw in (0, 1).
  const Moments a = moments(kDraws / 2, [&](std::uint32_t i) {
    const double x = beta_draw(rng, 1, Phase::init_x, i, 0.5, 0.5);
    EXPECT_GE(x, 0.0);
    EXPECT_LE(x, 1.0);
    return x;
  });
  EXPECT_NEAR(a.mean, 0.5, 8e-3);
  EXPECT_NEAR(a.var, 0.125, 3e-3);
}

TEST(Poisson, MeanAndVarianceEqualTheRate) {
  const Streams rng(8);
  for (double mean : {0.3, 3.0, 20.0, 120.0}) {
    const Moments m = moments(kDraws / 2, [&](std::uint32_t i) {
      return static_cast<double>(poisson_draw(rng, 0, Phase::founding, i, mean));
    });
    const double sd_mean = std::sqrt(mean / (kDraws / 2));
    EXPECT_NEAR(m.mean, mean, 6 * sd_mean) << "mean " << mean;
    EXPECT_NEAR(m.var, mean, 0.05 * mean + 0.01) << "mean " << mean;
  }
}

TEST(Poisson, NonPositiveRateGivesZero) {
  const Streams rng(8);
  for (std::uint32_t i = 0; i < 100; ++i) {
    EXPECT_EQ(poisson_draw(rng, 0, Phase::founding, i, 0.0), 0);
    EXPECT_EQ(poisson_draw(rng, 0, Phase::founding, i, -1.0), 0);
  }
}

TEST(Poisson, ZeroFrequencyMatchesExpMinusMean) {
  // P(0) = e^-2 = 0.1353 (sd of the estimate 1.5e-3).
  const Streams rng(9);
  int zeros = 0;
  for (int i = 0; i < kDraws / 2; ++i)
    zeros += poisson_draw(rng, 4, Phase::founding, static_cast<std::uint32_t>(i), 2.0) == 0;
  EXPECT_NEAR(zeros / (kDraws / 2.0), std::exp(-2.0), 8e-3);
}

}  // namespace
}  // namespace urbis
