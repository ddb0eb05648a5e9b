// Phase 6b (MODEL 7.5): founding demand, new networks (their founders and
// founding groups), answer networks, start networks, and the life of a
// network (forming, active, dormant, dissolved).
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "agents/network/aggregate.hpp"
#include "agents/network/founding.hpp"
#include "analysis/event_words.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

using test::iq;

TEST(Founding, DemandFormula) {
  // Q_q = sigma_q sum max(0, x D - fees) / sum D
  //     = sigma_q (4e5 + 0 + 1e6) / 4e6 = 0.35 sigma_q
  const Params p = test::reference_params();
  World w = test::make_world(p, 3);
  w.cities.cooperation << 0.5, 0.2, 1.0;
  w.cities.intl_budget << 1e6, 2e6, 1e6;
  w.cities.fees << 1e5, 5e5, 0.0;  // city 1 overspends: counts as 0, not -1e5
  const PerIssue<double> q = founding_demand(w.cities, w.global);
  EXPECT_NEAR(q[iq(Issue::climate)], 0.6 * 0.35, 1e-15);
  EXPECT_NEAR(q[iq(Issue::health)], 0.3 * 0.35, 1e-15);
  EXPECT_NEAR(q[iq(Issue::peace)], 0.2 * 0.35, 1e-15);
  // No budgets at all: no demand (and no division by zero).
  w.cities.intl_budget.setZero();
  for (double d : founding_demand(w.cities, w.global)) EXPECT_EQ(d, 0.0);
}

// Twelve cities of one state in region 0 (GDP 1..12 x 1e10) and two of a
// state in region 1. Only climate is salient and both states have left the
// climate regime's commitments (a wide gap): a climate network is worth a
// lot to every city. Typical membership costs about 20 USD: all can afford.
World founding_world(const Params& p) {
  std::vector<int> states(14, 0);
  states[12] = states[13] = 1;
  World w = test::make_world(p, states, 2, 2);
  for (std::size_t i = 0; i < 14; ++i) test::set_city_economy(w, i, 1e6, 1e4 * static_cast<double>(i + 1));
  w.global.salience = {};
  w.global.salience[iq(Issue::climate)] = 1.0;
  w.states.commitment << 0.0, 0.0;
  update_gaps(w.global, w.states, p.coalitions);
  w.states.gap_recent = w.states.gap;  // a wide gap, but no retreat: no answers here
  test::refresh(w, p);
  w.cities.intl_budget.setConstant(1e6);  // x D = 5e5 each
  w.global.world_gdp_pc = 1.0;            // fees of about 20 USD
  return w;
}

std::string founder_of(const World& w, const EventRecord& e) {
  EXPECT_TRUE(e.kind == EventKind::founded || e.kind == EventKind::answer_founded);
  return w.cities.name[static_cast<std::size_t>(e.city)];
}

// The events.csv detail of a record, as the writer says it.
std::string detail(const World& w, const EventRecord& e) {
  std::string out;
  event_detail(w, e, out);
  return out;
}

std::set<int> members_of(const World& w, int k) {
  std::set<int> m;
  for (std::size_t i = 0; i < w.cities.size(); ++i)
    if (w.members.has(i, k)) m.insert(static_cast<int>(i));
  return m;
}

TEST(Founding, RateZeroFoundsNothing) {
  Params p = test::reference_params();
  p.founding.rate = 0;
  World w = founding_world(p);
  EXPECT_EQ(found_networks(w.coalition_view(), p, Streams(1), 0), 0);
  EXPECT_EQ(w.networks.size(), 0u);
  EXPECT_TRUE(w.log.empty());
}

