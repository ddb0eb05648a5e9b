// The one year loop (sim/engine/run.hpp): a Run steps a year at a time, as a
// server's room does, and run_loaded is that loop to the end; an unobserved
// step (a room's counterfactual) and a copied run (the benchmarks) go on
// exactly as the original. (urbis::Run in full: inside a TEST, Run is
// GoogleTest's own Test::Run.)
#include <stdexcept>

#include <gtest/gtest.h>

#include "sim/engine/run.hpp"
#include "sim/output/csv_output.hpp"
#include "tests/engine/event_support.hpp"

namespace urbis::test {
namespace {

Scenario short_run() {
  Scenario s = small_eventless();
  s.end = s.start + 5;
  return s;
}

// Every per-city and per-network number the step writes, compared exactly.
void expect_same_world(const World& a, const World& b) {
  EXPECT_EQ(a.global.year, b.global.year);
  EXPECT_EQ(a.global.step, b.global.step);
  ASSERT_EQ(a.cities.size(), b.cities.size());
  EXPECT_TRUE((a.cities.gdp == b.cities.gdp).all());
  EXPECT_TRUE((a.cities.cooperation == b.cities.cooperation).all());
  EXPECT_TRUE((a.cities.payoff == b.cities.payoff).all());
  EXPECT_EQ(a.networks.size(), b.networks.size());
  EXPECT_EQ(a.networks.members, b.networks.members);
  EXPECT_EQ(a.members.count, b.members.count);
}

struct YearsSeen : RunObserver {
  std::vector<int> years;
  void observe(const World& w, const GlobalMetrics&) override { years.push_back(w.global.year); }
};

TEST(Run, StepsOneYearAtATimeAndStopsAtTheEnd) {
  const Scenario s = short_run();
  const WorldData data = load_world(s, context());
  urbis::Run run(s, data);
  EXPECT_EQ(run.next_year(), s.start);
  EXPECT_EQ(run.years(), 6);
  YearsSeen seen;
  run.step(seen);
  EXPECT_EQ(run.next_year(), s.start + 1);
  EXPECT_EQ(run.years_done(), 1);
  EXPECT_EQ(run.world().global.year, s.start);  // the year it simulated
  EXPECT_EQ(run.world().global.step, 1);
  while (!run.finished()) run.step(seen);
  EXPECT_EQ(seen.years, (std::vector<int>{s.start, s.start + 1, s.start + 2, s.start + 3, s.start + 4, s.end}));
  EXPECT_THROW(run.step(seen), std::logic_error);
  EXPECT_THROW(run.step(), std::logic_error);
}

TEST(Run, AnUnobservedStepChangesTheWorldAsAnObservedOne) {
  const Scenario s = short_run();
  const WorldData data = load_world(s, context());
  urbis::Run observed(s, data), unobserved(s, data);
  YearsSeen seen;
  while (!observed.finished()) {
    observed.step(seen);
    unobserved.step();
  }
  expect_same_world(observed.world(), unobserved.world());
}

TEST(Run, ACopyGoesOnAsTheOriginal) {
  const Scenario s = short_run();
  const WorldData data = load_world(s, context());
  urbis::Run run(s, data);
  run.step();
  run.step();
  urbis::Run copy = run;
  while (!run.finished()) run.step();
  while (!copy.finished()) copy.step();
  expect_same_world(run.world(), copy.world());
}

// run_loaded writes what a Run stepped by hand with the same observer writes.
TEST(Run, PhaseTimesAddUpToAtMostTheStepsTime) {
  const Scenario s = short_run();
  const WorldData data = load_world(s, context());
  YearsSeen seen;
  const RunSummary summary = run_loaded(s, data, seen, context());
  double total = 0;
  for (std::size_t k = 0; k < kPhaseNames.size(); ++k) {
    EXPECT_GE(summary.phases.seconds[k], 0.0) << kPhaseNames[k];
    total += summary.phases.seconds[k];
  }
  // Every city reviews or founds or grows in some phase: the clock moved.
  EXPECT_GT(summary.phases.seconds[3] + summary.phases.seconds[4], 0.0) << "economy and coalitions took no time";
  // The phases and observation are inside the steps' time, which also holds
  // the observer's begin and finish.
  EXPECT_LE(total, summary.step_seconds);
  EXPECT_GT(total, 0.5 * summary.step_seconds);
}

TEST(Run, RunLoadedIsTheLoopOverRun) {
  const Scenario s = short_run();
  const WorldData data = load_world(s, context());
  const auto by_hand = fresh_dir("run-by-hand"), looped = fresh_dir("run-looped");
  {
    CsvOutput out(by_hand.string(), s);
    urbis::Run run(s, data);
    out.begin(s, run.world());
    while (!run.finished()) run.step(out);
    out.finish(run.world());
  }
  {
    CsvOutput out(looped.string(), s);
    const RunSummary summary = run_loaded(s, data, out, context());
    EXPECT_EQ(summary.years, 6);
  }
  for (const char* f : {"global.csv", "states.csv", "networks.csv", "events.csv"}) {
    const std::string a = slurp(by_hand / f), b = slurp(looped / f);
    EXPECT_FALSE(a.empty()) << f;
    EXPECT_EQ(a, b) << f;
  }
  std::filesystem::remove_all(by_hand);
  std::filesystem::remove_all(looped);
}

}  // namespace
}  // namespace urbis::test
