// Events are bound to the world before a run (sim/engine/event_binding):
// unknown names are errors with the place in the file and a suggestion, and
// values out of a variable's range are refused there.
#include <gtest/gtest.h>

#include "sim/engine/event_binding.hpp"
#include "tests/engine/event_support.hpp"

namespace urbis::test {
namespace {

std::string bind_error(const Scenario& s) {
  const WorldData data = load_world(s, context());
  try {
    bind_schedule(s, data);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(EventBinding, UnknownStateNamesThePlaceAndTheNearestCode) {
  Scenario s = small_eventless();
  auto e = event_at(EventType::withdraw, 2001);
  e.state = "S01";
  e.agreement = "paris";
  e.places["state"] = {"scenario.yaml", 13, 14};
  s.events.push_back(e);
  const std::string msg = bind_error(s);
  EXPECT_NE(msg.find("scenario.yaml:13:14"), std::string::npos) << msg;
  EXPECT_NE(msg.find("unknown state 'S01'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean 'S001'"), std::string::npos) << msg;
}

TEST(EventBinding, AgreementAndUnionAreNotInterchangeable) {
  Scenario s = small_eventless();
  auto e = event_at(EventType::leave_union, 2001);
  e.state = "S001";
  e.agreement = "paris";
  s.events.push_back(e);
  const std::string msg = bind_error(s);
  EXPECT_NE(msg.find("unknown union 'paris'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("eu"), std::string::npos) << msg;
}

TEST(EventBinding, UnknownVariableListsTheValidOnes) {
  Scenario s = small_eventless();
  auto e = event_at(EventType::set, 2001);
  e.target = "state:S002";
  e.variable = "populsm";
  s.events.push_back(e);
  const std::string msg = bind_error(s);
  EXPECT_NE(msg.find("did you mean 'populism'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("centralisation"), std::string::npos) << msg;
}

TEST(EventBinding, NetworkMustExistByTheEventsYear) {
  Scenario s = small_eventless();
  auto found = event_at(EventType::found_network, 2004);
  found.name = "Alliance";
  found.issue = "climate";
  found.founders = {"c1"};
  auto fund = event_at(EventType::fund, 2002);
  fund.network = "Alliance";
  fund.funding = 1e6;
  s.events = {fund, found};
  const WorldData data = load_world(s, context());
  ASSERT_EQ(data.world.cities.name[0], "c1");
  const std::string msg = bind_error(s);
  EXPECT_NE(msg.find("founded in 2004, after this event (2002)"), std::string::npos) << msg;
}

TEST(EventBinding, UnknownTargetKindIsAnError) {
  Scenario s = small_eventless();
  auto e = event_at(EventType::shock, 2001);
  e.target = "country:S001";
  e.variable = "populism";
  e.delta = 0.1;
  s.events.push_back(e);
  EXPECT_NE(bind_error(s).find("expected global, state:ISO3, city:NAME or network:NAME"), std::string::npos);
}

// Shares stay shares: a set out of its variable's range, a negative factor
// and a delta wider than the whole range are refused before the run, at
// their place in the file.
TEST(EventBinding, OutOfRangeValuesAreRefused) {
  {
    Scenario s = small_eventless();
    auto e = event_at(EventType::set, 2001);
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
    Scenario s = small_eventless();
    auto e = event_at(EventType::set, 2001);
    e.target = "state:S002";
    e.variable = "populism";
    e.value = -2;
    s.events.push_back(e);
    EXPECT_NE(bind_error(s).find("value -2 is out of range"), std::string::npos);
  }
  {
    Scenario s = small_eventless();
    auto e = event_at(EventType::shock, 2001);
    e.target = "state:S002";
    e.variable = "openness";
    e.factor = -0.5;
    s.events.push_back(e);
    EXPECT_NE(bind_error(s).find("would change the sign"), std::string::npos);
  }
  {
    Scenario s = small_eventless();
    auto e = event_at(EventType::shock, 2001);
    e.target = "state:S002";
    e.variable = "populism";
    e.delta = 1.5;
    s.events.push_back(e);
    EXPECT_NE(bind_error(s).find("wider than the whole range"), std::string::npos);
  }
}

}  // namespace
}  // namespace urbis::test
