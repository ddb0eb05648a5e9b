// state_traits.yaml (sim/world/state_traits_file): traits from the file,
// unknown (NaN) where it gives none; errors placed in the file.
#include <cmath>

#include <gtest/gtest.h>

#include "world_test_support.hpp"

namespace urbis {
namespace {

TEST(RealWorldTraits, FromTheFileOrUnknown) {
  const World& w = world_at(2015).world;
  const States& s = w.states;
  // Traits: from state_traits.yaml where listed; unknown (the model's
  // defaults at initialisation) otherwise. The loader reads no parameter.
  const int us = state_index(w, "USA");
  EXPECT_DOUBLE_EQ(s.populism[us], 0.35);
  EXPECT_DOUBLE_EQ(s.centralisation[us], 0.3);
  EXPECT_DOUBLE_EQ(s.openness[us], 0.7);
  EXPECT_TRUE(std::isnan(s.tax_share[us]));
  const int cn = state_index(w, "CHN");
  EXPECT_DOUBLE_EQ(s.centralisation[cn], 0.9);
  const int af = state_index(w, "AFG");
  EXPECT_TRUE(std::isnan(s.populism[af]));
  EXPECT_TRUE(std::isnan(s.openness[af]));
}

TEST_F(BadWorld, TraitOutOfRangeAndUnknownTrait) {
  replace("state_traits.yaml", "USA: {populism: 0.35", "USA: {populism: 1.35");
  InputError e = load_error();
  EXPECT_TRUE(ends_with(e.where().file, "state_traits.yaml"));
  EXPECT_NE(e.message().find("populism must be in [0, 1]"), std::string::npos) << e.what();

  replace("state_traits.yaml", "USA: {populism: 1.35", "USA: {populist: 0.35");
  e = load_error();
  EXPECT_NE(e.message().find("did you mean 'populism'"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace urbis
