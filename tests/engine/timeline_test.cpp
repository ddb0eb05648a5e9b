// Events applied as a run steps (sim/engine/timeline): a shock with `until`
// is undone, and one that would cross a bound is held at it and logged.
#include <map>

#include <gtest/gtest.h>

#include "tests/engine/csv_table.hpp"
#include "tests/engine/event_support.hpp"

namespace urbis::test {
namespace {

TEST(Timeline, ShockWithUntilIsUndone) {
  Scenario s = small_eventless();
  auto e = event_at(EventType::shock, 2002);
  e.target = "state:S002";
  e.variable = "populism";
  e.delta = 0.3;
  e.until = 2005;
  s.events.push_back(e);
  const auto dir = fresh_dir("shock");
  run_into(s, dir, 1);
  const Table states = parse_csv(slurp(dir / "states.csv"));
  std::map<int, double> nu;
  for (const auto& r : states.rows)
    if (r[states.col("iso3")] == "S002") nu[std::stoi(r[0])] = std::stod(r[states.col("populism")]);
  EXPECT_NEAR(nu[2003] - nu[2001], 0.3, 1e-12);
  EXPECT_NEAR(nu[2005], nu[2001], 1e-12);
  std::filesystem::remove_all(dir);
}

// A shock that would cross a bound at run time is held at it, and the clamp
// is logged in events.csv.
TEST(Timeline, AShockPastABoundIsClampedAndLogged) {
  Scenario s = small_eventless();
  auto e = event_at(EventType::shock, 2002);
  e.target = "state:S002";
  e.variable = "populism";
  e.delta = 0.99;  // populism starts well above 0.01: this crosses 1
  s.events.push_back(e);
  const auto dir = fresh_dir("clamp");
  run_into(s, dir, 1);
  const Table states = parse_csv(slurp(dir / "states.csv"));
  int rows = 0;
  for (const auto& r : states.rows) {
    if (r[states.col("iso3")] != "S002" || r[0] != "2002") continue;
    ++rows;
    EXPECT_EQ(std::stod(r[states.col("populism")]), 1.0);
  }
  EXPECT_EQ(rows, 1);
  const Table events = parse_csv(slurp(dir / "events.csv"));
  int clamped = 0;
  for (const auto& r : events.rows)
    if (r[events.col("kind")] == "clamped" && r[events.col("subject")] == "state:S002") {
      ++clamped;
      EXPECT_NE(r[events.col("detail")].find("held at 1"), std::string::npos) << r[events.col("detail")];
    }
  EXPECT_EQ(clamped, 1);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace urbis::test
