// Messages for what users wrote (sim/core/input_error): places, nearest
// names and "did you mean".
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/core/input_error.hpp"
#include "sim/core/param_table.hpp"

namespace urbis {
namespace {

TEST(NearestName, FindsOneTypoAway) {
  const std::vector<std::string> paths = param_paths();
  EXPECT_EQ(nearest_name("competition.home_bais", paths), "competition.home_bias");
  EXPECT_EQ(nearest_name("competition.contest_exponnt", paths), "competition.contest_exponent");
  EXPECT_EQ(nearest_name("coalitions.u_joni", paths), "coalitions.u_join");
  EXPECT_EQ(nearest_name("salience.baseline.climat", paths), "salience.baseline.climate");
}

TEST(NearestName, IgnoresCase) {
  const std::vector<std::string> issues = {"climate", "health", "security"};
  EXPECT_EQ(nearest_name("CLIMATE", issues), "climate");
  EXPECT_EQ(nearest_name("Helth", issues), "health");
}

TEST(NearestName, RefusesFarWords) {
  const std::vector<std::string> issues = {"climate", "health", "security", "resilience", "economy", "peace"};
  EXPECT_EQ(nearest_name("transport", issues), "");
  EXPECT_EQ(nearest_name("zzz", issues), "");
  EXPECT_EQ(nearest_name("anything", {}), "");
  // A transposition of neighbours is one edit.
  EXPECT_EQ(nearest_name("peaec", issues), "peace");
  EXPECT_EQ(nearest_name("CNA", {"BFA", "CAN"}), "CAN");  // two substitutions away from both, one swap from CAN
  // Long words allow a third of their length: 4 edits on 12 letters, not 5 on 13.
  EXPECT_EQ(nearest_name("securityyyyy", issues), "security");
  EXPECT_EQ(nearest_name("securityyyyyy", issues), "");
}

TEST(NearestName, PicksTheClosest) {
  EXPECT_EQ(nearest_name("u_jon", {"u_leave", "u_join"}), "u_join");
  // Ties go to the first candidate.
  EXPECT_EQ(nearest_name("ab", {"ax", "ay"}), "ax");
}

TEST(DidYouMean, FormatsTheSuggestion) {
  const std::vector<std::string> kinds = {"withdraw", "join", "leave_union", "join_union"};
  EXPECT_EQ(did_you_mean("withdrw", kinds), " (did you mean 'withdraw'?)");
  EXPECT_EQ(did_you_mean("explode", kinds), "");
}

TEST(ListChoices, ShortensLongLists) {
  EXPECT_EQ(list_choices({"a", "b", "c"}), "a, b, c");
  EXPECT_EQ(list_choices({}), "");
  EXPECT_EQ(list_choices({"a", "b", "c", "d"}, 2), "a, b, ... (4 in all)");
}

TEST(InputError, CarriesItsPlace) {
  EXPECT_EQ(format_place({"s.yaml", 3, 7}), "s.yaml:3:7");
  EXPECT_EQ(format_place({"s.yaml", 3, 0}), "s.yaml:3");
  EXPECT_EQ(format_place({"s.yaml", 0, 0}), "s.yaml");
  const InputError e({"s.yaml", 12, 5}, "unknown type 'explode'");
  EXPECT_STREQ(e.what(), "s.yaml:12:5: unknown type 'explode'");
  EXPECT_EQ(e.message(), "unknown type 'explode'");
  EXPECT_EQ(e.where().line, 12);
}

}  // namespace
}  // namespace urbis
