// agreements.yaml (sim/world/agreements_file): parties at the start and
// accessions later; errors placed in the file.
#include <algorithm>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "world_test_support.hpp"

namespace urbis {
namespace {

TEST(RealWorldAgreements, AgreementsAtTheStartAndLater) {
  {
    const WorldData& d = world_at(2015);
    const World& w = d.world;
    const int paris = w.agreement_index("paris"), eu = w.agreement_index("eu");
    ASSERT_GE(paris, 0);
    ASSERT_GE(eu, 0);
    EXPECT_FALSE(w.agreements[static_cast<std::size_t>(paris)].is_union);
    EXPECT_TRUE(w.agreements[static_cast<std::size_t>(eu)].is_union);
    EXPECT_EQ(w.agreements[static_cast<std::size_t>(eu)].issue, Issue::economy);
    ASSERT_EQ(w.states.in_agreement.size(), w.agreements.size());
    const auto& in_paris = w.states.in_agreement[static_cast<std::size_t>(paris)];
    EXPECT_EQ(std::count(in_paris.begin(), in_paris.end(), 1), static_cast<long>(w.states.size()));
    const auto& in_eu = w.states.in_agreement[static_cast<std::size_t>(eu)];
    for (const char* iso3 : {"GBR", "DEU", "HRV", "POL", "FRA"})
      EXPECT_EQ(in_eu[static_cast<std::size_t>(state_index(w, iso3))], 1) << iso3;
    for (const char* iso3 : {"USA", "NOR", "CHE", "TUR"})
      EXPECT_EQ(in_eu[static_cast<std::size_t>(state_index(w, iso3))], 0) << iso3;
    EXPECT_TRUE(d.agreement_changes.empty());
    EXPECT_GE(count_problems(d, "agreements.yaml: eu:", "LUX"), 1);
  }
  {
    const WorldData& d = world_at(2000);
    const World& w = d.world;
    const int eu = w.agreement_index("eu");
    const auto& in_eu = w.states.in_agreement[static_cast<std::size_t>(eu)];
    EXPECT_EQ(in_eu[static_cast<std::size_t>(state_index(w, "GBR"))], 1);
    EXPECT_EQ(in_eu[static_cast<std::size_t>(state_index(w, "POL"))], 0);
    EXPECT_TRUE(std::is_sorted(d.agreement_changes.begin(), d.agreement_changes.end(),
                               [](const AgreementChange& a, const AgreementChange& b) { return a.year < b.year; }));
    std::map<std::string, int> year_of;
    for (const auto& c : d.agreement_changes) {
      EXPECT_TRUE(c.joins);
      EXPECT_EQ(c.agreement, eu);
      year_of[w.states.iso3[static_cast<std::size_t>(c.state)]] = c.year;
    }
    EXPECT_EQ(year_of["POL"], 2004);
    EXPECT_EQ(year_of["ROU"], 2007);
    EXPECT_EQ(year_of["HRV"], 2013);
    EXPECT_EQ(year_of.count("GBR"), 0u);
  }
}

TEST_F(BadWorld, AgreementWithUnknownState) {
  replace("agreements.yaml", "2013: [HRV]", "2013: [HRW]");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "agreements.yaml"));
  EXPECT_NE(e.message().find("unknown state 'HRW'"), std::string::npos) << e.what();
  EXPECT_GT(e.where().column, 0);
}

}  // namespace
}  // namespace urbis
