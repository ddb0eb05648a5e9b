// Named networks (MODEL 7.5): founded from their seed, by a members list, by
// invitation (C40: founders, then invitations year by year) or by the
// acceptance rule; played cities never join on their own.
#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

#include "agents/city/portfolio.hpp"
#include "agents/network/named.hpp"
#include "analysis/event_words.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

using test::iq;

// Ten cities of one state with populations 1..10 x 1e6, climate gap wide.
World named_world(const Params& p) {
  World w = test::make_world(p, 10);
  for (std::size_t i = 0; i < 10; ++i) test::set_city_economy(w, i, 1e6 * static_cast<double>(i + 1), 1e4);
  w.states.commitment[0] = 0.1;
  update_gaps(w.global, w.states, p.coalitions);
  w.states.gap_recent = w.states.gap;
  test::refresh(w, p);
  return w;
}

std::vector<int> members(const World& w, int k) {
  std::vector<int> m;
  for (std::size_t i = 0; i < w.cities.size(); ++i)
    if (w.members.has(i, k)) m.push_back(static_cast<int>(i));
  return m;
}

NetworkSeed club_seed() {
  NetworkSeed s;
  s.name = "club";
  s.issue = Issue::climate;
  s.invitation = true;
  s.members = {1, 3, 5, 6, 8, 9};  // listed cities
  s.founding_members = 2;
  s.invitations_per_year = 3;
  s.founded = 2000;
  return s;
}

TEST(Named, ByInvitationTheLargestListedFoundIt) {
  const Params p = test::reference_params();
  World w = named_world(p);
  const int k = found_named_network(w.coalition_view(), club_seed(), p, Streams(1), 0);
  EXPECT_EQ(members(w, k), (std::vector<int>{8, 9}));  // the two largest listed
  EXPECT_EQ(w.networks.invited[k], (std::vector<std::int32_t>{8, 9}));
  EXPECT_EQ(w.networks.invite_queue[k], (std::vector<std::int32_t>{6, 5, 3, 1}));  // largest first
  EXPECT_TRUE(w.networks.named[k]);
  EXPECT_EQ(w.networks.origin[k], NetworkOrigin::named);
  EXPECT_EQ(w.log.back().kind, EventKind::named_founded);
  EXPECT_EQ(w.log.back().count, 2);
  std::string said;
  event_detail(w, w.log.back(), said);
  EXPECT_EQ(said, "named network with 2 members");
  // Nobody else may join: not listed, or not yet invited.
  const MembershipValuer v(w.coalition_view(), p.coalitions);
  EXPECT_FALSE(v.admits(6, k));
  EXPECT_FALSE(v.admits(0, k));
}

TEST(Named, InvitationsComeYearByYearAndTheInvitedReview) {
  const Params p = test::reference_params();
  World w = named_world(p);
  const int k = found_named_network(w.coalition_view(), club_seed(), p, Streams(1), 0);
  extend_invitations(w.global.year, w.networks, w.cities, w.log);  // the founding year: none yet
  EXPECT_EQ(w.networks.invite_queue[k].size(), 4u);
  ++w.global.year;
  extend_invitations(w.global.year, w.networks, w.cities, w.log);
  EXPECT_EQ(w.networks.invited[k], (std::vector<std::int32_t>{3, 5, 6, 8, 9}));
  EXPECT_EQ(w.networks.invite_queue[k], (std::vector<std::int32_t>{1}));
  for (int i : {3, 5, 6}) EXPECT_EQ(w.cities.review_now[i], 1) << i;
  EXPECT_EQ(w.cities.review_now[1], 0);
  // They review this year (review probability 0 for everyone else) and,
  // with a wide gap and nothing else on climate, join.
  test::review(w, p, Streams(2), 1, 0.0);
  EXPECT_EQ(members(w, k), (std::vector<int>{3, 5, 6, 8, 9}));
  for (int i = 0; i < 10; ++i) EXPECT_EQ(w.cities.review_now[i], 0);  // done
  ++w.global.year;
  extend_invitations(w.global.year, w.networks, w.cities, w.log);
  EXPECT_TRUE(w.networks.invite_queue[k].empty());
}

