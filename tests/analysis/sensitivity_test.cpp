// The estimators against functions whose indices are known: Ishigami
// (Sobol first-order and total, Saltelli/Jansen), a linear function (Morris).
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include <gtest/gtest.h>

#include "analysis/sensitivity.hpp"
#include "analysis/summary.hpp"
#include "sim/sweep/design.hpp"

namespace urbis {
namespace {

double ishigami(double x1, double x2, double x3, double a = 7, double b = 0.1) {
  return std::sin(x1) + a * std::sin(x2) * std::sin(x2) + b * std::pow(x3, 4) * std::sin(x1);
}

// Analytic indices of Ishigami with a = 7, b = 0.1 on [-pi, pi]^3.
struct Known {
  double s1[3], st[3];
};
Known ishigami_indices() {
  const double a = 7, b = 0.1, pi = std::numbers::pi;
  const double v1 = 0.5 * std::pow(1 + b * std::pow(pi, 4) / 5, 2);
  const double v2 = a * a / 8;
  const double v13 = std::pow(b, 2) * std::pow(pi, 8) * (1.0 / 18 - 1.0 / 50);
  const double v = v1 + v2 + v13;
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

TEST(Sobol, IshigamiIndicesWithinTolerance) {
  const int k = 3, n = 8192;
  const auto m = sweep::saltelli_design(k, n, 2024);
  auto f = [&](std::size_t row) {
    auto x = [&](int i) { return -std::numbers::pi + 2 * std::numbers::pi * m[row][i]; };
    return ishigami(x(0), x(1), x(2));
  };
  std::vector<double> yA, yB;
  std::vector<std::vector<double>> yAB(k);
  for (int j = 0; j < n; ++j) {
    yA.push_back(f(j * (k + 2)));
    yB.push_back(f(j * (k + 2) + 1));
    for (int i = 0; i < k; ++i) yAB[i].push_back(f(j * (k + 2) + 2 + i));
  }
  const auto idx = sobol_indices(yA, yB, yAB, 500, 1);
  const Known want = ishigami_indices();
  EXPECT_NEAR(want.s1[0], 0.3139, 1e-3);
  EXPECT_NEAR(want.st[2], 0.2437, 1e-3);
  for (int i = 0; i < k; ++i) {
    EXPECT_NEAR(idx[i].first.value, want.s1[i], 0.04) << "S1 of x" << i + 1;
    EXPECT_NEAR(idx[i].total.value, want.st[i], 0.04) << "ST of x" << i + 1;
    // The bootstrap interval brackets the estimate and, up to its own error, the truth.
    EXPECT_LE(idx[i].first.low, idx[i].first.value);
    EXPECT_GE(idx[i].first.high, idx[i].first.value);
    EXPECT_LT(idx[i].first.high - idx[i].first.low, 0.15);
    EXPECT_LE(idx[i].first.low - 0.02, want.s1[i]);
    EXPECT_GE(idx[i].first.high + 0.02, want.s1[i]);
    EXPECT_LE(idx[i].total.low - 0.02, want.st[i]);
    EXPECT_GE(idx[i].total.high + 0.02, want.st[i]);
  }
}

TEST(Sobol, CsvFromARunsTableMatchesTheDirectEstimate) {
  // A two-parameter additive function y = 2 u1 + u2 with 2 replicates per point.
  const int k = 2, n = 2000;
  const auto m = sweep::saltelli_design(k, n, 9);
  CsvTable t;
  t.header = {"run_id", "point", "replicate", "seed", "p1", "p2", "status", "wall_seconds", "y", "error", "command"};
  for (std::size_t p = 0; p < m.size(); ++p)
    for (int r = 0; r < 2; ++r) {
      const double y = 2 * m[p][0] + m[p][1];
      t.rows.push_back({std::to_string(p * 2 + r), std::to_string(p), std::to_string(r), "0", std::to_string(m[p][0]),
                        std::to_string(m[p][1]), "ok", "0", fmt::format("{}", y), "", ""});
    }
  const std::string csv = sobol_csv(t, {{"p1", 0, 1, false}, {"p2", 0, 1, false}}, {"y"}, n, 100, 1);
  const auto rows = csv_records(csv);
  ASSERT_EQ(rows.size(), 3u);
  // Additive: S1 = ST = 4/5 and 1/5.
  EXPECT_NEAR(std::stod(rows[1][2]), 0.8, 0.05);
  EXPECT_NEAR(std::stod(rows[1][5]), 0.8, 0.05);
  EXPECT_NEAR(std::stod(rows[2][2]), 0.2, 0.05);
  EXPECT_NEAR(std::stod(rows[2][5]), 0.2, 0.05);
}

TEST(Morris, LinearFunctionHasExactEffectsAndAnIgnoredInputHasNone) {
  const int k = 3, r = 30;
  const auto m = sweep::morris_design(k, r, 4, 5);
  std::vector<std::vector<double>> effects(k);
  for (int t = 0; t < r; ++t) {
    std::vector<std::vector<double>> u(m.begin() + t * (k + 1), m.begin() + (t + 1) * (k + 1));
    std::vector<double> y;
    for (const auto& x : u) y.push_back(3 * x[0] - 2 * x[1] + 0 * x[2]);
    add_morris_effects(u, y, effects);
  }
  const auto idx = morris_indices(effects, 200, 1);
  EXPECT_NEAR(idx[0].mu_star, 3, 1e-9);
  EXPECT_NEAR(idx[0].mu, 3, 1e-9);
  EXPECT_NEAR(idx[0].sigma, 0, 1e-9);
  EXPECT_NEAR(idx[1].mu_star, 2, 1e-9);
  EXPECT_NEAR(idx[1].mu, -2, 1e-9);
  EXPECT_EQ(idx[2].mu_star, 0);
  EXPECT_EQ(idx[2].effects, static_cast<std::size_t>(r));
}

TEST(Morris, InteractionShowsInSigma) {
  const int k = 2, r = 40;
  const auto m = sweep::morris_design(k, r, 4, 6);
  std::vector<std::vector<double>> effects(k);
  for (int t = 0; t < r; ++t) {
    std::vector<std::vector<double>> u(m.begin() + t * (k + 1), m.begin() + (t + 1) * (k + 1));
    std::vector<double> y;
    for (const auto& x : u) y.push_back(x[0] * x[1]);
    add_morris_effects(u, y, effects);
  }
  const auto idx = morris_indices(effects, 200, 1);
  EXPECT_GT(idx[0].sigma, 0.1);
  EXPECT_GT(idx[1].sigma, 0.1);
}

TEST(Summary, MeanSdIntervalAndQuantiles) {
  const Summary s = summarize({1, 2, 3, 4, 5, std::nan("")});
  EXPECT_EQ(s.n, 5u);
  EXPECT_DOUBLE_EQ(s.mean, 3);
  EXPECT_NEAR(s.sd, std::sqrt(2.5), 1e-12);
  EXPECT_NEAR(s.ci_high - s.mean, 2.776445105 * std::sqrt(2.5) / std::sqrt(5.0), 1e-9);
  EXPECT_DOUBLE_EQ(s.median, 3);
  EXPECT_DOUBLE_EQ(s.q25, 2);
  EXPECT_DOUBLE_EQ(s.q05, 1.2);
  EXPECT_DOUBLE_EQ(s.min, 1);
  EXPECT_DOUBLE_EQ(s.max, 5);
  EXPECT_NEAR(t975(1000), 1.962339, 1e-5);
  EXPECT_NEAR(t975(31), 2.039513, 1e-5);
}

TEST(Summary, TidyCsvPerPointAndMetric) {
  CsvTable t;
  t.header = {"run_id", "point", "replicate", "seed", "a", "status", "wall_seconds", "y", "z", "error", "command"};
  t.rows = {{"0", "0", "0", "1", "0.5", "ok", "1", "1", "", "", ""},
            {"1", "0", "1", "2", "0.5", "ok", "1", "3", "7", "", ""},
            {"2", "1", "0", "3", "0.7", "failed", "1", "", "", "boom", ""},
            {"3", "1", "1", "4", "0.7", "ok", "1", "10", "1", "", ""}};
  const auto rows = csv_records(summary_csv(t, {"a"}, {"y", "z"}));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0][0], "point");
  EXPECT_EQ(rows[1][2], "y");
  EXPECT_EQ(rows[1][3], "2");  // n
  EXPECT_EQ(rows[1][5], "2");  // mean
  EXPECT_EQ(rows[2][3], "1");  // z: one value, the empty one left out
  EXPECT_EQ(rows[3][4], "1");  // failed
}

}  // namespace
}  // namespace urbis