TEST(Founding, FounderJoinsWithTheCitiesMostLikeIt) {
  // One birth, a regional one: the founder invites the five able cities of
  // its region nearest to it in GDP (none of region 1's), valued as the club
  // of all six; with a wide gap they all accept.
  Params p = test::reference_params();
  p.founding.rate = 2;  // Poisson(2 x 0.5): at least one birth with this seed
  p.founding.regional_probability = 1.0;
  World w = founding_world(p);
  const int born = found_networks(w.coalition_view(), p, Streams(2), 0);
  ASSERT_GT(born, 0);
  ASSERT_EQ(w.log[0].kind, EventKind::founded);
  EXPECT_EQ(w.log[0].network, 0);
  const std::string founder = founder_of(w, w.log[0]);
  const auto f =
      static_cast<int>(std::find(w.cities.name.begin(), w.cities.name.end(), founder) - w.cities.name.begin());
  ASSERT_LT(f, 14);
  EXPECT_EQ(w.networks.origin[0], NetworkOrigin::founded);
  EXPECT_EQ(w.networks.scope[0].kind, ScopeKind::region);
  EXPECT_EQ(w.networks.scope[0].index, w.cities.region[f]);
  const std::set<int> m = members_of(w, 0);
  EXPECT_TRUE(m.count(f));
  EXPECT_EQ(m.size(), 6u) << detail(w, w.log[0]);
  EXPECT_EQ(w.log[0].count, 5);  // the five invited joined
  EXPECT_EQ(w.log[0].of, 5);
  EXPECT_EQ(detail(w, w.log[0]), "founder " + founder + "; 5 of 5 invited cities joined");
  // The five nearest in GDP within the region: no gap in GDP rank beyond them.
  const int lo = *m.begin(), hi = *m.rbegin();
  EXPECT_EQ(hi - lo, 5);
  for (int i : m) EXPECT_EQ(w.cities.region[i], w.cities.region[f]);
  EXPECT_EQ(w.networks.members[0], 6);
  EXPECT_EQ(w.networks.status[0], NetworkStatus::forming);  // dissolve_weak_networks sets it
  // Joining charged the fee.
  double fees = 0;
  for (auto k : w.members.of(static_cast<std::size_t>(f))) fees += w.networks.fee[k];
  EXPECT_DOUBLE_EQ(w.cities.fees[f], fees);
}

TEST(Founding, InviteesAlreadyServedInTheNicheAreNotAsked) {
  // Every city of region 0 but two already holds a regional climate network:
  // a new regional climate network is founded with the two unserved ones.
  Params p = test::reference_params();
  p.founding.rate = 2;
  p.founding.regional_probability = 1.0;
  World w = founding_world(p);
  const int old = test::add_network(w, {.name = "old", .issue = Issue::climate, .scope = test::region_scope(0)});
  for (std::size_t i = 2; i < 12; ++i) w.members.add(i, old);
  test::refresh(w, p);
  w.cities.intl_budget.setConstant(1e6);
  w.global.world_gdp_pc = 1.0;
  found_networks(w.coalition_view(), p, Streams(2), 0);
  for (std::size_t k = 1; k < w.networks.size(); ++k) {
    if (w.networks.scope[k].index != 0) continue;
    for (int i : members_of(w, static_cast<int>(k))) {
      const bool founder = w.cities.name[i] == founder_of(w, w.log[k - 1]);
      EXPECT_TRUE(founder || i < 2) << "city " << i << " was served already";
    }
  }
}

TEST(Founding, OnlyAbleCitiesFoundAndPlayedCitiesNeverDo) {
  // Founders are drawn with weight x among the able: a free slot, a typical
  // membership's cost left in the cooperation budget, not played.
  Params p = test::reference_params();
  p.founding.rate = 300;
  // Slots for every birth: the founders' shares are the point here.
  World w = test::make_world(p, {0, 1, 2, 3}, 4, 1, {}, 400);
  w.global.salience = {};
  w.global.salience[iq(Issue::climate)] = 1.0;
  test::refresh(w, p);
  w.cities.cooperation << 1.0, 0.5, 0.5, 0.5;
  w.cities.intl_budget << 1e6, 2e6, 2e6, 2e6;
  w.cities.fees << 0.0, 0.0, 0.0, 1e6 - 1;  // city 3: less than a typical fee left
  w.players.play(4, 2, PlayerChoice{});     // city 2 is a student's
  w.global.world_gdp_pc = 1e4;              // typical fee 10 x 1e4 = 1e5
  const int born = found_networks(w.coalition_view(), p, Streams(21), 0);
  ASSERT_GT(born, 100);
  std::vector<int> founded(4, 0);
  for (const auto& e : w.log) ++founded[static_cast<std::size_t>(founder_of(w, e)[1] - '0')];
  // x weights 1.0 and 0.5: two thirds and one third.
  EXPECT_NEAR(founded[0] / static_cast<double>(born), 2.0 / 3, 0.1);
  EXPECT_NEAR(founded[1] / static_cast<double>(born), 1.0 / 3, 0.1);
  EXPECT_EQ(founded[2], 0);
  EXPECT_EQ(founded[3], 0);
  // Nor did the played city join anything on its own.
  EXPECT_EQ(w.members.count[2], 0);
}

