// Designs: sizes, coverage of the unit cube, and the values a sweep file asks for.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "sim/core/input_error.hpp"
#include "sim/sweep/design.hpp"

namespace urbis::sweep {
namespace {

namespace fs = std::filesystem;

std::string write_sweep(const std::string& name, const std::string& text) {
  const fs::path dir = fs::temp_directory_path() / "urbis_design_test";
  fs::create_directories(dir);
  const fs::path p = dir / name;
  std::ofstream(p) << text;
  return p.string();
}

const char* kHead = R"(name: t
description: test
scenario: baseline
metrics:
  - {name: coop, column: cooperation_index}
)";

TEST(Design, GridIsTheFullProductLastFastest) {
  const Matrix m = grid_design({{1, 2, 3}, {10, 20}});
  ASSERT_EQ(m.size(), 6u);
  EXPECT_EQ(m[0], (std::vector<double>{1, 10}));
  EXPECT_EQ(m[1], (std::vector<double>{1, 20}));
  EXPECT_EQ(m[5], (std::vector<double>{3, 20}));
  std::set<std::vector<double>> distinct(m.begin(), m.end());
  EXPECT_EQ(distinct.size(), 6u);
}

TEST(Design, GridFromSweepFileListsAndRanges) {
  const auto f = write_sweep("grid.yaml", std::string(kHead) + R"(design: {type: grid}
replicates: 2
parameters:
  economy.club_benefit: {values: [0.001, 0.002, 0.004]}
  coalitions.review_probability: {from: 0.1, to: 0.5, step: 0.1}
  coalitions.b_gap: {from: 0.5, to: 4, count: 4, scale: log}
)");
  const SweepSpec s = load_sweep(f);
  const Matrix m = design_points(s);
  EXPECT_EQ(m.size(), 3u * 5u * 4u);
  EXPECT_EQ(s.params[1].values.size(), 5u);
  EXPECT_DOUBLE_EQ(s.params[1].values.back(), 0.5);
  EXPECT_DOUBLE_EQ(s.params[2].values.front(), 0.5);
  EXPECT_DOUBLE_EQ(s.params[2].values.back(), 4.0);
  EXPECT_NEAR(s.params[2].values[1] / s.params[2].values[0], 2.0, 1e-12);  // geometric
}

TEST(Design, LatinHypercubeHasOnePointPerStratum) {
  const int n = 50, k = 4;
  const Matrix m = lhs_design(k, n, 7);
  ASSERT_EQ(m.size(), static_cast<std::size_t>(n));
  for (int j = 0; j < k; ++j) {
    std::set<int> strata;
    for (const auto& row : m) {
      ASSERT_GT(row[j], 0.0);
      ASSERT_LT(row[j], 1.0);
      strata.insert(static_cast<int>(row[j] * n));
    }
    EXPECT_EQ(strata.size(), static_cast<std::size_t>(n)) << "coordinate " << j;
  }
  EXPECT_EQ(lhs_design(k, n, 7), m);  // a pure function of the seed
  EXPECT_NE(lhs_design(k, n, 8), m);
}

TEST(Design, UniformCoversTheCube) {
  const Matrix m = uniform_design(3, 4000, 1);
  for (int j = 0; j < 3; ++j) {
    double mean = 0;
    int low = 0;
    for (const auto& r : m) {
      mean += r[j];
      low += r[j] < 0.1;
    }
    EXPECT_NEAR(mean / 4000, 0.5, 0.02);
    EXPECT_NEAR(low / 4000.0, 0.1, 0.02);
  }
}

TEST(Design, SaltelliBlocksAreAThenBThenABi) {
  const int k = 3, n = 64;
  const Matrix m = saltelli_design(k, n, 3);
  ASSERT_EQ(m.size(), static_cast<std::size_t>(n * (k + 2)));
  for (int j = 0; j < n; ++j) {
    const auto& a = m[j * (k + 2)];
    const auto& b = m[j * (k + 2) + 1];
    for (int i = 0; i < k; ++i) {
      const auto& ab = m[j * (k + 2) + 2 + i];
      for (int c = 0; c < k; ++c) EXPECT_EQ(ab[c], c == i ? b[c] : a[c]);
      EXPECT_NE(a[i], b[i]);
    }
  }
}

TEST(Design, MorrisTrajectoriesMoveOneCoordinateByDelta) {
  const int k = 5, r = 20, levels = 4;
  const double delta = levels / (2.0 * (levels - 1));
  const Matrix m = morris_design(k, r, levels, 11);
  ASSERT_EQ(m.size(), static_cast<std::size_t>(r * (k + 1)));
  for (int t = 0; t < r; ++t) {
    std::set<int> moved;
    for (int s = 1; s <= k; ++s) {
      const auto& x = m[t * (k + 1) + s - 1];
      const auto& y = m[t * (k + 1) + s];
      int changed = 0;
      for (int i = 0; i < k; ++i) {
        ASSERT_GE(y[i], 0.0);
        ASSERT_LE(y[i], 1.0);
        // On the grid of levels.
        EXPECT_NEAR(std::round(y[i] * (levels - 1)), y[i] * (levels - 1), 1e-9);
        if (x[i] != y[i]) {
          ++changed;
          moved.insert(i);
          EXPECT_NEAR(std::abs(y[i] - x[i]), delta, 1e-12);
        }
      }
      EXPECT_EQ(changed, 1);
    }
    EXPECT_EQ(moved.size(), static_cast<std::size_t>(k));  // every parameter once per trajectory
  }
}

TEST(Design, SizesFromSweepFiles) {
  const std::string params = R"(parameters:
  economy.club_benefit: {min: 0.001, max: 0.01, scale: log}
  coalitions.review_probability: {min: 0.1, max: 0.6}
  coalitions.max_memberships: {min: 4, max: 24}
)";
  auto spec = [&](const std::string& design) {
    return load_sweep(write_sweep("s.yaml", std::string(kHead) + "design: " + design + "\n" + params));
  };
  EXPECT_EQ(design_points(spec("{type: uniform, samples: 17}")).size(), 17u);
  EXPECT_EQ(design_points(spec("{type: lhs, samples: 30}")).size(), 30u);
  EXPECT_EQ(design_points(spec("{type: saltelli, samples: 8}")).size(), 8u * 5u);
  EXPECT_EQ(design_points(spec("{type: morris, samples: 6, levels: 6}")).size(), 6u * 4u);
  for (const auto& row : design_points(spec("{type: lhs, samples: 40}"))) {
    EXPECT_GE(row[0], 0.001);
    EXPECT_LE(row[0], 0.01);
    EXPECT_EQ(row[2], std::round(row[2]));  // a count stays whole
  }
}

