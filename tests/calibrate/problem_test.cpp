// The calibration's measures, recomputed independently from the CSV files
// that `urbis run` writes for the same scenarios and seeds (global.csv,
// networks.csv, cities.csv, states.csv): every measure, spans (stocks
// averaged, flows summed), paired targets (relative and absolute, seed by
// seed), predictive series, shared runs and world loads, and thread counts.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include <tbb/global_control.h>

#include "sim/calibrate/problem.hpp"
#include "sim/calibrate/scenarios.hpp"
#include "tests/engine/csv_table.hpp"
#include "tests/engine/run_support.hpp"

namespace urbis::test {
namespace {

using namespace calib;

const std::string kData = source("tests/calibrate/data/");

// One run's CSV tables, read back.
struct RunTables {
  Table global, networks, cities, states;

  // The value of `column` in the row of `table` where key columns match.
  static double cell(const Table& t, const std::string& column, int year, const std::string& key_col,
                     const std::string& key, bool* found = nullptr) {
    const int c = t.col(column), y = t.col("year"), k = t.col(key_col);
    for (const auto& row : t.rows)
      if (std::stoi(row[y]) == year && (k < 0 || row[k] == key)) {
        if (found) *found = true;
        return std::stod(row[c]);
      }
    if (found) *found = false;
    return NAN;
  }
  double active(int year) const { return cell(global, "active_networks", year, "", ""); }
  // As the calibration reads a network: its value while active, else 0.
  double network(const std::string& name, const std::string& column, int year) const {
    bool found = false;
    const double on = cell(networks, "active", year, "name", name, &found);
    return found && on == 1 ? cell(networks, column, year, "name", name) : 0.0;
  }
  double city(const std::string& name, int year) const { return cell(cities, "memberships", year, "city", name); }
  double state(const std::string& iso3, const std::string& issue, int year) const {
    return cell(states, "memberships_" + issue, year, "iso3", iso3);
  }
};

RunTables run_tables(const std::string& file, std::uint64_t seed) {
  Scenario s = load(file);
  s.seed = seed;
  const auto dir = fresh_dir("calibrate-" + s.name + "-" + std::to_string(seed));
  run_into(s, dir, 2);
  return {parse_csv(slurp(dir / "global.csv")), parse_csv(slurp(dir / "networks.csv")),
          parse_csv(slurp(dir / "cities.csv")), parse_csv(slurp(dir / "states.csv"))};
}

class MeasuresTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    config_ = new CalibConfig(load_calibration(kData + "measures.yaml"));
    const Params defaults = load_defaults(source("configs/defaults.yaml"));
    problem_ = new CalibrationProblem(*config_, load_scenarios(*config_, defaults, source("scenarios")), context());
    {
      tbb::global_control one(tbb::global_control::max_allowed_parallelism, 1);
      eval_ = new Evaluation(problem_->evaluate({}));
    }
    for (std::uint64_t seed : config_->seeds) {
      base_[seed] = run_tables("tests/calibrate/data/tiny.yaml", seed);
      event_[seed] = run_tables("tests/calibrate/data/tiny_withdrawal.yaml", seed);
    }
  }
  static void TearDownTestSuite() {
    delete eval_;
    delete problem_;
    delete config_;
  }

  // The mean over the seeds of f(seed).
  template <class F>
  static double mean(F f) {
    double sum = 0;
    for (std::uint64_t seed : config_->seeds) sum += f(seed);
    return sum / static_cast<double>(config_->seeds.size());
  }
  static const TargetFit& fit(const std::string& name) {
    for (std::size_t t = 0; t < config_->targets.size(); ++t)
      if (config_->targets[t].name == name) return eval_->fits[t];
    throw std::logic_error("no target " + name);
  }
  // Relative tolerance for sums of values read back from the files, which
  // hold 6 significant digits (analysis/observables.cpp): 1e-6 each, summed.
  static void expect_close(double expected, double actual) {
    EXPECT_NEAR(expected, actual, 1e-5 * std::max(1.0, std::abs(expected)));
  }

  static CalibConfig* config_;
  static CalibrationProblem* problem_;
  static Evaluation* eval_;
  static std::map<std::uint64_t, RunTables> base_, event_;
};

CalibConfig* MeasuresTest::config_ = nullptr;
CalibrationProblem* MeasuresTest::problem_ = nullptr;
Evaluation* MeasuresTest::eval_ = nullptr;
std::map<std::uint64_t, RunTables> MeasuresTest::base_, MeasuresTest::event_;

TEST_F(MeasuresTest, RunsEachScenarioSeedOnceAndLoadsTheSharedWorldOnce) {
  EXPECT_EQ(problem_->runs_per_evaluation(), 2u * 3u);  // tiny and tiny_withdrawal, 3 seeds each
  EXPECT_EQ(problem_->world_loads(), 1u);               // the event scenario extends the base: one world
  EXPECT_EQ(problem_->last_year(), 2010);               // no end given: the last year a target needs
}

TEST_F(MeasuresTest, ActiveNetworks) {
  const double want = mean([](auto s) { return base_[s].active(2010); });
  ASSERT_GT(want, 0);
  expect_close(want, fit("active_2010").mean);
}

