// Bad scenario files: each must fail with an InputError whose message names
// the file, the line and column, what was expected and, for typos, the
// nearest valid name.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <unistd.h>

#include "sim/scenario/load_scenario.hpp"

namespace fs = std::filesystem;

namespace {

// A fresh folder under the system's temporary directory, removed at the end.
struct TempDir {
  fs::path path;
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string tag = std::string(info->test_suite_name()) + "_" + info->name();
    for (char& c : tag)
      if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    path = fs::temp_directory_path() / ("urbis_scenario_" + std::to_string(::getpid()) + "_" + tag);
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    const fs::path p = path / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

const urbis::Params& defaults() {
  static const urbis::Params p = urbis::load_defaults(URBIS_SOURCE_DIR "/configs/defaults.yaml");
  return p;
}

// The message of the InputError that loading `file` throws, or a failure.
std::string load_error(const std::string& file, const std::vector<std::string>& dirs = {}) {
  try {
    urbis::load_scenario(file, defaults(), dirs);
  } catch (const urbis::InputError& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "an exception other than InputError escaped: " << e.what();
    return {};
  }
  ADD_FAILURE() << "loading " << file << " did not fail";
  return {};
}

const std::string kHead =
    "name: t\n"
    "description: test\n"
    "time: {start: 2000, end: 2020}\n";

struct BadCase {
  std::string label;
  std::string yaml;                                         // written to bad.yaml
  std::vector<std::pair<std::string, std::string>> others;  // more files beside it
  std::vector<std::string> expect;                          // substrings of the message
};

std::string alias_bomb() {
  std::string s = kHead + "laughs:\n  a0: &a0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]\n";
  for (int i = 1; i <= 6; ++i) {
    s += "  a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) s += (j ? ", *a" : "*a") + std::to_string(i - 1);
    s += "]\n";
  }
  return s;
}

std::vector<BadCase> bad_cases() {
  // A case per entry, laid out by hand.
  // clang-format off
  return {
      {"unknown top-level key with a typo", kHead + "seeed: 3\n", {},
       {"bad.yaml:4:1:", "unknown key 'seeed'", "did you mean 'seed'?", "valid keys at the top level:"}},
      {"seed of the wrong type", kHead + "seed: abc\n", {},
       {"bad.yaml:4:7:", "seed: expected a non-negative integer below 2^64, got 'abc'"}},
      {"negative seed", kHead + "seed: -3\n", {}, {"bad.yaml:4:7:", "non-negative integer", "'-3'"}},
      {"seed as a quoted string", kHead + "seed: \"5\"\n", {}, {"bad.yaml:4:7:", "quoted string '5'"}},
      {"year that is not an integer",
       kHead + "events:\n  - year: twenty\n    type: salience\n    issue: climate\n    delta: 0.1\n", {},
       {"bad.yaml:5:11:", "expected an integer year, got 'twenty'"}},
      {"event year outside the run",
       kHead + "events:\n  - year: 2030\n    type: salience\n    issue: climate\n    delta: 0.1\n", {},
       {"bad.yaml:5:11:", "event year 2030 is outside the run's years 2000 to 2020"}},
      {"run years outside 1900-2200", "name: t\ndescription: d\ntime: {start: 1850, end: 2020}\n", {},
       {"bad.yaml:3:15:", "time.start: expected an integer year in [1900, 2200], got 1850"}},
      {"run that ends before it starts", "name: t\ndescription: d\ntime:\n  start: 2020\n  end: 2000\n", {},
       {"bad.yaml:5:8:", "time.end: expected a year >= time.start (2020), got 2000"}},
      {"unknown event type with a near miss",
       kHead + "events:\n  - year: 2010\n    type: withdrawl\n    state: USA\n    agreement: paris\n", {},
       {"bad.yaml:6:11:", "unknown event type 'withdrawl'", "did you mean 'withdraw'?",
        "valid types: withdraw, join,", "leave_network"}},
      {"unknown event type far from any",
       kHead + "events:\n  - year: 2010\n    type: explode\n", {},
       {"bad.yaml:6:11:", "unknown event type 'explode'; valid types:", "found_network"}},
      {"missing required field",
       kHead + "events:\n  - year: 2010\n    type: withdraw\n    state: USA\n", {},
       {"bad.yaml:5:5:", "a 'withdraw' event needs 'agreement'"}},
      {"unknown event field with a near miss",
       kHead + "events:\n  - year: 2010\n    type: withdraw\n    state: USA\n    agrement: paris\n", {},
       {"bad.yaml:8:5:", "unknown key 'agrement'", "did you mean 'agreement'?", "for a 'withdraw' event"}},
      {"state that is not ISO3",
       kHead + "events:\n  - year: 2010\n    type: withdraw\n    state: usa\n    agreement: paris\n", {},
       {"bad.yaml:7:12:", "ISO3", "got 'usa'"}},
      {"unknown parameter path with a near miss",
       kHead + "parameters:\n  economy:\n    club_benfit: 0.02\n", {},
       {"bad.yaml:6:5:", "unknown parameter 'economy.club_benfit'", "did you mean 'economy.club_benefit'?",
        "valid names under 'economy':"}},
      {"unknown parameter given as a dotted path",
       kHead + "parameters:\n  economy.club_benfit: 0.02\n", {},
       {"bad.yaml:5:3:", "unknown parameter 'economy.club_benfit'", "did you mean 'economy.club_benefit'?"}},
      {"unknown parameter group",
       kHead + "parameters:\n  economi:\n    club_benefit: 0.02\n", {},
       {"bad.yaml:5:3:", "unknown parameter 'economi'", "did you mean 'economy'?"}},
      {"out-of-range parameter", kHead + "parameters:\n  competition:\n    home_bias: 1.5\n", {},
       {"bad.yaml:6:16:", "competition.home_bias: expected a number in [0, 1], got 1.5"}},
      {"parameter group given a number", kHead + "parameters:\n  economy: 0.5\n", {},
       {"bad.yaml:5:12:", "economy: expected a mapping of its parameters", "club_benefit"}},
      {"flag given something other than true/false",
       kHead + "parameters:\n  states:\n    endogenous_exit: maybe\n", {},
       {"bad.yaml:6:22:", "states.endogenous_exit: expected true or false, got 'maybe'"}},
      {"both delta and factor",
       kHead + "events:\n  - year: 2010\n    type: shock\n    target: city:London\n    variable: population\n"
               "    delta: 1\n    factor: 2\n",
       {}, {"bad.yaml:5:5:", "exactly one of 'delta' or 'factor', not both"}},
      {"neither delta nor factor",
       kHead + "events:\n  - year: 2010\n    type: shock\n    target: city:London\n    variable: population\n", {},
       {"bad.yaml:5:5:", "exactly one of 'delta' or 'factor'"}},
      {"shock that ends before it starts",
       kHead + "events:\n  - year: 2010\n    type: shock\n    target: global\n    variable: economy.migration\n"
               "    factor: 2\n"
               "    until: 2010\n",
       {}, {"bad.yaml:10:12:", "expected a year after the event's year 2010, got 2010"}},
      {"global shock of an unknown parameter",
       kHead + "events:\n  - year: 2010\n    type: shock\n    target: global\n    variable: economy.migraton\n"
               "    delta: 0.1\n",
       {}, {"bad.yaml:8:15:", "events[0].variable: unknown parameter 'economy.migraton'",
            "did you mean 'economy.migration'?"}},
      {"unknown issue",
       kHead + "events:\n  - year: 2010\n    type: salience\n    issue: climat\n    delta: 0.2\n", {},
       {"bad.yaml:7:12:", "unknown issue 'climat'", "did you mean 'climate'?", "valid issues: climate, health"}},
      {"bad target prefix",
       kHead + "events:\n  - year: 2010\n    type: set\n    target: country:USA\n    parameter: openness\n"
               "    value: 0.2\n",
       {}, {"bad.yaml:7:13:", "expected a target 'global', 'state:ISO3', 'city:NAME' or 'network:NAME'",
            "got 'country:USA'"}},
      {"global set of an unknown parameter",
       kHead + "events:\n  - year: 2010\n    type: set\n    target: global\n    parameter: economy.club_benfit\n"
               "    value: 0.2\n",
       {}, {"bad.yaml:8:16:", "did you mean 'economy.club_benefit'?"}},
      {"global set out of range",
       kHead + "events:\n  - year: 2010\n    type: set\n    target: global\n    parameter: competition.home_bias\n"
               "    value: 2\n",
       {}, {"bad.yaml:9:12:", "events[0].value (for 'competition.home_bias'): expected a number in [0, 1], got 2"}},
      {"negative funding",
       kHead + "events:\n  - year: 2010\n    type: fund\n    network: C40\n    usd: -5\n", {},
       {"bad.yaml:8:10:", "usd: expected a number >= 0 (USD per year), got -5"}},
      {"network with no founders",
       kHead + "events:\n  - year: 2010\n    type: found_network\n    name: N\n    issue: health\n"
               "    founders: []\n",
       {}, {"bad.yaml:9:15:", "founders: expected at least one city"}},
      {"bad network scope",
       kHead + "events:\n  - year: 2010\n    type: found_network\n    name: N\n    issue: health\n"
               "    scope: regoin:Europe\n    founders: [Lyon]\n",
       {}, {"bad.yaml:9:12:", "scope: expected 'global', 'region:NAME'", "did you mean 'region'?"}},
      {"extends cycle", kHead + "extends: a\n",
       {{"a.yaml", "name: a\ndescription: a\nextends: bad.yaml\n"}},
       {"a.yaml:3:10:", "cycle", "bad.yaml -> ", "a.yaml -> "}},
      {"extends missing file", kHead + "extends: nope\n", {},
       {"bad.yaml:4:10:", "cannot find the scenario 'nope'", "nope.yaml"}},
      {"error inside an extended file", kHead + "extends: parent\n",
       {{"parent.yaml", "name: p\ndescription: p\nparameters:\n  economy: {club_benfit: 1}\n"}},
       {"parent.yaml:4:13:", "did you mean 'economy.club_benefit'?"}},
      {"YAML syntax error", kHead + "seed: [1, 2\n", {}, {"bad.yaml:", "YAML syntax error"}},
      {"bad indentation", "name: t\ndescription: test\n  time: 3\n", {}, {"bad.yaml:3:", "YAML syntax error"}},
      {"alias bomb", alias_bomb(), {}, {"bad.yaml:", "more than 100000 YAML nodes", "aliases", "billion laughs"}},
      {"duplicate key", kHead + "seed: 1\nseed: 2\n", {}, {"bad.yaml:5:1:", "key 'seed' is given twice"}},
      {"two documents", kHead + "---\nname: u\n", {}, {"bad.yaml:", "2 YAML documents"}},
      {"empty file", "", {}, {"bad.yaml", "empty"}},
      {"not a mapping", "- a\n- b\n", {}, {"bad.yaml:1:1:", "expected a mapping of scenario keys"}},
      {"missing name", "description: d\ntime: {start: 2000, end: 2010}\n", {}, {"bad.yaml:1:1:", "'name'"}},
      {"missing time", "name: t\ndescription: d\n", {}, {"bad.yaml:1:1:", "'time.start'"}},
      {"both world forms",
       kHead + "world:\n  data: .\n  synthetic: {cities: 10, states: 2}\n", {},
       {"bad.yaml:5:3:", "either 'synthetic' or 'data'"}},
      {"more states than cities", kHead + "world:\n  synthetic: {cities: 10, states: 20}\n", {},
       {"bad.yaml:5:35:", "at most as many states as cities (10), got 20"}},
      {"zipf exponent out of range", kHead + "world:\n  synthetic: {cities: 10, states: 2, zipf_exponent: 0}\n",
       {}, {"bad.yaml:5:53:", "zipf_exponent: expected a number in (0, 5], got 0"}},
      {"missing data folder", kHead + "world:\n  data: no_such_folder\n", {},
       {"bad.yaml:5:9:", "world.data: folder", "no_such_folder", "not found"}},
      {"unknown output variable", kHead + "output:\n  cities:\n    variables: [population, gpd]\n", {},
       {"bad.yaml:6:29:", "unknown variable 'gpd'", "did you mean 'gdp'?"}},
      {"stride below 1", kHead + "output:\n  cities: {stride: 0}\n", {},
       {"bad.yaml:5:20:", "stride: expected a whole number of years in [1, 1000], got 0"}},
  };
  // clang-format on
}

TEST(ScenarioErrors, EachBadInputFailsWithPlaceExpectationAndSuggestion) {
  for (const auto& c : bad_cases()) {
    SCOPED_TRACE(c.label);
    TempDir dir;
    const std::string file = dir.write("bad.yaml", c.yaml);
    for (const auto& [name, text] : c.others) dir.write(name, text);
    const std::string msg = load_error(file);
    if (std::getenv("URBIS_SHOW_MESSAGES")) std::printf("[%s]\n  %s\n", c.label.c_str(), msg.c_str());
    for (const auto& want : c.expect)
      EXPECT_NE(msg.find(want), std::string::npos) << "missing '" << want << "' in: " << msg;
  }
}

TEST(ScenarioErrors, MissingFileIsNamed) {
  TempDir dir;
  const std::string file = (dir.path / "absent.yaml").string();
  const std::string msg = load_error(file);
  EXPECT_NE(msg.find("absent.yaml"), std::string::npos) << msg;
  EXPECT_NE(msg.find("not found"), std::string::npos) << msg;
}

TEST(ScenarioErrors, OversizedFileIsRefusedBeforeParsing) {
  TempDir dir;
  std::string text = kHead + "description2: |\n";
  text += std::string(5u << 20, 'x');
  const std::string msg = load_error(dir.write("big.yaml", text));
  EXPECT_NE(msg.find("big.yaml"), std::string::npos) << msg;
  EXPECT_NE(msg.find("4 MiB"), std::string::npos) << msg;
}

TEST(ScenarioErrors, DeepNestingIsRefused) {
  TempDir dir;
  const std::string text = kHead + "deep: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  const std::string msg = load_error(dir.write("deep.yaml", text));
  EXPECT_NE(msg.find("deep.yaml"), std::string::npos) << msg;
}

// The checked-in bad inputs in tests/scenario/data: each fails as stated.
TEST(ScenarioErrors, DataFolderBadInputs) {
  const std::string data = URBIS_SOURCE_DIR "/tests/scenario/data/";
  const std::vector<std::pair<std::string, std::vector<std::string>>> expected = {
      {"cycle_a.yaml", {"cycle_b.yaml:", "cycle", "cycle_a.yaml -> ", "cycle_b.yaml -> "}},
      {"cycle_b.yaml", {"cycle_a.yaml:", "cycle"}},
      {"missing_parent.yaml", {"missing_parent.yaml:3:10:", "cannot find the scenario 'no_such_baseline'"}},
      {"alias_bomb.yaml", {"alias_bomb.yaml:", "more than 100000 YAML nodes"}},
      {"typos.yaml", {"typos.yaml:8:11:", "did you mean 'withdraw'?"}},
  };
  std::size_t seen = 0;
  for (const auto& entry : fs::directory_iterator(data)) {
    if (entry.path().extension() != ".yaml") continue;
    ++seen;
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    const auto it = std::find_if(expected.begin(), expected.end(), [&](const auto& e) { return e.first == name; });
    ASSERT_NE(it, expected.end()) << "add an expectation for " << name;
    const std::string msg = load_error(entry.path().string());
    for (const auto& want : it->second)
      EXPECT_NE(msg.find(want), std::string::npos) << "missing '" << want << "' in: " << msg;
  }
  EXPECT_EQ(seen, expected.size());
}

}  // namespace

namespace {

// Every mistake of a file, not only the first: mistakes in different keys,
// parameters and events are independent, so all are reported, in file order.
TEST(ScenarioErrors, AllMistakesOfAFileAtOnce) {
  TempDir dir;
  const std::string file =
      dir.write("many.yaml", kHead +
                                 "seeed: 3\n"  // line 4
                                 "parameters:\n"
                                 "  economy.club_benfit: 0.1\n"  // line 6
                                 "  economy.club_benefit: 7\n"   // line 7: out of range
                                 "events:\n"
                                 "  - {year: 2010, type: withdrawl, state: USA, agreement: paris}\n"  // 9
                                 "  - {year: 2030, type: salience, issue: climate, delta: 0.1}\n"     // 10
                                 "  - {year: 2011, type: salience, issue: climat, delta: 0.1}\n");    // 11
  std::vector<std::string> messages;
  try {
    urbis::load_scenario(file, defaults());
    ADD_FAILURE() << "no error";
  } catch (const urbis::InputError& e) {
    for (const auto& one : urbis::each_error(e)) messages.push_back(one.what());
    EXPECT_EQ(std::string(e.what()), messages.front());  // what() is the first
  }
  const std::vector<std::string> expected = {"many.yaml:4:1: unknown key 'seeed'", "many.yaml:6:3: unknown parameter",
                                             "many.yaml:7:25:", "many.yaml:9:", "many.yaml:11:"};
  ASSERT_EQ(messages.size(), expected.size()) << ::testing::PrintToString(messages);
  for (std::size_t i = 0; i < expected.size(); ++i)
    EXPECT_NE(messages[i].find("/" + expected[i]), std::string::npos)
        << "expected '" << expected[i] << "' in: " << messages[i];
}

TEST(ScenarioErrors, EveryUnknownKeyOfAMapping) {
  TempDir dir;
  const std::string file = dir.write("keys.yaml", kHead + "seeed: 3\nprotagonist: [USA]\n");
  try {
    urbis::load_scenario(file, defaults());
    ADD_FAILURE() << "no error";
  } catch (const urbis::InputError& e) {
    const auto all = urbis::each_error(e);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_NE(std::string(all[0].what()).find("did you mean 'seed'?"), std::string::npos);
    EXPECT_NE(std::string(all[1].what()).find("did you mean 'protagonists'?"), std::string::npos);
  }
}

TEST(CompareWith, NamesTheCounterfactualRelativeToItsFile) {
  TempDir dir;
  dir.write("base.yaml", kHead);
  fs::create_directories(dir.path / "sub");
  const std::string child = dir.write("sub/child.yaml",
                                      "name: child\ndescription: d\nextends: ../base.yaml\n"
                                      "compare_with: ../base.yaml\n");
  const urbis::Scenario s = urbis::load_scenario(child, defaults());
  EXPECT_EQ(fs::weakly_canonical(s.compare_with), fs::weakly_canonical(dir.path / "base.yaml"));
  EXPECT_EQ(s.compare_with_place.line, 4);
  // Inherited by a scenario that extends it (its counterfactual stays the parent's).
  const std::string grandchild = dir.write("grandchild.yaml", "name: g\ndescription: d\nextends: sub/child.yaml\n");
  EXPECT_EQ(fs::weakly_canonical(urbis::load_scenario(grandchild, defaults()).compare_with),
            fs::weakly_canonical(dir.path / "base.yaml"));
  // A library name, looked for like extends:.
  const std::string lib = dir.write("lib.yaml", kHead + "compare_with: baseline\n");
  EXPECT_EQ(fs::path(urbis::load_scenario(lib, defaults(), {URBIS_SOURCE_DIR "/scenarios"}).compare_with).filename(),
            "baseline.yaml");
  // None: empty.
  EXPECT_EQ(urbis::load_scenario(dir.write("none.yaml", kHead), defaults()).compare_with, "");
}

TEST(CompareWith, MistakesArePlacedWithTheNearestName) {
  TempDir dir;
  const std::string typo = dir.write("typo.yaml", kHead + "compare_with: baselne\n");
  const std::string msg = load_error(typo, {URBIS_SOURCE_DIR "/scenarios"});
  EXPECT_NE(msg.find("typo.yaml:4:15: compare_with: cannot find the scenario 'baselne' (did you mean 'baseline'?)"),
            std::string::npos)
      << msg;
  const std::string self = dir.write("self.yaml", kHead + "compare_with: self.yaml\n");
  EXPECT_NE(load_error(self).find("self.yaml:4:15: compare_with: names this scenario itself"), std::string::npos);
  const std::string empty = dir.write("empty.yaml", kHead + "compare_with:\n");
  EXPECT_NE(load_error(empty).find("compare_with: expected the name or path of a scenario file, got nothing"),
            std::string::npos);
  // extends: gets the same suggestion.
  const std::string ext = dir.write("ext.yaml", "name: e\ndescription: d\nextends: baselin\n");
  EXPECT_NE(load_error(ext, {URBIS_SOURCE_DIR "/scenarios"}).find("(did you mean 'baseline'?)"), std::string::npos);
}

}  // namespace
