// Events are bound to the world before a run: unknown names are errors with
// the place in the file and a suggestion; a shock with `until` is undone.
#include <gtest/gtest.h>

#include "sim/engine/timeline.hpp"
#include "sim/world/synthetic_world.hpp"
#include "tests/engine/csv_table.hpp"
#include "tests/engine/run_support.hpp"

namespace urbis::test {
namespace {

Scenario small() {
  Scenario s = load("tests/engine/data/synthetic_20k.yaml");
  s.world.synthetic.cities = 300;
  s.world.synthetic.states = 5;
  s.events.clear();
  return s;
}

EventSpec event(EventType type, int year) {
  EventSpec e;
  e.type = type;
  e.year = year;
  e.where = {"scenario.yaml", 12, 5};
  return e;
}

std::string bind_error(const Scenario& s) {
  const WorldData data = load_world(s, context());
  try {
    Timeline t(s, data);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Timeline, UnknownStateNamesThePlaceAndTheNearestCode) {
  Scenario s = small();
  auto e = event(EventType::withdraw, 2001);
  e.state = "S01";
  e.agreement = "paris";
  e.places["state"] = {"scenario.yaml", 13, 14};
  s.events.push_back(e);
  const std::string msg = bind_error(s);
  EXPECT_NE(msg.find("scenario.yaml:13:14"), std::string::npos) << msg;
  EXPECT_NE(msg.find("unknown state 'S01'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean 'S001'"), std::string::npos) << msg;
}

TEST(Timeline, AgreementAndUnionAreNotInterchangeable) {
  Scenario s = small();
  auto e = event(EventType::leave_union, 2001);
  e.state = "S001";
  e.agreement = "paris";
  s.events.push_back(e);
  const std::string msg = bind_error(s);
  EXPECT_NE(msg.find("unknown union 'paris'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("eu"), std::string::npos) << msg;
}

TEST(Timeline, UnknownVariableListsTheValidOnes) {
  Scenario s = small();
  auto e = event(EventType::set, 2001);
  e.target = "state:S002";
  e.variable = "populsm";
  s.events.push_back(e);
  const std::string msg = bind_error(s);
  EXPECT_NE(msg.find("did you mean 'populism'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("centralisation"), std::string::npos) << msg;
}

TEST(Timeline, NetworkMustExistByTheEventsYear) {
  Scenario s = small();
  auto found = event(EventType::found_network, 2004);
  found.name = "Alliance";
  found.issue = "climate";
  found.founders = {"c1"};
  auto fund = event(EventType::fund, 2002);
  fund.network = "Alliance";
  fund.funding = 1e6;
  s.events = {fund, found};
  const WorldData data = load_world(s, context());
  ASSERT_EQ(data.world.cities.name[0], "c1");
  const std::string msg = bind_error(s);
  EXPECT_NE(msg.find("founded in 2004, after this event (2002)"), std::string::npos) << msg;
}

TEST(Timeline, UnknownTargetKindIsAnError) {
  Scenario s = small();
  auto e = event(EventType::shock, 2001);
  e.target = "country:S001";
  e.variable = "populism";
  e.delta = 0.1;
  s.events.push_back(e);
  EXPECT_NE(bind_error(s).find("expected global, state:ISO3, city:NAME or network:NAME"), std::string::npos);
}

TEST(Timeline, ShockWithUntilIsUndone) {
  Scenario s = small();
  auto e = event(EventType::shock, 2002);
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

// Shares stay shares: a set out of its variable's range, a negative factor
// and a delta wider than the whole range are refused before the run, at
// their place in the file.
TEST(Timeline, OutOfRangeValuesAreRefused) {
  {
    Scenario s = small();
    auto e = event(EventType::set, 2001);
    e.target = "city:" + load_world(s, context()).world.cities.name[0];
    e.variable = "cooperation";
    e.value = 1.5;
    s.events.push_back(e);
    const std::string msg = bind_error(s);
    EXPECT_NE(msg.find("scenario.yaml:12"), std::string::npos) << msg;
    EXPECT_NE(msg.find("value 1.5 is out of range"), std::string::npos) << msg;
    EXPECT_NE(msg.find("a share in [0, 1]"), std::string::npos) << msg;
  }
  {
    Scenario s = small();
    auto e = event(EventType::set, 2001);
    e.target = "state:S002";
    e.variable = "populism";
    e.value = -2;
    s.events.push_back(e);
    EXPECT_NE(bind_error(s).find("value -2 is out of range"), std::string::npos);
  }
  {
    Scenario s = small();
    auto e = event(EventType::shock, 2001);
    e.target = "state:S002";
    e.variable = "openness";
    e.factor = -0.5;
    s.events.push_back(e);
    EXPECT_NE(bind_error(s).find("would change the sign"), std::string::npos);
  }
  {
    Scenario s = small();
    auto e = event(EventType::shock, 2001);
    e.target = "state:S002";
    e.variable = "populism";
    e.delta = 1.5;
    s.events.push_back(e);
    EXPECT_NE(bind_error(s).find("wider than the whole range"), std::string::npos);
  }
}

// A shock that would cross a bound at run time is held at it, and the clamp
// is logged in events.csv.
TEST(Timeline, AShockPastABoundIsClampedAndLogged) {
  Scenario s = small();
  auto e = event(EventType::shock, 2002);
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