TEST_F(MeasuresTest, NetworkMembersInAYearAndAveragedOverASpan) {
  const double year = mean([](auto s) { return base_[s].network("Network 8", "members", 2010); });
  ASSERT_GT(year, 0);
  expect_close(year, fit("members_2010").mean);
  const double span = mean([](auto s) {
    double sum = 0;
    for (int y = 2003; y <= 2008; ++y) sum += base_[s].network("Network 8", "members", y);
    return sum / 6;
  });
  expect_close(span, fit("members_2003_2008").mean);
}

TEST_F(MeasuresTest, NetworkActionsAreSummedOverTheSpan) {
  const double want = mean([](auto s) {
    double sum = 0;
    for (int y = 2005; y <= 2010; ++y) sum += base_[s].network("Network 8", "actions", y);
    return sum;
  });
  ASSERT_GT(want, 0);
  expect_close(want, fit("actions_2005_2010").mean);
}

TEST_F(MeasuresTest, CityMemberships) {
  const double year = mean([](auto s) { return base_[s].city("c1", 2010); });
  ASSERT_GT(year, 0);
  expect_close(year, fit("city_2010").mean);
  const double span = mean([](auto s) {
    double sum = 0;
    for (int y = 2006; y <= 2010; ++y) sum += base_[s].city("c1", y);
    return sum / 5;
  });
  expect_close(span, fit("city_2006_2010").mean);
}

TEST_F(MeasuresTest, StateMembershipsOnAnIssue) {
  const double climate = mean([](auto s) { return base_[s].state("S001", "climate", 2010); });
  ASSERT_GT(climate, 0);
  expect_close(climate, fit("state_2010").mean);
  const double economy = mean([](auto s) {
    double sum = 0;
    for (int y = 2004; y <= 2010; ++y) sum += base_[s].state("S001", "economy", y);
    return sum / 7;
  });
  ASSERT_NE(economy, climate);  // the issue matters
  expect_close(economy, fit("state_2004_2010").mean);
  // The sd is over the seeds (n - 1).
  double ss = 0;
  for (auto seed : config_->seeds) ss += std::pow(base_[seed].state("S001", "climate", 2010) - climate, 2);
  expect_close(std::sqrt(ss / 2), fit("state_2010").sd);
}

TEST_F(MeasuresTest, ATargetMeasuresTheScenarioItNames) {
  const double want = mean([](auto s) { return event_[s].state("S001", "climate", 2010); });
  ASSERT_NE(want, fit("state_2010").mean);
  expect_close(want, fit("withdrawal_2010").mean);
}

TEST_F(MeasuresTest, PairedTargetsAreMeansOfSeedBySeedDifferences) {
  auto span = [](const RunTables& t) {
    double sum = 0;
    for (int y = 2005; y <= 2010; ++y) sum += t.state("S001", "climate", y);
    return sum / 6;
  };
  const double relative = mean([&](auto s) { return (span(event_[s]) - span(base_[s])) / span(base_[s]); });
  const double absolute = mean([&](auto s) { return span(event_[s]) - span(base_[s]); });
  ASSERT_NE(absolute, 0);
  expect_close(relative, fit("paired_relative").mean);
  expect_close(absolute, fit("paired_absolute").mean);
  // The mean of the seeds' relative changes, not the relative change of the
  // means (the data tell the two apart).
  const double of_means =
      mean([&](auto s) { return span(event_[s]); }) / mean([&](auto s) { return span(base_[s]); }) - 1;
  EXPECT_GT(std::abs(of_means - relative), 1e-6);
}

TEST_F(MeasuresTest, PredictiveSeriesAreSeedMeansPerYear) {
  ASSERT_EQ(eval_->series.size(), 2u);
  EXPECT_EQ(problem_->series_years(0), std::make_pair(2000, 2010));  // default: the whole run
  ASSERT_EQ(eval_->series[0].size(), 11u);
  for (int y = 2000; y <= 2010; ++y)
    expect_close(mean([&](auto s) { return base_[s].active(y); }),
                 eval_->series[0][static_cast<std::size_t>(y - 2000)]);
  EXPECT_EQ(problem_->series_years(1), std::make_pair(2002, 2008));
  ASSERT_EQ(eval_->series[1].size(), 7u);
  expect_close(mean([](auto s) { return event_[s].state("S001", "climate", 2006); }), eval_->series[1][4]);
}

TEST_F(MeasuresTest, ParallelEvaluationGivesTheSameResults) {
  tbb::global_control two(tbb::global_control::max_allowed_parallelism, 2);
  const auto batch = problem_->evaluate_all({{}, {}});
  for (const auto& e : batch) {
    ASSERT_EQ(e.fits.size(), eval_->fits.size());
    for (std::size_t t = 0; t < e.fits.size(); ++t) {
      EXPECT_EQ(e.fits[t].mean, eval_->fits[t].mean) << config_->targets[t].name;
      EXPECT_EQ(e.fits[t].sd, eval_->fits[t].sd) << config_->targets[t].name;
    }
    EXPECT_EQ(e.objective, eval_->objective);
    EXPECT_EQ(e.series, eval_->series);
  }
}

}  // namespace
}  // namespace urbis::test
