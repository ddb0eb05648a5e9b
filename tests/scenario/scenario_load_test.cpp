// Over 500 lines: every section of the format and every shipped scenario, in one suite.
// Loading configs/defaults.yaml and well-formed scenarios: values, merges
// through extends:, overrides from --set, and every scenario shipped in
// scenarios/.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include "sim/core/param_table.hpp"
#include "sim/core/yaml_reader.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace fs = std::filesystem;
using urbis::EventType;

namespace {

const std::string kDefaultsFile = URBIS_SOURCE_DIR "/configs/defaults.yaml";

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
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

const urbis::Params& defaults() {
  static const urbis::Params p = urbis::load_defaults(kDefaultsFile);
  return p;
}

double param(const urbis::Params& p, const std::string& path) {
  const urbis::ParamSpec* s = urbis::find_param(path);
  if (!s) throw std::runtime_error("no parameter " + path);
  return urbis::get_param(p, *s);
}

void flatten(const YAML::Node& n, const std::string& prefix, std::set<std::string>& out) {
  if (!n.IsMap()) {
    out.insert(prefix);
    return;
  }
  for (auto it = n.begin(); it != n.end(); ++it)
    flatten(it->second, prefix.empty() ? it->first.as<std::string>() : prefix + "." + it->first.as<std::string>(), out);
}

std::string read_text(const std::string& file) {
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string replace_once(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  if (at == std::string::npos) throw std::runtime_error("not found: " + from);
  return s.replace(at, from.size(), to);
}

// ---------------------------------------------------------------------------

TEST(EventTypes, NamesFollowTheEnumAndRoundTrip) {
  const std::vector<std::string> want = {"withdraw", "join",   "leave_union",  "join_union",
                                         "set",      "shock",  "salience",     "found_network",
                                         "fund",     "defund", "join_network", "leave_network"};
  EXPECT_EQ(urbis::event_type_names(), want);
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(urbis::event_type_name(static_cast<EventType>(i)), want[i]);
}

TEST(Defaults, LoadAndEqualTheYamlValues) {
  const urbis::Params& p = defaults();
  EXPECT_DOUBLE_EQ(p.salience.relax_rate, 0.2);
  EXPECT_DOUBLE_EQ(p.salience.baseline[static_cast<int>(urbis::Issue::climate)], 0.45);
  EXPECT_DOUBLE_EQ(p.competition.home_bias, 0.6);
  EXPECT_DOUBLE_EQ(p.economy.club_benefit, 0.002);
  EXPECT_DOUBLE_EQ(p.coalitions.funding_scale, 1e6);
  EXPECT_DOUBLE_EQ(p.coalitions.max_memberships, 32);
  EXPECT_DOUBLE_EQ(p.states.endogenous_exit, 0);  // false
  EXPECT_DOUBLE_EQ(p.learning.initial_x_beta, 2);

  // And every parameter agrees with yaml-cpp's own reading of the file.
  const YAML::Node root = urbis::yamlin::load_file(kDefaultsFile, "defaults");
  for (const auto& spec : urbis::param_table()) {
    YAML::Node n = YAML::Clone(root);
    std::stringstream parts(spec.path);
    std::string part;
    while (std::getline(parts, part, '.')) n.reset(n[part]);  // reset: '=' would overwrite the node
    const double want = spec.kind == urbis::ParamKind::flag ? (n.as<bool>() ? 1.0 : 0.0) : n.as<double>();
    EXPECT_DOUBLE_EQ(urbis::get_param(p, spec), want) << spec.path;
  }
}

TEST(Defaults, EveryTablePathIsInTheFileAndViceVersa) {
  std::set<std::string> in_file;
  flatten(urbis::yamlin::load_file(kDefaultsFile, "defaults"), "", in_file);
  const auto paths = urbis::param_paths();
  const std::set<std::string> in_table(paths.begin(), paths.end());
  for (const auto& p : in_table) EXPECT_TRUE(in_file.count(p)) << p << " is in param_table() but not in defaults.yaml";
  for (const auto& p : in_file) EXPECT_TRUE(in_table.count(p)) << p << " is in defaults.yaml but not in param_table()";
}

std::string defaults_error(const std::string& text) {
  TempDir dir;
  const std::string file = dir.write("defaults.yaml", text);
  try {
    urbis::load_defaults(file);
  } catch (const urbis::InputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "load_defaults did not fail";
  return {};
}

TEST(Defaults, MissingUnknownAndBadValuesAreErrors) {
  const std::string text = read_text(kDefaultsFile);
  std::string msg = defaults_error(replace_once(text, "  home_bias: 0.6", "  # home_bias removed"));
  EXPECT_NE(msg.find("competition.home_bias"), std::string::npos) << msg;
  EXPECT_NE(msg.find("missing"), std::string::npos) << msg;

  msg = defaults_error(replace_once(text, "  home_bias: 0.6", "  home_bais: 0.6"));
  EXPECT_NE(msg.find("defaults.yaml:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean 'competition.home_bias'?"), std::string::npos) << msg;

  msg = defaults_error(replace_once(text, "  home_bias: 0.6", "  home_bias: high"));
  EXPECT_NE(msg.find("competition.home_bias: expected a number, got 'high'"), std::string::npos) << msg;

  msg = defaults_error(replace_once(text, "  endogenous_exit: false", "  endogenous_exit: 0.5"));
  EXPECT_NE(msg.find("states.endogenous_exit: expected true or false"), std::string::npos) << msg;

  msg = defaults_error(replace_once(text, "  max_memberships: 32", "  max_memberships: 2.5"));
  EXPECT_NE(msg.find("a whole number in [1, 64]"), std::string::npos) << msg;
}

// ---------------------------------------------------------------------------

const char* kEveryEvent = R"(name: every-event
description: |
  One event of each type,
  over two lines of description.
seed: 18446744073709551615
protagonists: [USA, GBR]
time:
  start: 2000
  end: 2030
world:
  synthetic: {cities: 500, states: 20, regions: 4, networks: 10, seed: 9, zipf_exponent: 1.1}
parameters:
  economy:
    club_benefit: 0.02
  competition.home_bias: 0.5
  states: {endogenous_exit: true}
events:
  - {year: 2017, type: withdraw, state: USA, agreement: paris, label: US leaves Paris}
  - {year: 2021, type: join, state: USA, agreement: paris}
  - {year: 2016, type: leave_union, state: GBR, union: eu}
  - {year: 2025, type: join_union, state: GBR, union: eu}
  - {year: 2005, type: set, target: global, parameter: economy.migration, value: 0.01}
  - {year: 2005, type: set, target: state:FRA, parameter: populism, value: 0.7}
  - {year: 2006, type: shock, target: city:New York, variable: population, factor: 0.9, until: 2008}
  - {year: 2006, type: shock, target: network:C40, variable: recognition, delta: 0.1}
  - {year: 2020, type: salience, issue: health, delta: 0.4}
  - year: 2010
    type: found_network
    name: Urban Health Alliance
    issue: health
    scope: {states: [USA, CAN]}
    founders: [Boston, Toronto]
    fee: 15
    funding: 2000000
  - {year: 2011, type: found_network, name: Regional, issue: peace, scope: region:Europe, founders: [Lyon]}
  - {year: 2012, type: fund, network: C40, usd: 5000000, years: 5}
  - {year: 2013, type: defund, network: C40}
  - {year: 2014, type: join_network, city: Paris, network: C40}
  - {year: 2015, type: leave_network, city: Paris, network: C40}
output:
  directory: results/every
  cities:
    variables: [population, cooperation]
    stride: 5
)";

const urbis::EventSpec& find_event(const urbis::Scenario& s, EventType t, int nth = 0) {
  for (const auto& e : s.events)
    if (e.type == t && nth-- == 0) return e;
  throw std::runtime_error("no such event: " + std::string(urbis::event_type_name(t)));
}

TEST(LoadScenario, EveryKeyAndEveryEventType) {
  TempDir dir;
  const std::string file = dir.write("every.yaml", kEveryEvent);
  const urbis::Scenario s = urbis::load_scenario(file, defaults());

  EXPECT_EQ(s.name, "every-event");
  EXPECT_EQ(s.description, "One event of each type,\nover two lines of description.\n");
  EXPECT_EQ(s.file, file);
  EXPECT_EQ(s.chain, std::vector<std::string>{file});
  EXPECT_EQ(s.seed, 18446744073709551615ull);
  EXPECT_EQ(s.protagonists, (std::vector<std::string>{"USA", "GBR"}));
  EXPECT_EQ(s.start, 2000);
  EXPECT_EQ(s.end, 2030);

  ASSERT_EQ(s.world.kind, urbis::WorldSpec::Kind::synthetic);
  EXPECT_EQ(s.world.synthetic.cities, 500);
  EXPECT_EQ(s.world.synthetic.states, 20);
  EXPECT_EQ(s.world.synthetic.regions, 4);
  EXPECT_EQ(s.world.synthetic.networks, 10);
  EXPECT_EQ(s.world.synthetic.seed, 9u);
  EXPECT_DOUBLE_EQ(s.world.synthetic.zipf_exponent, 1.1);

  EXPECT_DOUBLE_EQ(s.params.economy.club_benefit, 0.02);
  EXPECT_DOUBLE_EQ(s.params.competition.home_bias, 0.5);
  EXPECT_DOUBLE_EQ(s.params.states.endogenous_exit, 1);
  EXPECT_DOUBLE_EQ(s.params.economy.migration, defaults().economy.migration);
  EXPECT_EQ(s.overrides.size(), 3u);
  EXPECT_DOUBLE_EQ(s.overrides.at("economy.club_benefit"), 0.02);
  EXPECT_DOUBLE_EQ(s.overrides.at("states.endogenous_exit"), 1);

  ASSERT_EQ(s.events.size(), 15u);
  EXPECT_TRUE(
      std::is_sorted(s.events.begin(), s.events.end(), [](const auto& a, const auto& b) { return a.year < b.year; }));
  // Stable: of the two 2005 events, the one written first stays first.
  EXPECT_EQ(s.events[0].year, 2005);
  EXPECT_EQ(s.events[0].target, "global");
  EXPECT_EQ(s.events[1].target, "state:FRA");

  const auto& w = find_event(s, EventType::withdraw);
  EXPECT_EQ(w.year, 2017);
  EXPECT_EQ(w.state, "USA");
  EXPECT_EQ(w.agreement, "paris");
  EXPECT_EQ(w.label, "US leaves Paris");
  EXPECT_EQ(w.where.file, file);
  EXPECT_EQ(w.where.line, 18);
  EXPECT_EQ(w.where.column, 5);
  ASSERT_TRUE(w.places.count("state"));
  EXPECT_EQ(w.places.at("state").line, 18);
  EXPECT_EQ(w.places.at("state").column, 41);

  EXPECT_EQ(find_event(s, EventType::join).agreement, "paris");
  EXPECT_EQ(find_event(s, EventType::leave_union).agreement, "eu");
  EXPECT_EQ(find_event(s, EventType::join_union).state, "GBR");

  const auto& set_global = find_event(s, EventType::set, 0);
  EXPECT_EQ(set_global.variable, "economy.migration");
  EXPECT_DOUBLE_EQ(set_global.value, 0.01);
  EXPECT_DOUBLE_EQ(find_event(s, EventType::set, 1).value, 0.7);

  const auto& shock1 = find_event(s, EventType::shock, 0);
  EXPECT_EQ(shock1.target, "city:New York");
  EXPECT_EQ(shock1.variable, "population");
  EXPECT_FALSE(shock1.delta);
  ASSERT_TRUE(shock1.factor);
  EXPECT_DOUBLE_EQ(*shock1.factor, 0.9);
  EXPECT_EQ(shock1.until, 2008);
  const auto& shock2 = find_event(s, EventType::shock, 1);
  EXPECT_EQ(shock2.target, "network:C40");
  ASSERT_TRUE(shock2.delta);
  EXPECT_DOUBLE_EQ(*shock2.delta, 0.1);
  EXPECT_EQ(shock2.until, 0);

  const auto& sal = find_event(s, EventType::salience);
  EXPECT_EQ(sal.issue, "health");
  EXPECT_DOUBLE_EQ(sal.amount, 0.4);

  const auto& f1 = find_event(s, EventType::found_network, 0);
  EXPECT_EQ(f1.name, "Urban Health Alliance");
  EXPECT_EQ(f1.issue, "health");
  EXPECT_EQ(f1.scope, "states:USA,CAN");
  EXPECT_EQ(f1.founders, (std::vector<std::string>{"Boston", "Toronto"}));
  ASSERT_TRUE(f1.fee_multiple);
  EXPECT_DOUBLE_EQ(*f1.fee_multiple, 15);
  EXPECT_DOUBLE_EQ(f1.funding, 2e6);
  ASSERT_TRUE(f1.places.count("founders[1]"));
  EXPECT_EQ(f1.places.at("founders[1]").line, 32);
  const auto& f2 = find_event(s, EventType::found_network, 1);
  EXPECT_EQ(f2.scope, "region:Europe");
  EXPECT_FALSE(f2.fee_multiple);
  EXPECT_DOUBLE_EQ(f2.funding, 0);

  const auto& fund = find_event(s, EventType::fund);
  EXPECT_EQ(fund.network, "C40");
  EXPECT_DOUBLE_EQ(fund.funding, 5e6);
  EXPECT_EQ(fund.years, 5);
  EXPECT_EQ(find_event(s, EventType::defund).network, "C40");
  EXPECT_EQ(find_event(s, EventType::join_network).city, "Paris");
  EXPECT_EQ(find_event(s, EventType::leave_network).network, "C40");

  EXPECT_EQ(s.output.directory, "results/every");
  EXPECT_TRUE(s.output.cities.enabled);
  EXPECT_EQ(s.output.cities.variables, (std::vector<std::string>{"population", "cooperation"}));
  EXPECT_EQ(s.output.cities.stride, 5);
}

TEST(LoadScenario, MinimalScenarioTakesTheDefaults) {
  TempDir dir;
  const std::string file = dir.write("min.yaml", "name: minimal\ndescription: d\ntime: {start: 2000, end: 2000}\n");
  const urbis::Scenario s = urbis::load_scenario(file, defaults());
  EXPECT_EQ(s.world.kind, urbis::WorldSpec::Kind::real);
  EXPECT_TRUE(s.world.real.directory.empty());  // the engine fills in configs/world
  EXPECT_EQ(s.world.real.initial_networks, 0);
  EXPECT_EQ(s.seed, 0u);
  EXPECT_TRUE(s.overrides.empty());
  EXPECT_TRUE(s.events.empty());
  EXPECT_EQ(s.output.directory, "out/minimal");
  EXPECT_FALSE(s.output.cities.enabled);
  EXPECT_EQ(urbis::param_paths().size(), urbis::param_table().size());
  for (const auto& spec : urbis::param_table())
    EXPECT_EQ(urbis::get_param(s.params, spec), urbis::get_param(defaults(), spec)) << spec.path;
}

TEST(LoadScenario, RealDataFolderIsResolvedAgainstTheFile) {
  TempDir dir;
  fs::create_directories(dir.path / "worlds" / "small");
  const std::string file = dir.write("sub/real.yaml",
                                     "name: real\ndescription: d\ntime: {start: 2000, end: 2010}\n"
                                     "world: {data: ../worlds/small, initial_networks: 40}\noutput:\n  cities:\n");
  const urbis::Scenario s = urbis::load_scenario(file, defaults());
  EXPECT_EQ(s.world.kind, urbis::WorldSpec::Kind::real);
  EXPECT_EQ(fs::path(s.world.real.directory), (dir.path / "worlds" / "small").lexically_normal());
  EXPECT_EQ(s.world.real.initial_networks, 40);
  EXPECT_TRUE(s.output.cities.enabled);
  EXPECT_EQ(s.output.cities.variables.size(), 9u);
  EXPECT_EQ(s.output.cities.stride, 1);
}

TEST(LoadScenario, ExtendsMergesKeyByKey) {
  TempDir dir;
  dir.write("base.yaml", R"(name: base
description: The base.
seed: 7
time: {start: 2000, end: 2020}
world:
  synthetic: {cities: 100, states: 10, regions: 2}
parameters:
  economy: {club_benefit: 0.01, migration: 0.002}
events:
  - {year: 2005, type: salience, issue: climate, delta: 0.1, label: base-2005}
  - {year: 2010, type: salience, issue: climate, delta: 0.1, label: base-2010}
output:
  directory: out/base-dir
  cities: {stride: 2}
)");
  const std::string child = dir.write("child.yaml", R"(extends: base
name: child
description: The child.
time: {end: 2030}
world:
  synthetic: {cities: 200}
parameters:
  economy.club_benefit: 0.03
  competition: {home_bias: 0.4}
events:
  - {year: 2003, type: salience, issue: health, delta: 0.2, label: child-2003}
  - {year: 2010, type: salience, issue: health, delta: 0.2, label: child-2010}
  - {year: 2025, type: withdraw, state: USA, agreement: paris, label: child-2025}
output:
  cities: {variables: [gdp]}
)");
  const urbis::Scenario s = urbis::load_scenario(child, defaults());
  EXPECT_EQ(s.name, "child");
  EXPECT_EQ(s.description, "The child.");
  ASSERT_EQ(s.chain.size(), 2u);
  EXPECT_EQ(fs::path(s.chain[0]).filename(), "base.yaml");
  EXPECT_EQ(s.chain[1], child);
  EXPECT_EQ(s.seed, 7u);
  EXPECT_EQ(s.start, 2000);
  EXPECT_EQ(s.end, 2030);
  ASSERT_EQ(s.world.kind, urbis::WorldSpec::Kind::synthetic);
  EXPECT_EQ(s.world.synthetic.cities, 200);
  EXPECT_EQ(s.world.synthetic.states, 10);
  EXPECT_EQ(s.world.synthetic.regions, 2);

  EXPECT_DOUBLE_EQ(s.params.economy.club_benefit, 0.03);
  EXPECT_DOUBLE_EQ(s.params.economy.migration, 0.002);
  EXPECT_DOUBLE_EQ(s.params.competition.home_bias, 0.4);
  EXPECT_EQ(s.overrides.size(), 3u);
  EXPECT_DOUBLE_EQ(s.overrides.at("economy.club_benefit"), 0.03);

  std::vector<std::string> labels;
  for (const auto& e : s.events) labels.push_back(e.label);
  // Parent's events come first, then the child's, then a stable sort by year.
  EXPECT_EQ(labels, (std::vector<std::string>{"child-2003", "base-2005", "base-2010", "child-2010", "child-2025"}));
  EXPECT_EQ(fs::path(s.events[1].where.file).filename(), "base.yaml");
  EXPECT_EQ(s.events[0].where.file, child);

  EXPECT_EQ(s.output.directory, "out/base-dir");
  EXPECT_TRUE(s.output.cities.enabled);
  EXPECT_EQ(s.output.cities.stride, 2);
  EXPECT_EQ(s.output.cities.variables, std::vector<std::string>{"gdp"});
}

TEST(LoadScenario, ExtendsSwitchingWorldFormReplacesTheWorld) {
  TempDir dir;
  dir.write("base.yaml",
            "name: b\ndescription: d\ntime: {start: 2000, end: 2010}\nworld: {synthetic: {cities: 9, states: 3}}\n");
  fs::create_directories(dir.path / "data");
  const std::string child = dir.write("child.yaml", "extends: base.yaml\nworld: {data: data}\n");
  const urbis::Scenario s = urbis::load_scenario(child, defaults());
  EXPECT_EQ(s.name, "b");  // inherited
  EXPECT_EQ(s.world.kind, urbis::WorldSpec::Kind::real);
  EXPECT_EQ(fs::path(s.world.real.directory).filename(), "data");
}

TEST(LoadScenario, ExtendsLooksInTheScenarioFoldersForABareName) {
  TempDir dir;
  dir.write("library/shared_base.yaml", "name: b\ndescription: d\ntime: {start: 2000, end: 2010}\nseed: 3\n");
  const std::string child = dir.write("mine/child.yaml", "extends: shared_base\nname: c\n");
  EXPECT_THROW(urbis::load_scenario(child, defaults()), urbis::InputError);
  const urbis::Scenario s = urbis::load_scenario(child, defaults(), {(dir.path / "library").string()});
  EXPECT_EQ(s.name, "c");
  EXPECT_EQ(s.seed, 3u);
  // A relative path with a folder is taken from the including file's folder.
  const std::string other = dir.write("mine/other.yaml", "extends: ../library/shared_base.yaml\nname: o\n");
  EXPECT_EQ(urbis::load_scenario(other, defaults()).seed, 3u);
}

// Truncations of a valid file, and one-character changes to YAML-significant
// characters, either load or fail with an InputError: no other exception
// escapes, whatever the damage.
TEST(Robustness, DamagedInputsOnlyThrowInputError) {
  TempDir dir;
  const std::string text = kEveryEvent;
  const std::string file = (dir.path / "damaged.yaml").string();
  std::size_t loaded = 0, refused = 0;
  auto attempt = [&](const std::string& t) {
    std::ofstream(file, std::ios::binary | std::ios::trunc) << t;
    try {
      urbis::load_scenario(file, defaults());
      ++loaded;
    } catch (const urbis::InputError& e) {
      ++refused;
      EXPECT_EQ(e.where().file, file);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "non-InputError exception: " << e.what() << "\n--- input ---\n" << t;
    }
  };
  // A sample of positions, each with one of a rotating set of characters
  // (about 300 files: writing them, not parsing, dominates the time).
  const std::string damage = ":[{&*-\"9 \n";
  for (std::size_t i = 0; i < text.size(); i += 16) attempt(text.substr(0, i));
  for (std::size_t i = 0, j = 0; i < text.size(); i += 7, ++j) {
    std::string t = text;
    t[i] = damage[j % damage.size()];
    attempt(t);
  }
  EXPECT_GT(loaded, 0u);
  EXPECT_GT(refused, 0u);
}

// ---------------------------------------------------------------------------

urbis::Scenario minimal() {
  urbis::Scenario s;
  s.params = defaults();
  return s;
}

std::string override_error(const std::string& assignment) {
  urbis::Scenario s = minimal();
  try {
    urbis::apply_override(s, assignment);
  } catch (const urbis::InputError& e) {
    EXPECT_EQ(e.where().file, "--set");
    return e.what();
  }
  ADD_FAILURE() << "apply_override(" << assignment << ") did not fail";
  return {};
}

TEST(ApplyOverride, SetsTheParameterAndRecordsIt) {
  urbis::Scenario s = minimal();
  urbis::apply_override(s, "economy.club_benefit=0.05");
  urbis::apply_override(s, " competition.home_bias = 0.25 ");
  urbis::apply_override(s, "states.endogenous_exit=true");
  urbis::apply_override(s, "coalitions.max_memberships=12");
  urbis::apply_override(s, "salience.baseline.peace=1e-1");
  EXPECT_DOUBLE_EQ(s.params.economy.club_benefit, 0.05);
  EXPECT_DOUBLE_EQ(s.params.competition.home_bias, 0.25);
  EXPECT_DOUBLE_EQ(s.params.states.endogenous_exit, 1);
  EXPECT_DOUBLE_EQ(s.params.coalitions.max_memberships, 12);
  EXPECT_DOUBLE_EQ(param(s.params, "salience.baseline.peace"), 0.1);
  EXPECT_EQ(s.overrides.size(), 5u);
  EXPECT_DOUBLE_EQ(s.overrides.at("competition.home_bias"), 0.25);
  urbis::apply_override(s, "states.endogenous_exit=false");
  EXPECT_DOUBLE_EQ(s.params.states.endogenous_exit, 0);
}

TEST(ApplyOverride, RejectsBadInput) {
  std::string msg = override_error("economy.club_benfit=0.1");
  EXPECT_NE(msg.find("--set: "), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean 'economy.club_benefit'?"), std::string::npos) << msg;
  msg = override_error("competition.home_bias=1.5");
  EXPECT_NE(msg.find("competition.home_bias: expected a number in [0, 1], got '1.5'"), std::string::npos) << msg;
  msg = override_error("competition.home_bias=lots");
  EXPECT_NE(msg.find("expected a number, got 'lots'"), std::string::npos) << msg;
  msg = override_error("competition.home_bias=true");
  EXPECT_NE(msg.find("expected a number"), std::string::npos) << msg;
  msg = override_error("states.endogenous_exit=maybe");
  EXPECT_NE(msg.find("expected true or false"), std::string::npos) << msg;
  msg = override_error("coalitions.max_memberships=2.5");
  EXPECT_NE(msg.find("a whole number in [1, 64]"), std::string::npos) << msg;
  msg = override_error("economy.club_benefit");
  EXPECT_NE(msg.find("expected path=value"), std::string::npos) << msg;
  msg = override_error("economy=1");
  EXPECT_NE(msg.find("group of parameters"), std::string::npos) << msg;
  msg = override_error("economy.club_benefit=nan");
  EXPECT_NE(msg.find("expected a number"), std::string::npos) << msg;
  msg = override_error("=3");
  EXPECT_NE(msg.find("expected a parameter path"), std::string::npos) << msg;
}

// ---------------------------------------------------------------------------

TEST(ShippedScenarios, EveryFileInScenariosLoads) {
  const fs::path folder = fs::path(URBIS_SOURCE_DIR) / "scenarios";
  if (!fs::is_directory(folder)) GTEST_SKIP() << "no scenarios/ folder";
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(folder))
    if (e.is_regular_file() && (e.path().extension() == ".yaml" || e.path().extension() == ".yml"))
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    try {
      const urbis::Scenario s = urbis::load_scenario(f.string(), defaults(), {folder.string()});
      EXPECT_FALSE(s.name.empty());
      EXPECT_LE(s.start, s.end);
    } catch (const urbis::InputError& e) {
      ADD_FAILURE() << e.what();
    }
  }
  if (files.empty()) GTEST_SKIP() << "scenarios/ holds no YAML files yet";
}

}  // namespace