TEST(Design, SeedsDependOnPointAndReplicate) {
  std::set<std::uint64_t> seeds;
  for (std::uint64_t p = 0; p < 100; ++p)
    for (std::uint32_t r = 0; r < 10; ++r) seeds.insert(run_seed(5, p, r));
  EXPECT_EQ(seeds.size(), 1000u);
  EXPECT_EQ(run_seed(5, 3, 2), run_seed(5, 3, 2));
  EXPECT_NE(run_seed(5, 3, 2), run_seed(6, 3, 2));
}

TEST(SweepFile, MistakesNameTheLineAndSuggest) {
  auto error = [&](const std::string& text) {
    try {
      load_sweep(write_sweep("bad.yaml", text));
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error(std::string(kHead) +
                  "design: {type: lhs, samples: 4}\nparameters:\n  economy.club_benfit: {min: 0, max: 1}\n")
                .find("bad.yaml:8:3: unknown parameter 'economy.club_benfit' (did you mean 'economy.club_benefit'?)"),
            std::string::npos);
  EXPECT_NE(error(std::string(kHead) +
                  "design: {type: lsh, samples: 4}\nparameters:\n  economy.club_benefit: {min: 0, max: 1}\n")
                .find("did you mean 'lhs'?"),
            std::string::npos);
  EXPECT_NE(error(std::string(kHead) +
                  "design: {type: lhs, samples: 4}\nparameters:\n  economy.club_benefit: {min: 0, max: 2}\n")
                .find("bad.yaml:8:"),
            std::string::npos);
  EXPECT_NE(error(std::string(kHead) + "design: {type: grid}\nparameters:\n  economy.club_benefit: {min: 0, max: 1}\n")
                .find("unknown key 'min'"),
            std::string::npos);
  EXPECT_NE(
      error("name: t\ndescription: d\nscenario: baseline\ndesign: {type: grid}\nparameters:\n  economy.club_benefit: "
            "{values: [0.1]}\nmetrics:\n  - {name: c, column: cooperation_indx}\n")
          .find("bad.yaml:8:23: metrics[0].column: unknown column 'cooperation_indx' of global.csv (did you mean "
                "'cooperation_index'?)"),
      std::string::npos);
  EXPECT_NE(error(std::string(kHead) +
                  "design: {type: grid}\nreplicate: 3\nparameters:\n  economy.club_benefit: {values: [0.1]}\n")
                .find("did you mean 'replicates'?"),
            std::string::npos);
}

TEST(SweepFile, ReplicatesAloneNeedNoParametersNorDesign) {
  const SweepSpec s = load_sweep(write_sweep("reps.yaml", std::string(kHead) + "replicates: 5\n"));
  EXPECT_TRUE(s.params.empty());
  EXPECT_EQ(s.design, DesignType::grid);
  EXPECT_EQ(s.replicates, 5);
  const Matrix points = design_points(s);
  ASSERT_EQ(points.size(), 1u);  // one point, with no parameter values
  EXPECT_TRUE(points[0].empty());
  // A random design without parameters is a mistake, placed at the design.
  try {
    load_sweep(write_sweep("reps_lhs.yaml", std::string(kHead) + "design: {type: lhs, samples: 4}\n"));
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("reps_lhs.yaml:6:9: design: lhs needs parameters to vary"), std::string::npos)
        << e.what();
  }
}

