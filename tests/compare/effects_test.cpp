// The statistics of a comparison (analysis/effects.hpp) and its tables
// (sim/compare/effect_tables.hpp) on inputs whose answers are known.
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analysis/effects.hpp"
#include "sim/compare/effect_tables.hpp"
#include "sim/core/csv_reader.hpp"

namespace urbis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(PairedEffect, IdenticalSidesGiveExactlyZero) {
  const std::vector<double> a = {0.1, 0.7, 1e6, -3.25, 0.3};
  const PairedEffect e = paired_effect(a, a);
  EXPECT_EQ(e.n, 5u);
  EXPECT_EQ(e.difference, 0.0);
  EXPECT_EQ(e.ci_low, 0.0);
  EXPECT_EQ(e.ci_high, 0.0);
  EXPECT_EQ(e.same_sign, 5u);  // a zero mean: every seed with no difference
  EXPECT_EQ(e.relative, 0.0);
  EXPECT_DOUBLE_EQ(e.mean_a, e.mean_b);
}

TEST(PairedEffect, AConstantDifferenceIsReportedExactly) {
  // 0.6 - 0.3 is not 0.3 in doubles; whatever it is, every seed has it and
  // the mean is exactly it, with an interval of no width.
  const std::vector<double> a(10, 0.6), b(10, 0.3);
  const PairedEffect e = paired_effect(a, b);
  EXPECT_EQ(e.difference, 0.6 - 0.3);
  EXPECT_EQ(e.ci_low, 0.6 - 0.3);
  EXPECT_EQ(e.ci_high, 0.6 - 0.3);
  EXPECT_EQ(e.same_sign, 10u);
}

TEST(PairedEffect, StudentIntervalOfTheMeanDifference) {
  // Differences 1, 2, 3: mean 2, sd 1, n 3, t(0.975, 2) = 4.302652730.
  const PairedEffect e = paired_effect({11, 12, 13}, {10, 10, 10});
  EXPECT_DOUBLE_EQ(e.difference, 2.0);
  EXPECT_DOUBLE_EQ(e.mean_a, 12.0);
  EXPECT_DOUBLE_EQ(e.mean_b, 10.0);
  EXPECT_DOUBLE_EQ(e.relative, 0.2);
  const double half = 4.302652730 / std::sqrt(3.0);
  EXPECT_NEAR(e.ci_low, 2.0 - half, 1e-9);
  EXPECT_NEAR(e.ci_high, 2.0 + half, 1e-9);
  EXPECT_EQ(e.same_sign, 3u);
}

TEST(PairedEffect, PairingRemovesTheSharedNoise) {
  // Large noise shared by both sides, a small constant effect: an unpaired
  // comparison could not see it; the paired one has an interval of no width.
  const std::vector<double> b = {100, -50, 320, 7, -210, 44};
  std::vector<double> a;
  for (double x : b) a.push_back(x + 0.5);
  const PairedEffect e = paired_effect(a, b);
  EXPECT_NEAR(e.difference, 0.5, 1e-12);
  EXPECT_NEAR(e.ci_high - e.ci_low, 0.0, 1e-9);
}

TEST(PairedEffect, SeedsOfTheSameSignAndMissingPairs) {
  const PairedEffect e = paired_effect({1, 2, 3, kNaN, 5}, {0, 3, 0, 1, kNaN});
  EXPECT_EQ(e.n, 3u);                                       // pairs with a NaN on either side are left out
  EXPECT_EQ(e.same_sign, 2u);                               // differences 1, -1, 3: mean 1 > 0
  EXPECT_TRUE(std::isnan(paired_effect({1}, {0}).ci_low));  // one seed: no interval
  EXPECT_DOUBLE_EQ(paired_effect({2, 2}, {1, 1}).relative, 1.0);
  EXPECT_TRUE(std::isnan(paired_effect({1, 2}, {-1, 1}).relative));  // mean of b is 0
  EXPECT_EQ(paired_effect({}, {}).n, 0u);
}

