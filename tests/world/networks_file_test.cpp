// networks.yaml (sim/world/networks_file): the named networks, their scopes
// and rules; errors placed in the file.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "world_test_support.hpp"

namespace urbis {
namespace {

TEST(RealWorldNetworks, NamedNetworks) {
  const WorldData& d = world_at(2015);
  const World& w = d.world;
  EXPECT_EQ(d.networks.size(), 17u);
  EXPECT_TRUE(std::is_sorted(d.networks.begin(), d.networks.end(),
                             [](const NetworkSeed& a, const NetworkSeed& b) { return a.founded < b.founded; }));
  const NetworkSeed* rc = network(d, "100 Resilient Cities");
  ASSERT_NE(rc, nullptr);
  EXPECT_TRUE(rc->sponsored);
  EXPECT_EQ(rc->funding, 15e6);
  EXPECT_EQ(rc->funding_until, 2019);
  EXPECT_EQ(rc->ended, 2019);
  EXPECT_EQ(rc->issue, Issue::resilience);

  const NetworkSeed* euro = network(d, "Eurocities");
  ASSERT_NE(euro, nullptr);
  EXPECT_EQ(euro->scope.kind, ScopeKind::region);
  EXPECT_EQ(w.region_names[static_cast<std::size_t>(euro->scope.index)], "Europe");

  const NetworkSeed* ubc = network(d, "Union of the Baltic Cities");
  ASSERT_NE(ubc, nullptr);
  ASSERT_EQ(ubc->scope.kind, ScopeKind::states);
  ASSERT_EQ(ubc->scope.states.size(), w.states.size());
  EXPECT_EQ(ubc->scope.states[static_cast<std::size_t>(state_index(w, "DEU"))], 1);
  EXPECT_EQ(ubc->scope.states[static_cast<std::size_t>(state_index(w, "LTU"))], 1);
  EXPECT_EQ(ubc->scope.states[static_cast<std::size_t>(state_index(w, "FRA"))], 0);
  EXPECT_EQ(std::count(ubc->scope.states.begin(), ubc->scope.states.end(), 1), 10);

  const NetworkSeed* sci = network(d, "Sister Cities International");
  ASSERT_NE(sci, nullptr);
  EXPECT_EQ(sci->scope.kind, ScopeKind::global);
  EXPECT_TRUE(sci->members.empty());
}

const char* kNetworksHead = "networks:\n";

TEST_F(BadWorld, UnknownIssueSuggestsTheNearest) {
  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climat\n"
                             "    scope: global\n"
                             "    founded: 1990\n");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "networks.yaml"));
  EXPECT_EQ(e.where().line, 3);
  EXPECT_EQ(e.where().column, 12);
  EXPECT_NE(e.message().find("did you mean 'climate'"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("resilience"), std::string::npos) << e.what();  // the valid choices
}

TEST_F(BadWorld, FoundedAfterEnded) {
  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope: global\n"
                             "    founded: 2019\n"
                             "    ended: 2013\n");
  const InputError e = load_error();
  EXPECT_EQ(e.where().line, 6);
  EXPECT_EQ(e.where().column, 12);
  EXPECT_NE(e.message().find("before it is founded"), std::string::npos) << e.what();
}

TEST_F(BadWorld, CapOnAListedNetwork) {
  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope: global\n"
                             "    founded: 1990\n"
                             "    members_file: c40-members.csv\n"
                             "    max_members: 10\n");
  const InputError e = load_error();
  EXPECT_EQ(e.where().line, 7);
  EXPECT_EQ(e.where().column, 18);
  EXPECT_NE(e.message().find("max_members caps a rule-based network"), std::string::npos) << e.what();
}

// Each count or amount of a network must be at least 0; the error is placed
// at the value and says what the key allows.
TEST_F(BadWorld, NegativeCountsAndAmounts) {
  const struct {
    std::string key, expect;
    bool invited;  // the key needs an invitation-only network
  } cases[] = {
      {"min_population", "min_population must be at least 0", false},
      {"fee_multiple", "fee_multiple must be at least 0", false},
      {"funding", "funding must be at least 0", false},
      {"funding_until", "funding_until must be a year, or 0", false},
      {"founding_members", "founding_members must be at least 0 (0: all)", true},
      {"invitations_per_year", "invitations_per_year must be at least 0", true},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.key);
    const std::string invited = c.invited ? "    members_file: c40-members.csv\n    invitation: true\n" : "";
    write("networks.yaml", std::string(kNetworksHead) +
                               "  - name: A\n"
                               "    issue: climate\n"
                               "    scope: global\n"
                               "    founded: 1990\n" +
                               invited + "    " + c.key + ": -1\n");
    const InputError e = load_error();
    EXPECT_EQ(e.where().line, c.invited ? 8 : 6);
    EXPECT_EQ(e.where().column, static_cast<int>(c.key.size()) + 7);
    EXPECT_NE(e.message().find(c.expect), std::string::npos) << e.what();
  }
}

TEST_F(BadWorld, UnknownKey) {
  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope: global\n"
                             "    founded: 1990\n"
                             "    min_populaton: 5\n");
  const InputError e = load_error();
  EXPECT_EQ(e.where().line, 6);
  EXPECT_EQ(e.where().column, 5);
  EXPECT_NE(e.message().find("did you mean 'min_population'"), std::string::npos) << e.what();
}

TEST_F(BadWorld, UnknownRegionUnionAndState) {
  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope: region:Eurpe\n"
                             "    founded: 1990\n");
  InputError e = load_error();
  EXPECT_EQ(e.where().line, 4);
  EXPECT_NE(e.message().find("did you mean 'Europe'"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("Oceania"), std::string::npos) << e.what();

  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope: union:paris\n"
                             "    founded: 1990\n");
  e = load_error();
  EXPECT_NE(e.message().find("unknown union 'paris'"), std::string::npos) << e.what();
  EXPECT_NE(e.message().find("unions: eu"), std::string::npos) << e.what();

  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope:\n"
                             "      states: [DNK, DEUU]\n"
                             "    founded: 1990\n");
  e = load_error();
  EXPECT_EQ(e.where().line, 5);
  EXPECT_EQ(e.where().column, 21);
  EXPECT_NE(e.message().find("unknown state 'DEUU'"), std::string::npos) << e.what();
}

TEST_F(BadWorld, BadYearType) {
  write("networks.yaml", std::string(kNetworksHead) +
                             "  - name: A\n"
                             "    issue: climate\n"
                             "    scope: global\n"
                             "    founded: soon\n");
  const InputError e = load_error();
  EXPECT_EQ(e.where().line, 5);
  EXPECT_EQ(e.where().column, 14);
  EXPECT_EQ(e.message(), "founded: expected a whole number, got 'soon'");
}

TEST_F(BadWorld, YamlSyntaxError) {
  write("networks.yaml", "networks:\n  - name: [A\n    issue: climate\n");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "networks.yaml"));
  EXPECT_GT(e.where().line, 0);
}

}  // namespace
}  // namespace urbis