TEST(SweepFile, ScenariosAreAFactor) {
  const SweepSpec s = load_sweep(write_sweep("factor.yaml", R"(name: t
description: test
scenarios: [baseline, paris_withdrawal]
replicates: 2
design: {type: grid}
parameters:
  economy.club_benefit: {values: [0.001, 0.004]}
metrics:
  - {name: coop, column: cooperation_index}
)"));
  EXPECT_TRUE(s.scenario_factor);
  EXPECT_EQ(s.scenarios, (std::vector<std::string>{"baseline", "paris_withdrawal"}));
  EXPECT_EQ(s.scenario_wheres[1].line, 3);
  auto error = [](const std::string& text) {
    try {
      load_sweep(write_sweep("bad_factor.yaml", text));
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string tail = "metrics:\n  - {name: coop, column: cooperation_index}\n";
  EXPECT_NE(error("name: t\ndescription: d\nscenarios: [baseline]\n" + tail)
                .find("bad_factor.yaml:3:12: scenarios: expected at least two"),
            std::string::npos);
  EXPECT_NE(error("name: t\ndescription: d\nscenarios: [a, a]\n" + tail).find("'a' is listed twice"),
            std::string::npos);
  EXPECT_NE(error("name: t\ndescription: d\nscenario: a\nscenarios: [a, b]\n" + tail).find("not both"),
            std::string::npos);
  EXPECT_NE(error("name: t\ndescription: d\n" + tail).find("missing required key 'scenario'"), std::string::npos);
  EXPECT_NE(error("name: t\ndescription: d\nscenarios: [a, b]\ndesign: {type: morris, samples: 2}\nparameters:\n"
                  "  economy.club_benefit: {min: 0, max: 1}\n" +
                  tail)
                .find("morris (sensitivity indices) goes with one scenario"),
            std::string::npos);
}

TEST(SweepFile, AllMistakesAtOnce) {
  try {
    load_sweep(write_sweep("many.yaml", R"(name: t
description: test
scenario: baseline
replicates: 0
design: {type: grid}
parameters:
  economy.club_benfit: {values: [0.1]}
  coalitions.review_probability: {values: [2]}
metrics:
  - {name: coop, column: cooperation_indx}
  - {name: ok, column: gini}
  - {name: bad, column: gini, stat: mena}
)"));
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    std::vector<std::string> lines;
    for (const auto& one : each_error(e)) lines.push_back(one.what());
    ASSERT_EQ(lines.size(), 5u) << ::testing::PrintToString(lines);
    EXPECT_NE(lines[0].find("/many.yaml:4:13: replicates"), std::string::npos) << lines[0];
    EXPECT_NE(lines[1].find("/many.yaml:7:3: unknown parameter 'economy.club_benfit'"), std::string::npos) << lines[1];
    EXPECT_NE(lines[2].find("/many.yaml:8:44:"), std::string::npos) << lines[2];
    EXPECT_NE(lines[3].find("/many.yaml:10:26:"), std::string::npos) << lines[3];
    EXPECT_NE(lines[4].find("did you mean 'mean'?"), std::string::npos) << lines[4];
  }
}

}  // namespace
}  // namespace urbis::sweep