TEST(Founding, AFounderWithoutAFreeSlotDoesNotFound) {
  // One able city with three slots and a founding rate that asks for
  // hundreds of births in the year: it founds three networks, one per slot,
  // and is a member of each; no network is left without its founder.
  Params p = test::reference_params();
  p.founding.rate = 300;
  World w = test::make_world(p, {0, 1}, 2, 1, {}, 3);
  w.global.salience = {};
  w.global.salience[iq(Issue::climate)] = 1.0;
  test::refresh(w, p);
  w.cities.cooperation << 1.0, 0.0;  // only city 0 founds (weight x)
  w.cities.intl_budget << 1e9, 1e6;
  w.global.world_gdp_pc = 1e4;
  const int born = found_networks(w.coalition_view(), p, Streams(5), 0);
  EXPECT_EQ(born, 3);
  ASSERT_EQ(w.networks.size(), 3u);
  for (int k = 0; k < 3; ++k) EXPECT_TRUE(w.members.has(0, k)) << "network " << k << " lacks its founder";
  EXPECT_EQ(w.members.count[0], 3);
}

TEST(Founding, ScopesFollowRegionalProbabilityAndOnlySalientIssuesGetNetworks) {
  Params p = test::reference_params();
  p.founding.rate = 30;
  p.founding.regional_probability = 1.0;
  World w = founding_world(p);
  ASSERT_GT(found_networks(w.coalition_view(), p, Streams(3), 0), 5);
  for (std::size_t k = 0; k < w.networks.size(); ++k) {
    EXPECT_EQ(w.networks.scope[k].kind, ScopeKind::region);
    EXPECT_EQ(w.networks.issue[k], Issue::climate);
    EXPECT_GE(w.networks.members[k], 1);
  }
  p.founding.regional_probability = 0.0;
  World g = founding_world(p);
  found_networks(g.coalition_view(), p, Streams(3), 0);
  for (std::size_t k = 0; k < g.networks.size(); ++k) EXPECT_EQ(g.networks.scope[k].kind, ScopeKind::global);
}

// A state whose climate commitment fell: its retreat is gap - recent gap.
World retreat_world(const Params& p, double autonomy) {
  World w = test::make_world(p, std::vector<int>(10, 0), 2);
  for (int j = 0; j < 2; ++j) w.states.commitment[j] = 0.7;
  w.cities.autonomy.setConstant(autonomy);
  update_gaps(w.global, w.states, p.coalitions);
  w.states.gap_recent = w.states.gap;  // used to a gap of 0.1
  w.states.commitment[0] = 0.1;        // state 0 leaves: gap 0.7
  update_gaps(w.global, w.states, p.coalitions);
  test::refresh(w, p);
  return w;
}

