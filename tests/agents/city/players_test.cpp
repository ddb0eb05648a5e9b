// Cities people play (agents/city/players.hpp): their x is the player's, the
// model's imitation and portfolio review leave them alone, and their joins
// pass the model's checks (eligibility, a free slot, the fee within x D).
#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

#include "agents/city/learning.hpp"
#include "agents/city/players.hpp"
#include "agents/city/portfolio.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

std::vector<int> row(const World& w, std::size_t i) {
  std::vector<int> r(w.members.of(i).begin(), w.members.of(i).end());
  std::sort(r.begin(), r.end());
  return r;
}

TEST(Players, NoPlayersMeansANullMask) {
  World w = test::make_world(test::reference_params(), 3);
  EXPECT_EQ(w.players.mask(), nullptr);
  w.players.play(3, 1, {.cooperation = 0.7, .join = {}, .leave = {}});
  ASSERT_NE(w.players.mask(), nullptr);
  EXPECT_EQ(w.players.mask()[1], 1);
  EXPECT_EQ(w.players.mask()[0], 0);
  w.players.release(1);
  EXPECT_EQ(w.players.mask(), nullptr);
}

TEST(Players, CooperationIsTheChoiceAndImitationLeavesItAlone) {
  Params p = test::reference_params();
  p.learning.imitation_probability = 1.0;   // everyone imitates...
  p.learning.same_state_probability = 1.0;  // ...a peer of the same state...
  p.learning.mutation_probability = 0.0;
  p.learning.imitation_temperature = 1e-6;  // ...and adopts a better peer's x for sure
  World a = test::make_world(p, 6);
  for (std::size_t i = 0; i < 6; ++i) {
    a.cities.cooperation[i] = 0.1 * static_cast<double>(i);
    a.cities.payoff[i] = 0.01 * static_cast<double>(i);  // city 5 is the best off
  }
  World b = a;  // the same world with nobody playing
  a.players.play(6, 0, {.cooperation = 0.95, .join = {}, .leave = {}});
  apply_player_cooperation(a.players, a.cities);
  b.cities.cooperation[0] = 0.95;
  EXPECT_DOUBLE_EQ(a.cities.cooperation[0], 0.95);

  const Streams rng(11);
  MemberIndex none;
  none.build(a.members, 0);
  imitate(a.members, none, a.by_state, a.players, p.learning, rng, 3, a.cities);
  imitate(b.members, none, b.by_state, b.players, p.learning, rng, 3, b.cities);
  EXPECT_EQ(a.cities.cooperation[0], 0.95) << "the played city kept its player's x";
  int changed = 0;
  for (std::size_t i = 1; i < 6; ++i) {
    EXPECT_EQ(a.cities.cooperation[i], b.cities.cooperation[i]) << "city " << i << ": no other draw shifted";
    changed += a.cities.cooperation[i] != 0.1 * static_cast<double>(i);
  }
  EXPECT_GT(changed, 0) << "the model's cities did imitate";
  EXPECT_NE(b.cities.cooperation[0], 0.95) << "unplayed, city 0 would have imitated";
}

TEST(Players, JoinsPassTheModelsChecksAndTheReviewSkipsPlayedCities) {
  Params p = test::reference_params();
  p.coalitions.u_join = -1e9;  // the model's cities would take every network they can afford
  p.coalitions.u_leave = -2e9;
  World w = test::make_world(p, {0, 0, 1}, 2, 2, {}, /*slots=*/3);  // state 1 is in region 1
  for (std::size_t i = 0; i < 3; ++i) w.cities.intl_budget[i] = 1e6;
  w.cities.cooperation[0] = 0.1;  // x D = 1e5 USD for cooperation
  const int a = test::add_network(w, {.name = "A"});
  const int b = test::add_network(w, {.name = "B"});
  const int c = test::add_network(w, {.name = "C", .scope = test::region_scope(1)});  // not open to state 0
  const int d = test::add_network(w, {.name = "D"});
  const int e = test::add_network(w, {.name = "E"});
  const int f = test::add_network(w, {.name = "F"});
  w.networks.active[d] = 0;
  w.networks.fee[a] = 5e4;
  w.networks.fee[b] = 3e4;
  w.networks.fee[c] = 1e3;
  w.networks.fee[d] = 1e3;
  w.networks.fee[e] = 8e4;  // 5e4 + 3e4 + 8e4 > 1e5
  w.networks.fee[f] = 1e4;
  w.members.add(0, a);
  w.members.add(1, a);

  // City 0 keeps A and asks for B, C, D, E, F in that order; city 1 leaves A.
  w.players.play(3, 0, {.cooperation = 0.1, .join = {b, c, d, e, f}, .leave = {}});
  w.players.play(3, 1, {.cooperation = 0.5, .join = {}, .leave = {a}});
  const Streams rng(5);
  const PortfolioStats s = test::review(w, p, rng, 1, 1.0);

  EXPECT_EQ(row(w, 0), (std::vector<int>{a, b, f}));  // B fits (8e4), E does not (1.6e5), F does (9e4)
  const auto& refused = w.players.find(0)->refused;
  ASSERT_EQ(refused.size(), 3u);
  EXPECT_EQ(refused[0].network, c);
  EXPECT_EQ(refused[0].reason, JoinRefusal::not_eligible);
  EXPECT_EQ(refused[1].network, d);
  EXPECT_EQ(refused[1].reason, JoinRefusal::not_active);
  EXPECT_EQ(refused[2].network, e);
  EXPECT_EQ(refused[2].reason, JoinRefusal::over_budget);
  EXPECT_TRUE(row(w, 1).empty()) << "city 1 left A and, played, joined nothing";
  EXPECT_FALSE(row(w, 2).empty()) << "the model's city 2 reviewed and joined";
  // The moves counted: the players' and the model's city 2's.
  const auto model = row(w, 2);
  auto joined_by_2 = [&](int k) { return static_cast<int>(std::count(model.begin(), model.end(), k)); };
  EXPECT_EQ(s.left[a], 1);
  EXPECT_EQ(s.joined[b], 1 + joined_by_2(b));
  EXPECT_EQ(s.joined[f], 1 + joined_by_2(f));
  EXPECT_EQ(s.joined[e], joined_by_2(e));

  // All three slots taken: the next join is refused for want of a slot.
  w.networks.fee[e] = 0;
  w.players.play(3, 0, {.cooperation = 0.1, .join = {e}, .leave = {}});
  test::review(w, p, rng, 2, 1.0);
  EXPECT_EQ(row(w, 0), (std::vector<int>{a, b, f}));
  ASSERT_EQ(w.players.find(0)->refused.size(), 1u);
  EXPECT_EQ(w.players.find(0)->refused[0].reason, JoinRefusal::no_slot);
}

}  // namespace
}  // namespace urbis
