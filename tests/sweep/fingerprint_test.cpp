// The fingerprint of a run (sim/sweep/outcome.hpp), read through the data
// dictionary: equal runs print alike, a run that reports other numbers
// prints otherwise, and a parameter the model ignores leaves it as it was
// (what `urbis sweep --check-effects` relies on).
#include <gtest/gtest.h>

#include "sim/scenario/load_scenario.hpp"
#include "sim/sweep/outcome.hpp"
#include "tests/engine/event_support.hpp"

namespace urbis::test {
namespace {

Scenario small() {
  Scenario s = small_eventless();
  s.end = s.start + 4;
  return s;
}

std::uint64_t fingerprint(const Scenario& s, const WorldData& data) {
  sweep::FingerprintObserver f;
  run_loaded(s, data, f, context());
  return f.value();
}

TEST(Fingerprint, EqualRunsPrintAlikeAndAnotherSeedDoesNot) {
  const Scenario s = small();
  const WorldData data = load_world(s, context());
  const std::uint64_t a = fingerprint(s, data);
  EXPECT_EQ(a, fingerprint(s, data));
  Scenario other = s;
  other.seed = s.seed + 1;
  EXPECT_NE(a, fingerprint(other, data));
}

TEST(Fingerprint, AParameterTheModelReadsChangesIt) {
  const Scenario s = small();
  const WorldData data = load_world(s, context());
  Scenario changed = s;
  apply_override(changed, "economy.club_benefit=0.05");
  EXPECT_NE(fingerprint(s, data), fingerprint(changed, data));
}

TEST(Fingerprint, AParameterTheModelIgnoresLeavesIt) {
  Scenario s = small();
  apply_override(s, "states.endogenous_exit=false");  // then nothing reads the exit probability
  const WorldData data = load_world(s, context());
  Scenario changed = s;
  apply_override(changed, "states.exit_probability=0.9");
  EXPECT_EQ(fingerprint(s, data), fingerprint(changed, data));
}

}  // namespace
}  // namespace urbis::test