TEST(Answers, ARetreatMakesCitiesFoundANationalCoalition) {
  Params p = test::reference_params();
  p.founding.rate = 0;  // no ordinary births
  p.founding.answer_rate = 5;
  World w = retreat_world(p, 0.8);
  EXPECT_NEAR(retreat(w.states, 0, iq(Issue::climate)), 0.6, 1e-12);
  EXPECT_EQ(retreat(w.states, 1, iq(Issue::climate)), 0.0);
  const int born = found_networks(w.coalition_view(), p, Streams(5), 0);
  ASSERT_GT(born, 0);
  for (std::size_t k = 0; k < w.networks.size(); ++k) {
    EXPECT_EQ(w.networks.origin[k], NetworkOrigin::answer);
    EXPECT_EQ(w.networks.issue[k], Issue::climate);
    EXPECT_EQ(w.networks.scope[k].kind, ScopeKind::states);
    EXPECT_EQ(w.networks.scope[k].states[0], 1);
    EXPECT_EQ(w.networks.scope[k].states[1], 0);
  }
  // Every city of the state was invited; with a wide gap most accept.
  EXPECT_GE(w.networks.members[0], 5);
  EXPECT_EQ(w.log[0].kind, EventKind::answer_founded);
  EXPECT_EQ(w.log[0].of, 9);
  EXPECT_EQ(w.log[0].count + 1, w.networks.members[0]);  // the founder and those who accepted
  EXPECT_NE(detail(w, w.log[0]).find("answer to " + w.states.iso3[0] + "'s retreat on climate: founder "),
            std::string::npos)
      << detail(w, w.log[0]);
  EXPECT_NE(detail(w, w.log[0]).find("of 9 cities joined"), std::string::npos) << detail(w, w.log[0]);
}

TEST(Answers, NoRetreatNoAnswerAndCitiesWithoutAutonomyCannotAnswer) {
  Params p = test::reference_params();
  p.founding.rate = 0;
  p.founding.answer_rate = 5;
  // No retreat: the gap is what cities are used to.
  World w = retreat_world(p, 0.8);
  w.states.gap_recent = w.states.gap;
  EXPECT_EQ(found_networks(w.coalition_view(), p, Streams(5), 0), 0);
  // A centralised state's cities (no autonomy, so no budget): none is able.
  World c = retreat_world(p, 0.0);
  EXPECT_EQ(found_networks(c.coalition_view(), p, Streams(5), 0), 0);
  // The answer rate scales births: more retreat, more answers (over many draws).
  int small = 0, large = 0;
  for (std::uint32_t s = 0; s < 40; ++s) {
    World a = retreat_world(p, 0.8);
    a.states.gap_recent[0][iq(Issue::climate)] = 0.6;  // retreat 0.1
    small += found_networks(a.coalition_view(), p, Streams(100 + s), 0);
    World b = retreat_world(p, 0.8);  // retreat 0.6
    large += found_networks(b.coalition_view(), p, Streams(100 + s), 0);
  }
  EXPECT_GT(large, 2 * small);
}

TEST(StartNetworks, ComeWithTheirFoundingGroups) {
  Params p = test::reference_params();
  World w = founding_world(p);
  w.global.salience_baseline = p.salience.baseline;
  found_start_networks(w.coalition_view(), 6, p, Streams(9));
  ASSERT_EQ(w.networks.size(), 6u);
  ASSERT_EQ(w.log.size(), 6u);
  for (std::size_t k = 0; k < 6; ++k) {
    EXPECT_EQ(w.networks.origin[k], NetworkOrigin::start);
    EXPECT_EQ(w.networks.name[k], "Network " + std::to_string(k + 1));  // the same name in every seed
    // Taken as they were: every invited city is a member, none chose.
    const auto& e = w.log[k];
    EXPECT_EQ(e.network, static_cast<int>(k));
    EXPECT_EQ(e.count, e.of);
    EXPECT_EQ(w.networks.members[k], 1 + e.count) << detail(w, e);
  }
  EXPECT_GE(w.networks.members[0], 3);
}

// Networks founded in 1990, established by 2000 (formed): "small" has 2
// members, "ok" 3, "unfunded" is sponsored with funding 0 and 4 members,
// "funded" is sponsored and funded with 4 members.
struct DissolveFixture {
  Params p = test::reference_params();  // n_min 3, grace 3, forming 3
  World w;
  int small, ok, unfunded, funded;
  DissolveFixture() {
    w = test::make_world(p, 5);
    small = test::add_network(w, {.name = "small", .fee_multiple = 1});
    ok = test::add_network(w, {.name = "ok", .fee_multiple = 1});
    unfunded = test::add_network(w, {.name = "unfunded", .fee_multiple = 1, .funding = 0, .sponsored = true});
    funded = test::add_network(w, {.name = "funded", .fee_multiple = 1, .funding = 1e5, .sponsored = true});
    for (int k = 0; k < 4; ++k) w.networks.founded[k] = 1990, w.networks.formed[k] = 1;
    for (std::size_t i = 0; i < 2; ++i) w.members.add(i, small);
    for (std::size_t i = 0; i < 3; ++i) w.members.add(i, ok);
    for (std::size_t i = 0; i < 4; ++i) w.members.add(i, unfunded), w.members.add(i, funded);
    test::refresh(w, p);  // fee 1e4 per membership
  }
  int year() {
    count_members(w.cities, w.states, w.members, w.networks);
    const int n = dissolve_weak_networks(w.global.year, p.founding, w.networks, w.members, w.cities, w.log);
    ++w.global.year;
    return n;
  }
};