// A comparison of two runs of three years over two seeds, built by hand.
compare::PairedResult two_by_two() {
  compare::PairedResult r;
  r.start = 2000;
  r.end = 2002;
  using compare::Level;
  using compare::SeriesKey;
  for (int side = 0; side < 2; ++side)
    for (int seed = 0; seed < 2; ++seed) {
      compare::Trajectories t;
      t.metrics[Level::global] = {"z", "a"};  // file order, not alphabetical
      t.metrics[Level::state] = {"populism"};
      t.values[SeriesKey{Level::global, "world", "z"}] = {1, 2, 3};
      // Differs from 2001 on, in seed 1 only.
      t.values[SeriesKey{Level::global, "world", "a"}] = {5, side == 0 && seed == 1 ? 7.0 : 6.0, 7};
      t.values[SeriesKey{Level::state, "S001", "populism"}] = {0.3, 0.3, side == 0 ? 0.9 : 0.3};
      r.runs[static_cast<std::size_t>(side)].push_back(t);
    }
  return r;
}

TEST(EffectTables, RowsInOrderWithTheFirstDifference) {
  compare::Selection sel;
  sel.states = {"S001"};
  const auto t = compare::effect_tables(two_by_two(), {7, 8}, sel);
  EXPECT_EQ(t.diverges, 2001);
  EXPECT_EQ(t.from, 2001);
  EXPECT_EQ(t.to, 2002);
  EXPECT_EQ(t.series, 3u);
  const auto rows = csv_records(t.effects);
  ASSERT_EQ(rows.size(), 1u + 3 * 3);
  EXPECT_EQ(rows[0], compare::effects_columns());
  // z first (file order), then a, then the state.
  EXPECT_EQ(rows[1][0], "z");
  EXPECT_EQ(rows[4][0], "a");
  EXPECT_EQ(rows[7][0], "populism");
  // a in 2001: seeds differ by 1 and 0: mean 0.5, 1 seed of the same sign.
  EXPECT_EQ(rows[5][3], "2001");
  EXPECT_EQ(rows[5][6], "0.5");
  EXPECT_EQ(rows[5][10], "1");
  EXPECT_EQ(rows[5][11], "2");
  // populism: 0 before 2002, exactly 0.9 - 0.3 in 2002 in every seed.
  EXPECT_EQ(rows[7][6], "0");
  EXPECT_EQ(rows[8][6], "0");
  EXPECT_EQ(rows[9][6], "0.6");
  EXPECT_EQ(rows[9][8], "0.6");
  EXPECT_EQ(rows[9][9], "0.6");
  // seeds.csv: the exact per-seed values and differences.
  const auto seeds = csv_records(t.seeds);
  ASSERT_EQ(seeds.size(), 1u + 9 * 2);
  EXPECT_EQ(seeds.back()[4], "8");
  EXPECT_EQ(std::stod(seeds.back()[7]), 0.9 - 0.3);
  // The summary: means over 2001-2002 per seed, paired.
  const auto summary = csv_records(t.summary);
  ASSERT_EQ(summary.size(), 4u);
  EXPECT_EQ(summary[3][3], "2001");
  EXPECT_EQ(summary[3][4], "2002");
  EXPECT_EQ(summary[3][7], "0.3");  // (0 + 0.6) / 2 in both seeds
}

TEST(EffectTables, IdenticalSidesNeverDiverge) {
  auto r = two_by_two();
  r.runs[0] = r.runs[1];
  const auto t = compare::effect_tables(r, {7, 8}, {});
  EXPECT_EQ(t.diverges, 0);
  EXPECT_EQ(t.from, 2000);  // the summary covers every year
  for (const auto& row : csv_records(t.effects)) {
    if (row[0] == "metric") continue;
    EXPECT_EQ(row[6], "0") << row[0] << " " << row[3];
  }
}

}  // namespace
}  // namespace urbis
