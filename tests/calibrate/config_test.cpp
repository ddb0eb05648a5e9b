// Mistakes in a calibration config: each is an InputError at the place of
// the mistake (line and column), saying what was expected and the nearest
// valid name. Some are found when the config is read, others when it meets
// the scenarios and their worlds.
#include <gtest/gtest.h>

#include <fstream>

#include "sim/calibrate/problem.hpp"
#include "sim/calibrate/scenarios.hpp"
#include "tests/engine/run_support.hpp"

namespace urbis::test {
namespace {

using namespace calib;

// Writes a config into a fresh folder beside copies of the tiny scenarios
// (so it can name them) and builds the problem; returns the error.
InputError error_of(const std::string& name, const std::string& text) {
  const auto dir = fresh_dir("calibrate-config-" + name);
  for (const char* f : {"tiny.yaml", "tiny_withdrawal.yaml"})
    std::filesystem::copy_file(source("tests/calibrate/data/") + f, dir / f);
  const std::string file = (dir / "config.yaml").string();
  std::ofstream(file) << text;
  try {
    const CalibConfig c = load_calibration(file);
    const Params defaults = load_defaults(source("configs/defaults.yaml"));
    CalibrationProblem problem(c, load_scenarios(c, defaults, source("scenarios")), context());
  } catch (const InputError& e) {
    std::filesystem::remove_all(dir);
    return e;
  }
  std::filesystem::remove_all(dir);
  ADD_FAILURE() << name << ": no error";
  return InputError({}, "");
}

const std::string kHead = "scenario: tiny.yaml\nseeds: [1, 2]\ntargets:\n";

TEST(CalibConfig, UnknownMeasure) {
  const auto e =
      error_of("measure",
               kHead + "  - {name: a, measure: network_member, network: Network 1, year: 2005, value: 1, scale: 1}\n");
  EXPECT_EQ(e.where().line, 4);
  EXPECT_EQ(e.where().column, 24);
  EXPECT_NE(e.message().find("unknown measure 'network_member'"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("did you mean 'network_members'"), std::string::npos) << e.message();
}

TEST(CalibConfig, PairedTargetWithoutCompareWith) {
  const auto e = error_of("paired", kHead +
                                        "  - {name: a, measure: active_networks, year: 2005, value: 1, scale: 1,\n"
                                        "     scenario: tiny_withdrawal.yaml, difference: relative}\n");
  EXPECT_EQ(e.where().line, 5);
  EXPECT_NE(e.message().find("needs 'compare_with'"), std::string::npos) << e.message();
}

TEST(CalibConfig, UnknownDifference) {
  const auto e = error_of("difference", kHead +
                                            "  - {name: a, measure: active_networks, year: 2005, value: 1, scale: 1,\n"
                                            "     compare_with: tiny_withdrawal.yaml, difference: relativ}\n");
  EXPECT_EQ(e.where().line, 5);
  EXPECT_NE(e.message().find("did you mean 'relative'"), std::string::npos) << e.message();
}

TEST(CalibConfig, ComparedWithItself) {
  const auto e = error_of("itself", kHead +
                                        "  - {name: a, measure: active_networks, year: 2005, value: 1, scale: 1,\n"
                                        "     compare_with: tiny.yaml}\n");
  EXPECT_EQ(e.where().line, 4);
  EXPECT_NE(e.message().find("with itself"), std::string::npos) << e.message();
}

TEST(CalibConfig, UnknownScenario) {
  const auto e = error_of("scenario", kHead +
                                          "  - {name: a, measure: active_networks, year: 2005, value: 1, scale: 1,\n"
                                          "     scenario: tiny_withdrawl, compare_with: tiny.yaml}\n");
  EXPECT_EQ(e.where().line, 4);
  EXPECT_NE(e.message().find("unknown scenario 'tiny_withdrawl'"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("did you mean 'tiny_withdrawal'"), std::string::npos) << e.message();
  const auto lib = error_of("library",
                            "scenario: paris_withdrawl\nseeds: [1]\ntargets:\n"
                            "  - {name: a, measure: active_networks, year: 2005, value: 1, scale: 1}\n");
  EXPECT_EQ(lib.where().line, 1);
  EXPECT_EQ(lib.where().column, 11);
  EXPECT_NE(lib.message().find("did you mean 'paris_withdrawal'"), std::string::npos) << lib.message();
}

TEST(CalibConfig, UnknownNetworkCityStateAndIssue) {
  const auto net =
      error_of("network",
               kHead + "  - {name: a, measure: network_members, network: Netwrk 8, year: 2005, value: 1, scale: 1}\n");
  EXPECT_EQ(net.where().line, 4);
  EXPECT_EQ(net.where().column, 50);
  EXPECT_NE(net.message().find("unknown network 'Netwrk 8'"), std::string::npos) << net.message();
  EXPECT_NE(net.message().find("did you mean 'Network 8'"), std::string::npos) << net.message();
  const auto city =
      error_of("city", kHead + "  - {name: a, measure: city_members, city: c1x, year: 2005, value: 1, scale: 1}\n");
  EXPECT_NE(city.message().find("unknown city 'c1x'"), std::string::npos) << city.message();
  const auto state = error_of(
      "state",
      kHead + "  - {name: a, measure: state_members, state: S01, issue: climate, year: 2005, value: 1, scale: 1}\n");
  EXPECT_NE(state.message().find("did you mean 'S001'"), std::string::npos) << state.message();
  const auto issue = error_of(
      "issue",
      kHead + "  - {name: a, measure: state_members, state: S001, issue: climat, year: 2005, value: 1, scale: 1}\n");
  EXPECT_NE(issue.message().find("did you mean 'climate'"), std::string::npos) << issue.message();
}

TEST(CalibConfig, SubjectKeysMustFitTheMeasure) {
  const auto extra = error_of(
      "extra", kHead + "  - {name: a, measure: active_networks, network: C40, year: 2005, value: 1, scale: 1}\n");
  EXPECT_NE(extra.message().find("measure 'active_networks' takes no 'network'"), std::string::npos) << extra.message();
  const auto missing = error_of(
      "missing", kHead + "  - {name: a, measure: state_members, state: S001, year: 2005, value: 1, scale: 1}\n");
  EXPECT_NE(missing.message().find("measure 'state_members' needs 'issue'"), std::string::npos) << missing.message();
}

TEST(CalibConfig, YearsOutsideTheRun) {
  const auto e = error_of("years",
                          "scenario: tiny.yaml\nseeds: [1]\nend: 2008\ntargets:\n"
                          "  - {name: a, measure: active_networks, year: 2010, value: 1, scale: 1}\n");
  EXPECT_EQ(e.where().line, 5);
  EXPECT_NE(e.message().find("outside the run"), std::string::npos) << e.message();
}

TEST(CalibConfig, AbcAcceptOrEpsilonNotBoth) {
  const auto e = error_of("abc", kHead +
                                     "  - {name: a, measure: active_networks, year: 2005, value: 1, scale: 1}\n"
                                     "abc: {points: 10, accept: 0.1, epsilon: 2}\n");
  EXPECT_EQ(e.where().line, 5);
  EXPECT_NE(e.message().find("either abc.accept"), std::string::npos) << e.message();
}

}  // namespace
}  // namespace urbis::test