TEST(Dissolve, WeakForGraceYearsDissolvesNotBefore) {
  DissolveFixture f;
  EXPECT_EQ(f.year(), 0);
  EXPECT_EQ(f.w.networks.status[f.small], NetworkStatus::dormant);
  EXPECT_EQ(f.w.networks.status[f.ok], NetworkStatus::active);
  EXPECT_TRUE(f.w.networks.counted(f.ok));
  EXPECT_FALSE(f.w.networks.counted(f.small));
  EXPECT_EQ(f.year(), 0);
  EXPECT_TRUE(f.w.networks.active[f.small]);
  EXPECT_EQ(f.w.networks.weak_years[f.small], 2);
  EXPECT_EQ(f.w.networks.weak_years[f.ok], 0);
  EXPECT_EQ(f.w.cities.fees[0], 4e4);
  EXPECT_EQ(f.year(), 2);  // third weak year: small and unfunded go
  EXPECT_FALSE(f.w.networks.active[f.small]);
  EXPECT_EQ(f.w.networks.status[f.small], NetworkStatus::ended);
  EXPECT_FALSE(f.w.networks.active[f.unfunded]);
  EXPECT_TRUE(f.w.networks.active[f.ok]);
  EXPECT_TRUE(f.w.networks.active[f.funded]);
  EXPECT_EQ(f.w.networks.ended[f.small], 2002);
  // Members released, their fees with them.
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_FALSE(f.w.members.has(i, f.small));
    EXPECT_FALSE(f.w.members.has(i, f.unfunded));
  }
  EXPECT_TRUE(f.w.members.has(0, f.ok));
  EXPECT_DOUBLE_EQ(f.w.cities.fees[0], 2e4);  // ok + funded
  EXPECT_EQ(f.w.networks.members[f.small], 0);
  // Logged with the reason.
  ASSERT_EQ(f.w.log.size(), 2u);
  EXPECT_EQ(f.w.log[0].kind, EventKind::dissolved);
  EXPECT_EQ(event_subject(f.w, f.w.log[0]), "small");
  EXPECT_EQ(f.w.log[0].reason, DissolveReason::too_few_members);
  EXPECT_NE(detail(f.w, f.w.log[0]).find("members released; too few members"), std::string::npos);
  EXPECT_EQ(event_subject(f.w, f.w.log[1]), "unfunded");
  EXPECT_EQ(f.w.log[1].reason, DissolveReason::funding_ended);
  EXPECT_NE(detail(f.w, f.w.log[1]).find("sponsor funding ended"), std::string::npos);
  // Dissolved networks stay dissolved and are not counted again.
  EXPECT_EQ(f.year(), 0);
  EXPECT_EQ(f.year(), 0);
}

TEST(Dissolve, AStrongYearResetsTheCount) {
  DissolveFixture f;
  f.year();
  f.year();
  f.w.members.add(4, f.small);           // three members this year
  f.w.networks.funding[f.unfunded] = 1;  // funded again
  f.year();
  EXPECT_EQ(f.w.networks.weak_years[f.small], 0);
  EXPECT_EQ(f.w.networks.weak_years[f.unfunded], 0);
  f.w.members.remove(4, f.small);
  f.w.networks.funding[f.unfunded] = 0;
  EXPECT_EQ(f.year(), 0);
  EXPECT_EQ(f.year(), 0);
  EXPECT_EQ(f.year(), 2);
}

