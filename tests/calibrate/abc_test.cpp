// ABC on toy problems whose posterior is known: the rejection rule (the
// closest share, or every point within epsilon), the priors (uniform and
// log-uniform), the sequential rounds and their importance weights, the
// weighted summaries, and determinism.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "analysis/summary.hpp"
#include "sim/calibrate/abc.hpp"
#include "sim/calibrate/posterior.hpp"

namespace urbis::test {
namespace {

using namespace calib;

CalibParam param(const char* path, double min, double max, bool log = false) {
  CalibParam p;
  p.path = path;
  p.min = min;
  p.max = max;
  p.start = min;
  p.log = log;
  return p;
}

// A measured quantity set exactly by the first parameter, against a target
// value `centre` with scale `scale`: the distance is ((a - centre) / scale)^2;
// the other parameters do nothing.
BatchEvaluator toy(double centre, double scale) {
  return [=](const std::vector<std::vector<double>>& points) {
    std::vector<Evaluation> out;
    for (const auto& v : points) {
      Evaluation e;
      e.values = v;
      const double z = (v[0] - centre) / scale;
      e.objective = z * z;
      e.fits.push_back({v[0], 0, std::abs(z) <= 1});
      e.series.push_back({v[0], 2 * v[0]});  // a two-year series: a, then 2a
      out.push_back(e);
    }
    return out;
  };
}

std::vector<const AbcPoint*> posterior(const AbcResult& r) {
  std::vector<const AbcPoint*> out;
  for (auto i : r.posterior) out.push_back(&r.points[i]);
  return out;
}

TEST(Abc, RejectionKeepsTheClosestShare) {
  AbcSettings s;
  s.points = 200;
  s.accept = 0.1;
  const AbcResult r = run_abc({param("a", 0, 1), param("b", 0, 1)}, s, toy(0.3, 0.05));
  ASSERT_EQ(r.points.size(), 200u);
  ASSERT_EQ(r.posterior.size(), 20u);
  // Every accepted point is at least as close as every rejected one.
  double worst_in = 0, best_out = 1e300;
  for (const auto& p : r.points) {
    if (p.accepted) worst_in = std::max(worst_in, p.eval.objective);
    else best_out = std::min(best_out, p.eval.objective);
  }
  EXPECT_LE(worst_in, best_out);
  EXPECT_EQ(r.tolerance.at(0), worst_in);
  // The Latin hypercube puts one point in each 1/200 of a, so the 20 closest
  // to 0.3 are those within 0.05 of it, and the posterior of a is uniform there.
  std::vector<double> a, b, w;
  for (const auto* p : posterior(r)) {
    EXPECT_NEAR(p->eval.values[0], 0.3, 0.05);
    EXPECT_DOUBLE_EQ(p->weight, 1.0 / 20);
    a.push_back(p->eval.values[0]), b.push_back(p->eval.values[1]), w.push_back(p->weight);
  }
  const auto sa = summarize_weighted(a, w);
  EXPECT_NEAR(sa.mean, 0.3, 0.005);
  EXPECT_NEAR(sa.sd, 0.1 / std::sqrt(12.0), 0.005);
  EXPECT_NEAR(sa.ess, 20, 1e-9);
  // b does not matter: its posterior keeps the prior's spread.
  EXPECT_GT(summarize_weighted(b, w).sd, 0.2);
}

TEST(Abc, EpsilonKeepsEveryPointWithinIt) {
  AbcSettings s;
  s.points = 100;
  s.epsilon = 4.0;  // |a - 0.3| <= 2 scales = 0.1
  const AbcResult r = run_abc({param("a", 0, 1)}, s, toy(0.3, 0.05));
  std::size_t within = 0;
  for (const auto& p : r.points) {
    EXPECT_EQ(p.accepted, p.eval.objective <= 4.0);
    within += p.eval.objective <= 4.0;
  }
  EXPECT_EQ(r.posterior.size(), within);
  EXPECT_NEAR(static_cast<double>(within), 20, 1);  // 0.2 of the unit range, one point per 1/100
  s.epsilon = 1e-9;                                 // closer than any point: nothing accepted
  EXPECT_TRUE(run_abc({param("a", 0, 1)}, s, toy(0.3, 0.05)).posterior.empty());
}

TEST(Abc, LogUniformPrior) {
  // A parameter on [1, 100] with a log-uniform prior: half the design lies
  // below 10; a target of 10 +- 1 on the quantity it sets is recovered.
  AbcSettings s;
  s.points = 100;
  s.accept = 0.1;
  const AbcResult r = run_abc({param("p", 1, 100, true)}, s, toy(10, 1));
  const auto below =
      std::count_if(r.points.begin(), r.points.end(), [](const AbcPoint& p) { return p.eval.values[0] < 10; });
  EXPECT_EQ(below, 50);
  std::vector<double> v, w;
  for (const auto* p : posterior(r)) v.push_back(p->eval.values[0]), w.push_back(p->weight);
  const auto sv = summarize_weighted(v, w);
  EXPECT_NEAR(sv.q50, 10, 0.5);
  EXPECT_GT(sv.q05, 7.5);
  EXPECT_LT(sv.q95, 12.5);
}

TEST(Abc, SequentialRoundsNarrowTheTolerance) {
  AbcSettings s;
  s.points = 1000;
  s.accept = 0.1;
  s.rounds = 2;
  const AbcResult r = run_abc({param("a", 0, 1), param("b", 0, 1)}, s, toy(0.3, 0.05));
  ASSERT_EQ(r.points.size(), 3000u);
  ASSERT_EQ(r.tolerance.size(), 3u);
  EXPECT_LT(r.tolerance[2], 0.5 * r.tolerance[0]);
  for (const auto* p : posterior(r)) EXPECT_EQ(p->round, 2);
  for (const auto& p : r.points)
    for (double u : p.unit) EXPECT_TRUE(u >= 0 && u <= 1);  // proposals stay in the prior box
  // The exact posterior at the final tolerance is the prior (uniform) on
  // |a - 0.3| <= 0.05 sqrt(tolerance): its sd is the width / sqrt(12). The
  // proposals crowd the middle; the weights must undo that.
  std::vector<double> a, b, w;
  double total = 0;
  for (const auto* p : posterior(r)) {
    a.push_back(p->eval.values[0]), b.push_back(p->eval.values[1]), w.push_back(p->weight);
    total += p->weight;
  }
  EXPECT_NEAR(total, 1, 1e-12);
  const double width = 2 * 0.05 * std::sqrt(r.tolerance[2]);
  const auto sa = summarize_weighted(a, w);
  EXPECT_NEAR(sa.mean, 0.3, 0.1 * width);
  EXPECT_NEAR(sa.sd, width / std::sqrt(12.0), 0.2 * width / std::sqrt(12.0));
  const auto sb = summarize_weighted(b, w);  // b is free: its posterior is its prior
  EXPECT_NEAR(sb.mean, 0.5, 0.06);
  EXPECT_NEAR(sb.sd, 1 / std::sqrt(12.0), 0.04);
}

TEST(Abc, ImportanceWeightsUndoTheProposal) {
  // With a fixed epsilon the exact posterior is the prior on |a - 0.3| <= 0.1:
  // uniform, half its mass farther than 0.05 from 0.3. Round 1 proposes from
  // round 0's sample through a Gaussian kernel, so its accepted points crowd
  // the middle (about 44% in the outer half); the weights restore 50%.
  AbcSettings s;
  s.points = 4000;
  s.epsilon = 4.0;
  s.rounds = 1;
  const AbcResult r = run_abc({param("a", 0, 1)}, s, toy(0.3, 0.05));
  double outer = 0, outer_unweighted = 0;
  for (const auto* p : posterior(r)) {
    ASSERT_EQ(p->round, 1);
    const bool far = std::abs(p->eval.values[0] - 0.3) > 0.05;
    outer += far ? p->weight : 0.0;
    outer_unweighted += far ? 1.0 / static_cast<double>(r.posterior.size()) : 0.0;
  }
  EXPECT_GT(r.posterior.size(), 2000u);
  EXPECT_NEAR(outer, 0.5, 0.025);
  EXPECT_NEAR(outer_unweighted, 0.444, 0.025);  // what the weights correct
}

TEST(Abc, SameSettingsSamePoints) {
  AbcSettings s;
  s.points = 50;
  s.rounds = 1;
  s.seed = 7;
  const auto x = run_abc({param("a", 0, 1), param("b", 1, 10, true)}, s, toy(0.3, 0.05));
  const auto y = run_abc({param("a", 0, 1), param("b", 1, 10, true)}, s, toy(0.3, 0.05));
  ASSERT_EQ(x.points.size(), y.points.size());
  for (std::size_t i = 0; i < x.points.size(); ++i) {
    EXPECT_EQ(x.points[i].unit, y.points[i].unit);
    EXPECT_EQ(x.points[i].weight, y.points[i].weight);
  }
  EXPECT_EQ(x.posterior, y.posterior);
  s.seed = 8;  // another seed, another design
  EXPECT_NE(run_abc({param("a", 0, 1), param("b", 1, 10, true)}, s, toy(0.3, 0.05)).points[0].unit, x.points[0].unit);
}

TEST(Abc, WholeParametersAreRounded) {
  CalibParam g = param("g", 1, 15);
  g.whole = true;
  AbcSettings s;
  s.points = 40;
  for (const auto& p : run_abc({g}, s, toy(7, 1)).points) EXPECT_EQ(p.eval.values[0], std::round(p.eval.values[0]));
}

TEST(Abc, PredictiveBandsAreWeightedQuantilesPerYear) {
  AbcSettings s;
  s.points = 200;
  const AbcResult r = run_abc({param("a", 0, 1)}, s, toy(0.3, 0.05));
  const auto bands = predictive_band(r, 0, 2018);
  ASSERT_EQ(bands.size(), 2u);
  EXPECT_EQ(bands[0].year, 2018);
  EXPECT_EQ(bands[1].year, 2019);
  std::vector<double> a;
  for (const auto* p : posterior(r)) a.push_back(p->eval.values[0]);
  std::sort(a.begin(), a.end());
  EXPECT_DOUBLE_EQ(bands[0].q05, quantile_sorted(a, 0.05));
  EXPECT_DOUBLE_EQ(bands[0].q50, quantile_sorted(a, 0.50));
  EXPECT_DOUBLE_EQ(bands[1].q95, 2 * quantile_sorted(a, 0.95));
}

TEST(WeightedQuantile, EqualWeightsAreTypeSeven) {
  const std::vector<double> v = {5, 1, 4, 2, 3, 10};
  std::vector<double> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  for (double p : {0.0, 0.05, 0.25, 0.5, 0.9, 1.0})
    EXPECT_DOUBLE_EQ(weighted_quantile(v, std::vector<double>(6, 0.3), p), quantile_sorted(sorted, p)) << p;
}

TEST(WeightedQuantile, UnequalWeights) {
  // Points at their cumulative weight before them over (4 - 2): 1 at 0, 2 at 0.5, 3 at 1.
  EXPECT_DOUBLE_EQ(weighted_quantile({3, 1, 2}, {2, 1, 1}, 0.5), 2);
  EXPECT_DOUBLE_EQ(weighted_quantile({3, 1, 2}, {2, 1, 1}, 0.75), 2.5);
  EXPECT_DOUBLE_EQ(weighted_quantile({3, 1, 2}, {2, 1, 1}, 0.25), 1.5);
  const auto s = summarize_weighted({1, 2, 3, 4}, {1, 1, 1, 1});
  EXPECT_DOUBLE_EQ(s.mean, 2.5);
  EXPECT_DOUBLE_EQ(s.sd, std::sqrt(5.0 / 3.0));  // the sample sd
}

}  // namespace
}  // namespace urbis::test
