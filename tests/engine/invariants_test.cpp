// Property tests: on random synthetic worlds under random event timelines,
// the invariants of sim/engine/invariants.hpp hold after every step.
#include <gtest/gtest.h>

#include <random>

#include <fmt/format.h>

#include "sim/engine/invariants.hpp"
#include "tests/engine/run_support.hpp"

namespace urbis::test {
namespace {

class InvariantObserver : public RunObserver {
 public:
  void observe(const World& w, const GlobalMetrics& m) override {
    for (const auto& line : check_invariants(w)) ADD_FAILURE() << w.global.year << ": " << line;
    EXPECT_GE(m.network_share, 0.0);
    EXPECT_LE(m.network_share, 1.0);
    EXPECT_GE(m.cooperation_index, 0.0);
    EXPECT_LE(m.cooperation_index, 1.0);
    EXPECT_GE(m.gini, 0.0);
    EXPECT_LE(m.gini, 1.0);
    ++steps;
  }
  int steps = 0;
};

// A random timeline over a synthetic world's states, cities and networks.
std::vector<EventSpec> random_events(std::mt19937_64& gen, const Scenario& s, int cities, int states) {
  std::vector<EventSpec> out;
  auto year = [&] { return std::uniform_int_distribution<int>(s.start, s.end)(gen); };
  auto state = [&] { return fmt::format("S{:03}", std::uniform_int_distribution<int>(1, states)(gen)); };
  auto city = [&] { return fmt::format("c{}", std::uniform_int_distribution<int>(1, cities)(gen)); };
  const int count = std::uniform_int_distribution<int>(3, 12)(gen);
  for (int n = 0; n < count; ++n) {
    EventSpec e;
    e.year = year();
    switch (std::uniform_int_distribution<int>(0, 7)(gen)) {
      case 0: e.type = EventType::withdraw, e.state = state(), e.agreement = "paris"; break;
      case 1: e.type = EventType::leave_union, e.state = state(), e.agreement = "eu"; break;
      case 2: e.type = EventType::salience, e.issue = "security", e.amount = 0.4; break;
      case 3:
        e.type = EventType::shock, e.target = "state:" + state(), e.variable = "populism", e.delta = 0.3;
        e.until = std::min(s.end, e.year + 2);
        break;
      case 4: e.type = EventType::set, e.target = "global", e.variable = "economy.club_benefit", e.value = 0.05; break;
      case 5:
        e.type = EventType::found_network, e.name = fmt::format("Pact {}", n), e.issue = "health";
        e.founders = {city(), city()};
        if (e.founders[0] == e.founders[1]) e.founders.pop_back();
        e.funding = 2e6;
        break;
      case 6: e.type = EventType::shock, e.target = "city:" + city(), e.variable = "cooperation", e.factor = 0.5; break;
      default: e.type = EventType::set, e.target = "city:" + city(), e.variable = "autonomy", e.value = 0.0; break;
    }
    out.push_back(e);
  }
  std::stable_sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.year < b.year; });
  return out;
}

TEST(Invariants, HoldOnRandomWorldsAndTimelines) {
  std::mt19937_64 gen(2024);
  for (int trial = 0; trial < 12; ++trial) {
    Scenario s = load("tests/engine/data/synthetic_20k.yaml");
    const int cities = std::uniform_int_distribution<int>(300, 3000)(gen);
    const int states = std::uniform_int_distribution<int>(6, 40)(gen);
    s.world.synthetic.cities = cities;
    s.world.synthetic.states = states;
    s.world.synthetic.regions = std::min(states, 5);
    s.world.synthetic.networks = std::uniform_int_distribution<int>(0, 40)(gen);
    s.world.synthetic.seed = gen();
    s.world.synthetic.zipf_exponent = std::uniform_real_distribution<double>(0.6, 1.6)(gen);
    s.seed = gen();
    s.start = 2000;
    s.end = 2000 + std::uniform_int_distribution<int>(3, 12)(gen);
    s.params.founding.rate = std::uniform_real_distribution<double>(0, 60)(gen);
    s.params.coalitions.review_probability = std::uniform_real_distribution<double>(0, 1)(gen);
    s.params.competition.contest_exponent = std::uniform_real_distribution<double>(0, 2)(gen);
    s.events = random_events(gen, s, cities, states);
    SCOPED_TRACE(fmt::format("trial {}: {} cities, {} states, {} events", trial, cities, states, s.events.size()));
    InvariantObserver obs;
    run_scenario(s, obs, context());
    EXPECT_EQ(obs.steps, s.end - s.start + 1);
  }
}

TEST(Invariants, DetectABrokenMembershipCount) {
  Scenario s = load("tests/engine/data/synthetic_20k.yaml");
  s.world.synthetic.cities = 500;
  s.world.synthetic.states = 5;
  s.events.clear();
  s.end = s.start;
  struct Corrupt : RunObserver {
    void observe(const World& w, const GlobalMetrics&) override {
      World broken = w;
      for (std::size_t k = 0; k < broken.networks.size(); ++k) broken.networks.members[k] += 1;
      lines = check_invariants(broken);
    }
    std::vector<std::string> lines;
  } obs;
  run_scenario(s, obs, context());
  ASSERT_FALSE(obs.lines.empty());
  EXPECT_NE(obs.lines[0].find("counts"), std::string::npos) << obs.lines[0];
}

}  // namespace
}  // namespace urbis::test