TEST(Dissolve, GraceYearsAndMinMembersAreParameters) {
  DissolveFixture f;
  f.p.founding.grace_years = 1;
  f.p.founding.min_members = 4;  // now "ok" (3 members) is weak too
  EXPECT_EQ(f.year(), 3);
  EXPECT_FALSE(f.w.networks.active[f.ok]);
  EXPECT_TRUE(f.w.networks.active[f.funded]);
}

TEST(Dissolve, ANewNetworkHasItsFoundingPeriodToGatherMembers) {
  // Founded in 2000 with 1 member: forming (not counted) in 2000, 2001 and
  // 2002; dissolved in 2003 unless it has gathered n_min. Another reaches 3
  // members in 2001: active from then on, and weak only after grace years.
  DissolveFixture f;
  const int lone = test::add_network(f.w, {.name = "lone"});
  const int grows = test::add_network(f.w, {.name = "grows"});
  f.w.members.add(0, lone);
  f.w.members.add(0, grows);
  for (int y = 0; y < 3; ++y) {
    if (y == 1) f.w.members.add(1, grows), f.w.members.add(2, grows);
    f.year();
    EXPECT_EQ(f.w.networks.status[lone], NetworkStatus::forming) << y;
    EXPECT_FALSE(f.w.networks.counted(lone));
  }
  EXPECT_EQ(f.w.networks.status[grows], NetworkStatus::active);
  f.year();  // 2003: the founding period is over
  EXPECT_FALSE(f.w.networks.active[lone]);
  EXPECT_EQ(f.w.log.back().reason, DissolveReason::never_formed);
  EXPECT_NE(detail(f.w, f.w.log.back()).find("never gathered enough members"), std::string::npos);
  // "grows" falls back below n_min: dormant, not forming, and given grace.
  f.w.members.remove(2, grows);
  f.year();
  EXPECT_EQ(f.w.networks.status[grows], NetworkStatus::dormant);
  EXPECT_TRUE(f.w.networks.active[grows]);
}

TEST(Dissolve, NamedNetworksAreNeverTooSmallButCanLoseTheirSponsor) {
  // docs/MODEL.md: a named (historical) network does not dissolve for lack
  // of members (it is dormant, not counted), but the sponsor rule applies.
  DissolveFixture f;
  f.w.networks.named[f.small] = 1;
  f.w.networks.named[f.unfunded] = 1;
  for (int year = 0; year < 5; ++year) f.year();
  EXPECT_TRUE(f.w.networks.active[f.small]);
  EXPECT_EQ(f.w.networks.status[f.small], NetworkStatus::dormant);
  EXPECT_EQ(f.w.networks.weak_years[f.small], 0);
  EXPECT_FALSE(f.w.networks.active[f.unfunded]);
}

TEST(JoinNetwork, KeepsCountsCurrent) {
  const Params p = test::reference_params();
  World w = test::make_world(p, {0, 1}, 2, 2);
  const int k = test::add_network(w, {.fee_multiple = 2});
  test::refresh(w, p);  // fee 2e4
  w.cities.cooperation << 0.5, 0.25;
  EXPECT_TRUE(join_network(w.coalition_view(), 0, k));
  EXPECT_TRUE(join_network(w.coalition_view(), 1, k));
  EXPECT_TRUE(join_network(w.coalition_view(), 1, k));  // already a member: no double count
  EXPECT_EQ(w.networks.members[k], 2);
  EXPECT_DOUBLE_EQ(w.networks.engagement[k], 0.75);
  EXPECT_DOUBLE_EQ(w.networks.engaged_gdp[k], 0.75e10);
  EXPECT_EQ(w.networks.region_members[k * 2 + 1], 1);
  EXPECT_DOUBLE_EQ(w.cities.fees[1], 2e4);
  // Agrees with a recount.
  World r = w;
  count_members(r.cities, r.states, r.members, r.networks);
  EXPECT_EQ(r.networks.members[k], w.networks.members[k]);
  EXPECT_DOUBLE_EQ(r.networks.engaged_gdp[k], w.networks.engaged_gdp[k]);
}

}  // namespace
}  // namespace urbis
