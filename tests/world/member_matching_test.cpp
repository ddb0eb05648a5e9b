// Members files matched to the world's cities (sim/world/member_matching):
// every name a member or a problem, never dropped silently.
#include <fstream>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "sim/core/csv_reader.hpp"

#include "world_test_support.hpp"

namespace urbis {
namespace {

TEST(RealWorldMembers, C40MembersAllMatchedOrReported) {
  const WorldData& d = world_at(2015);
  const World& w = d.world;
  const NetworkSeed* c40 = network(d, "C40");
  ASSERT_NE(c40, nullptr);
  const int rows = static_cast<int>(read_csv((test::world_dir() / "c40-members.csv").string()).rows.size());
  EXPECT_EQ(rows, 97);
  const int merged = count_problems(d, "C40: ", "counted once");
  const int left_out = count_problems(d, "C40: ", "left out");
  const int added = count_problems(d, "C40: ", "added from Natural Earth");
  EXPECT_EQ(static_cast<int>(c40->members.size()) + merged + left_out, rows);
  EXPECT_EQ(left_out, 0);
  EXPECT_GE(added, 1);  // Heidelberg is below the UN threshold
  EXPECT_EQ(std::set<int>(c40->members.begin(), c40->members.end()).size(), c40->members.size());
  std::set<std::string> names;
  for (int i : c40->members) names.insert(w.cities.name[static_cast<std::size_t>(i)]);
  for (const char* n : {"New York-Newark", "Washington, D.C.", "London", "Tokyo", "Heidelberg", "Pretoria",
                        "Ekurhuleni", "Hong Kong", "São Paulo", "Krung Thep (Bangkok)"})
    EXPECT_TRUE(names.count(n)) << n;
  const int hd = city_index(w, "Heidelberg");
  ASSERT_GE(hd, 0);
  const int de = w.cities.state[hd];
  EXPECT_EQ(w.states.iso3[static_cast<std::size_t>(de)], "DEU");
  // Not a UN agglomeration: its populated place's population in 2015, with
  // its nation's growth.
  const Anchors& a = *w.anchors;
  EXPECT_DOUBLE_EQ(a.city_population_at(static_cast<std::size_t>(hd), 2015), w.cities.population[hd]);
  EXPECT_NEAR(a.city_population_at(static_cast<std::size_t>(hd), 2000) / w.cities.population[hd],
              a.national_population_at(static_cast<std::size_t>(de), 2000) /
                  a.national_population_at(static_cast<std::size_t>(de), 2015),
              1e-12);
  EXPECT_EQ(c40->founding_members, 18);
  EXPECT_EQ(c40->invitations_per_year, 6);
  // C40 is a club by invitation: its named members may belong whatever their size.
  EXPECT_TRUE(c40->invitation);
  EXPECT_EQ(c40->min_population, 0.0);
  EXPECT_EQ(c40->issue, Issue::climate);
  EXPECT_EQ(c40->founded, 2005);
}

TEST_F(BadWorld, AliasToAMissingAgglomeration) {
  replace("networks.yaml", "New York City: New York-Newark", "New York City: New York-Newark City");
  const InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "networks.yaml"));
  EXPECT_GT(e.where().line, 0);
  EXPECT_NE(e.message().find("did you mean 'New York-Newark'"), std::string::npos) << e.what();
}

TEST_F(BadWorld, UnmatchedMemberIsReportedNotDropped) {
  std::string members = read("c40-members.csv");
  members += "Atlantis,GRC,Europe\nGotham,XXX,Europe\n";
  write("c40-members.csv", members);
  const WorldData d = load();
  int atlantis = 0, gotham = 0;
  for (const auto& p : d.problems) {
    if (p.find("'Atlantis' (GRC) not found") != std::string::npos) ++atlantis;
    if (p.find("'Gotham' (XXX) not found") != std::string::npos) ++gotham;
  }
  EXPECT_EQ(atlantis, 1);
  EXPECT_EQ(gotham, 1);
}

}  // namespace
}  // namespace urbis
