// The sparse membership table (agents/membership) and the tiny-world helper.
#include <vector>

#include <gtest/gtest.h>

#include "agents/membership.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

TEST(Memberships, AddHasRemoveKeepOrder) {
  Memberships m;
  m.reset(3, 3);
  EXPECT_EQ(m.cities(), 3u);
  EXPECT_TRUE(m.add(1, 5));
  EXPECT_TRUE(m.add(1, 2));
  EXPECT_TRUE(m.add(1, 5));  // already there: still true, no duplicate
  EXPECT_TRUE(m.add(1, 9));
  EXPECT_FALSE(m.add(1, 7));  // slots full
  EXPECT_EQ(m.count[1], 3);
  EXPECT_TRUE(m.has(1, 2));
  EXPECT_FALSE(m.has(0, 2));
  m.remove(1, 2);
  EXPECT_EQ(std::vector<std::int32_t>(m.of(1).begin(), m.of(1).end()), (std::vector<std::int32_t>{5, 9}));
  m.remove(1, 42);  // absent: nothing happens
  EXPECT_EQ(m.count[1], 2);
  EXPECT_EQ(m.total(), 2u);
  m.clear(1);
  EXPECT_EQ(m.total(), 0u);
}

TEST(MemberIndex, ListsMembersOfEachNetworkSorted) {
  Memberships m;
  m.reset(4, 4);
  m.add(3, 0);
  m.add(0, 1);
  m.add(0, 0);
  m.add(2, 1);
  MemberIndex idx;
  idx.build(m, 3);
  EXPECT_EQ(std::vector<std::int32_t>(idx.of(0).begin(), idx.of(0).end()), (std::vector<std::int32_t>{0, 3}));
  EXPECT_EQ(std::vector<std::int32_t>(idx.of(1).begin(), idx.of(1).end()), (std::vector<std::int32_t>{0, 2}));
  EXPECT_TRUE(idx.of(2).empty());
}

TEST(TinyWorld, IndexesStates) {
  const Params p = test::reference_params();
  World w = test::make_world(p, {1, 0, 1, 1}, 2, 2);
  EXPECT_EQ(w.by_state.offsets, (std::vector<std::int64_t>{0, 1, 4}));
  EXPECT_EQ(w.by_state.cities, (std::vector<std::int32_t>{1, 0, 2, 3}));
  EXPECT_EQ(w.cities.region[0], 1);
  EXPECT_EQ(w.global.salience[test::iq(Issue::climate)], 0.6);
  test::refresh(w, p);
  EXPECT_EQ(w.global.world_gdp, 4e10);
  EXPECT_EQ(w.global.world_gdp_pc, 1e4);
}

}  // namespace
}  // namespace urbis