TEST(Named, ByTheRuleEveryEligibleCityDecidesAndACapSelects) {
  Params p = test::reference_params();
  World w = named_world(p);
  NetworkSeed s;
  s.name = "open";
  s.issue = Issue::climate;
  s.min_population = 3e6;  // cities 2..9
  s.founded = 2000;
  const int k = found_named_network(w.coalition_view(), s, p, Streams(3), 0);
  const auto m = members(w, k);
  EXPECT_FALSE(m.empty());
  for (int i : m) EXPECT_GE(i, 2);
  // The same with a cap of 3: the three that want it most, and they are its list.
  World c = named_world(p);
  s.max_members = 3;
  const int kc = found_named_network(c.coalition_view(), s, p, Streams(3), 0);
  EXPECT_EQ(members(c, kc).size(), 3u);
  EXPECT_EQ(c.networks.invited[kc].size(), 3u);
  // A cap above the number that accept: all of them join, and they are still
  // its list for good (the cap is a selection made once, not a ceiling).
  World d = named_world(p);
  s.max_members = 1000;
  const int kd = found_named_network(d.coalition_view(), s, p, Streams(3), 0);
  EXPECT_EQ(members(d, kd), m);
  EXPECT_EQ(std::vector<int>(d.networks.invited[kd].begin(), d.networks.invited[kd].end()), m);
}

TEST(Named, PlayedCitiesNeverJoinOnTheirOwn) {
  // A student's city is asked by nothing: not as a founder of an invitation
  // network, not on a members list, not by the rule (their player decides).
  const Params p = test::reference_params();
  World w = named_world(p);
  w.players.play(10, 9, PlayerChoice{});
  const int k = found_named_network(w.coalition_view(), club_seed(), p, Streams(1), 0);
  EXPECT_EQ(members(w, k), (std::vector<int>{8}));
  EXPECT_TRUE(std::binary_search(w.networks.invited[k].begin(), w.networks.invited[k].end(), 9));  // still invited
  NetworkSeed listed;
  listed.name = "listed";
  listed.members = {8, 9};
  const int kl = found_named_network(w.coalition_view(), listed, p, Streams(1), 0);
  EXPECT_EQ(members(w, kl), (std::vector<int>{8}));
  NetworkSeed open;
  open.name = "open";
  const int ko = found_named_network(w.coalition_view(), open, p, Streams(1), 0);
  EXPECT_FALSE(w.members.has(9, ko));
  // And the acceptance rule says no for it whatever the value.
  const MembershipValuer v(w.coalition_view(), p.coalitions);
  EXPECT_FALSE(accepts_invitation(v, 9, ko, 100.0));
  EXPECT_TRUE(accepts_invitation(v, 7, ko, 100.0) || w.members.has(7, ko));
}

TEST(AcceptanceRule, MarginalValueAgainstWhatTheCityHolds) {
  // (v + eps) / (1 + c_iq) - c_m j > u_join; a free slot; the fee within what
  // the cooperation budget has left.
  Params p = test::reference_params();
  World w = named_world(p);
  const int a = test::add_network(w, {.name = "a", .issue = Issue::climate, .fee_multiple = 1});
  const int b = test::add_network(w, {.name = "b", .issue = Issue::climate, .fee_multiple = 1});
  const int e = test::add_network(w, {.name = "e", .issue = Issue::economy, .fee_multiple = 1});
  test::refresh(w, p);
  const MembershipValuer v(w.coalition_view(), p.coalitions);
  const double alone = invitation_margin(v, 0, a, 0.0);
  EXPECT_DOUBLE_EQ(alone, v.value(0, a));
  w.members.add(0, b);  // one climate network held, in the same niche
  test::refresh(w, p);
  EXPECT_DOUBLE_EQ(invitation_margin(v, 0, a, 0.0), v.value(0, a) / 2 - 0.03 * 1);
  EXPECT_DOUBLE_EQ(invitation_margin(v, 0, e, 0.2), v.value(0, e) + 0.2 - 0.03 * 1);
  // No money left for the fee: cannot.
  w.cities.fees[0] = w.cities.cooperation[0] * w.cities.intl_budget[0];
  EXPECT_EQ(invitation_margin(v, 0, e, 0.0), -std::numeric_limits<double>::infinity());
}

}  // namespace
}  // namespace urbis
