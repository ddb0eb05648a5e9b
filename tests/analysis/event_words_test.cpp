// Events in words (analysis/event_words.hpp): each kind of record says what
// events.csv has always said of it, with its numbers and names in place.
#include "analysis/event_words.hpp"

#include <string>

#include <gtest/gtest.h>

#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

struct Said {
  std::string kind, subject, detail;
};

class EventWords : public ::testing::Test {
 protected:
  void SetUp() override {
    w = test::make_world(p, {0, 0, 1}, 2, 1,
                         {Agreement{"Paris", Issue::climate, false}, Agreement{"EU", Issue::economy, true}});
    test::NetworkSpec s;
    s.name = "C40";
    net = test::add_network(w, s);
  }
  Said say(const EventRecord& e) const {
    Said out{std::string(event_kind_words(e)), std::string(event_subject(w, e)), {}};
    event_detail(w, e, out.detail);
    return out;
  }
  void expect(const EventRecord& e, const std::string& kind, const std::string& subject,
              const std::string& detail) const {
    const Said s = say(e);
    EXPECT_EQ(s.kind, kind);
    EXPECT_EQ(s.subject, subject);
    EXPECT_EQ(s.detail, detail);
  }
  Params p = test::reference_params();
  World w;
  int net = -1;
};

TEST_F(EventWords, WhatTheModelDid) {
  expect({.kind = EventKind::founded, .network = net, .city = 2, .count = 3, .of = 5}, "founded", "C40",
         "founder c2; 3 of 5 invited cities joined");
  expect({.kind = EventKind::answer_founded, .network = net, .state = 1, .city = 2, .issue = 0, .count = 4, .of = 9},
         "founded", "C40", "answer to S1's retreat on climate: founder c2; 4 of 9 cities joined");
  expect({.kind = EventKind::named_founded, .network = net, .count = 18}, "founded", "C40",
         "named network with 18 members");
  expect({.kind = EventKind::joined, .network = net, .count = 7}, "joined", "C40", "7 cities");
  expect({.kind = EventKind::left, .network = net, .count = 1}, "left", "C40", "1 cities");
  expect({.kind = EventKind::invited, .network = net, .count = 6}, "invited", "C40", "6 cities invited");
  expect({.kind = EventKind::preempted, .state = 0, .value = 0.91234, .limit = 0.5}, "preempted", "S0",
         "mean tension 0.912 above 0.5");
  expect({.kind = EventKind::withdrew, .state = 1, .agreement = 0}, "withdraw", "S1", "leaves Paris (endogenous)");
  expect({.kind = EventKind::funding_ended, .network = net}, "defund", "C40", "sponsor funding ends");
}

TEST_F(EventWords, EachReasonANetworkEnds) {
  EventRecord e{.kind = EventKind::dissolved, .network = net, .count = 2};
  e.reason = DissolveReason::too_few_members;
  expect(e, "dissolved", "C40", "2 members released; too few members");
  e.reason = DissolveReason::never_formed;
  expect(e, "dissolved", "C40", "2 members released; never gathered enough members");
  e.reason = DissolveReason::funding_ended;
  expect(e, "dissolved", "C40", "2 members released; sponsor funding ended");
  e.reason = DissolveReason::programme_ended;
  expect(e, "dissolved", "C40", "2 members released; its programme ended");
}

TEST_F(EventWords, HistorysAccessionsAndExits) {
  expect({.kind = EventKind::union_history, .joins = true, .state = 0, .agreement = 1}, "join_union", "S0",
         "joins EU (history)");
  expect({.kind = EventKind::union_history, .joins = false, .state = 1, .agreement = 1}, "leave_union", "S1",
         "leaves EU (history)");
}

TEST_F(EventWords, AClampSaysTheRangeOfAParameterOrOfAVariable) {
  expect({.kind = EventKind::clamped,
          .value = 1.25,
          .limit = 1,
          .low = 0,
          .high = 1,
          .target = "global",
          .variable = "economy.growth"},
         "clamped", "global", "economy.growth would be 1.25; held at 1 (in [0, 1])");
  expect({.kind = EventKind::clamped,
          .value = -0.5,
          .limit = 0,
          .target = "city:c1",
          .variable = "autonomy",
          .range = "in [0, 1]"},
         "clamped", "city:c1", "autonomy would be -0.5; held at 0 (in [0, 1])");
}

TEST_F(EventWords, EveryScenarioEventTypeWithItsLabel) {
  auto ev = [](EventType t) { return EventRecord{.kind = EventKind::scenario, .type = t}; };
  EventRecord e = ev(EventType::withdraw);
  e.state = 0, e.agreement = 0, e.label = "US leaves Paris";
  expect(e, "withdraw", "S0", "leaves Paris; US leaves Paris");
  e = ev(EventType::join), e.joins = true, e.state = 0, e.agreement = 0;
  expect(e, "join", "S0", "joins Paris");
  e = ev(EventType::leave_union), e.state = 1, e.agreement = 1;
  expect(e, "leave_union", "S1", "leaves EU");
  e = ev(EventType::join_union), e.joins = true, e.state = 1, e.agreement = 1;
  expect(e, "join_union", "S1", "joins EU");
  e = ev(EventType::set), e.target = "global", e.variable = "founding.rate", e.value = 0.25;
  expect(e, "set", "global", "founding.rate = 0.25");
  e = ev(EventType::shock), e.target = "state:S0", e.variable = "growth", e.additive = true, e.value = -0.02;
  expect(e, "shock", "state:S0", "growth -0.02");
  e = ev(EventType::shock), e.target = "state:S0", e.variable = "populism", e.limit = 1.5;
  expect(e, "shock", "state:S0", "populism x1.5");
  e = ev(EventType::salience), e.issue = 0, e.value = 0.3;
  expect(e, "salience", "climate", "salience +0.3");
  e = ev(EventType::found_network), e.name = "Urban 20", e.count = 4;
  expect(e, "found_network", "Urban 20", "founded by scenario (4 founders)");
  e = ev(EventType::fund), e.name = "C40", e.value = 2e6;
  expect(e, "fund", "C40", "USD 2000000 per year");
  e = ev(EventType::defund), e.name = "C40";
  expect(e, "defund", "C40", "funding stops");
  e = ev(EventType::join_network), e.joins = true, e.city = 1, e.name = "C40";
  expect(e, "join_network", "c1", "joins C40");
  e = ev(EventType::leave_network), e.city = 1, e.name = "C40", e.label = "a mayor's choice";
  expect(e, "leave_network", "c1", "leaves C40; a mayor's choice");
}

TEST_F(EventWords, TheDetailIsComposedAfreshEachTime) {
  std::string out = "left over from the last row";
  event_detail(w, {.kind = EventKind::joined, .network = net, .count = 2}, out);
  EXPECT_EQ(out, "2 cities");
}

}  // namespace
}  // namespace urbis
