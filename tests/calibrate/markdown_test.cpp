// The validation table in Markdown, and its replacement between the markers
// of docs/VALIDATION.md.
#include <gtest/gtest.h>

#include "sim/calibrate/markdown.hpp"

namespace urbis::test {
namespace {

using namespace calib;

const std::string kDoc =
    std::string("# Validation\n\nProse above.\n\n") + kTableBegin + "\nold table\n" + kTableEnd + "\n\nProse below.\n";

TEST(Markdown, ReplacesOnlyBetweenTheMarkers) {
  const std::string out = replace_fragment(kDoc, "| new |\n", "VALIDATION.md");
  EXPECT_EQ(out, std::string("# Validation\n\nProse above.\n\n") + kTableBegin + "\n| new |\n" + kTableEnd +
                     "\n\nProse below.\n");
  EXPECT_EQ(replace_fragment(out, "| new |\n", "VALIDATION.md"), out);  // regenerating changes nothing
  EXPECT_EQ(replace_fragment(out, "old table\n", "VALIDATION.md"), kDoc);
}

TEST(Markdown, MarkersMissingRepeatedOrReversed) {
  auto message = [](const std::string& doc) {
    try {
      replace_fragment(doc, "x\n", "VALIDATION.md");
    } catch (const InputError& e) {
      return format_place(e.where()) + ": " + e.message();
    }
    return std::string("no error");
  };
  EXPECT_NE(message("no markers\n").find("no table markers"), std::string::npos);
  EXPECT_NE(message(std::string(kTableBegin) + "\n").find("no table markers"), std::string::npos);
  EXPECT_EQ(message(kDoc + kTableBegin + "\n"), std::string("VALIDATION.md:10:1: a second ") + kTableBegin);
  EXPECT_EQ(message(std::string(kTableEnd) + "\n" + kTableBegin + "\n"),
            std::string("VALIDATION.md:1:1: ") + kTableEnd + " comes before " + kTableBegin);
}

TEST(Markdown, TableRows) {
  CalibConfig c;
  c.scenario.name = "baseline";
  c.seeds = {1, 2, 3};
  CalibTarget count;
  count.name = "networks_2018";
  count.from = count.to = 2018;
  count.range = true;
  count.low = 250, count.high = 300;
  count.source = "article | p. 3";
  CalibTarget paired;
  paired.name = "withdrawal";
  paired.quantity = {Measure::state_members, "", "", "USA", Issue::climate};
  paired.from = 2018, paired.to = 2019;
  paired.scenario = "paris_withdrawal";
  paired.compare_with = "baseline";
  paired.difference = Difference::relative;
  paired.centre = 0.3, paired.scale = 0.1;
  c.targets = {count, paired};
  Evaluation e;
  e.fits = {{277.66, 32.54, true}, {0.0393, 0.0251, false}};
  const std::string md = validation_markdown(c, e, "urbis calibrate v.yaml --evaluate");
  EXPECT_NE(md.find("| pattern | source | target | model: mean ± sd over 3 seeds | met |\n|---|---|---|---|---|\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| networks_2018: active networks, 2018 | article \\| p. 3 | 250-300 | 277.7 ± 32.5 | yes |\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| withdrawal: USA's climate memberships, 2018-2019: paris_withdrawal vs baseline (relative "
                    "difference) |  | +30% ± 10 points | +3.9% ± 2.5 points | **no** |\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("1 of 2 patterns met; seeds 1-3. Regenerate with `urbis calibrate v.yaml --evaluate`."),
            std::string::npos)
      << md;
}

}  // namespace
}  // namespace urbis::test
