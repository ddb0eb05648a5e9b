#pragma once
// A small synthetic scenario without events, and events placed in a file,
// for the tests of event binding and application.
#include "sim/scenario/scenario.hpp"
#include "tests/engine/run_support.hpp"

namespace urbis::test {

inline Scenario small_eventless() {
  Scenario s = load("tests/engine/data/synthetic_20k.yaml");
  s.world.synthetic.cities = 300;
  s.world.synthetic.states = 5;
  s.events.clear();
  return s;
}

inline EventSpec event_at(EventType type, int year) {
  EventSpec e;
  e.type = type;
  e.year = year;
  e.where = {"scenario.yaml", 12, 5};
  return e;
}

}  // namespace urbis::test
