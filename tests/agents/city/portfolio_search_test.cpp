// The pruned portfolio review against the exhaustive one it must equal
// (agents/city/portfolio.hpp, ReviewSearch), and the noise ceiling it uses.
#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "agents/city/portfolio.hpp"
#include "agents/state/gaps.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

TEST(MembershipValuer, NoiseCeilingIsAboveTheNoiseAndClose) {
  // The ceiling must never be below the noise (the pruned review would leave
  // out a candidate it needs) and should be close (it leaves out more the closer).
  Params p = test::reference_params();
  World w = test::make_world(p, 1);
  for (double lambda : {0.5, 1.0, 20.0}) {
    p.coalitions.choice_precision = lambda;
    const MembershipValuer v(w.coalition_view(), p.coalitions);
    std::mt19937 gen(static_cast<unsigned>(lambda * 10));
    double widest = 0;
    auto check = [&](std::uint32_t word) {
      const double gap = v.noise_ceiling_of_word(word) - v.noise_of_word(word);
      ASSERT_GE(gap, 0.0) << "word " << word << ", lambda " << lambda;
      widest = std::max(widest, gap * lambda);
    };
    for (std::uint32_t word : {0u, 1u, 2u, 0x7fffffffu, 0x80000000u, 0xfffffffeu, 0xffffffffu}) check(word);
    for (int t = 0; t < 200000; ++t) check(gen());
    EXPECT_LE(widest, 0.0722) << "lambda " << lambda;  // ln(3/4) - 1/3 + ln 2 = 0.0721, at m = 1/2
    EXPECT_GT(widest, 0.07) << "lambda " << lambda;    // the bound is attained near m = 1/2
  }
}

TEST(MembershipValuer, OpenListsHoldEveryNetworkAStateAdmitsOnce) {
  // The review reads a state's networks from three lists (open everywhere,
  // in its region, to some states): together they must be the active
  // networks whose scope admits the state, each once. Both searches read
  // them, so their equality would not show a network missing here.
  const Params p = test::default_params();
  std::size_t admitted = 0, left_out = 0;
  for (int seed = 0; seed < 6; ++seed) {
    World w = test::random_world(p, 300, 9, 3, 60, 700 + seed);
    for (std::size_t k = 0; k < w.networks.size(); k += 5) w.networks.active[k] = 0;
    const MembershipValuer v(w.coalition_view(), p.coalitions);
    for (std::size_t i = 0; i < w.cities.size(); ++i) {
      std::vector<int> listed(w.networks.size(), 0);
      for (const auto* open : v.open_to_state(w.cities.state[i]))
        for (auto k : *open) ++listed[static_cast<std::size_t>(k)];
      std::size_t count = 0;
      for (std::size_t k = 0; k < w.networks.size(); ++k) {
        const int kk = static_cast<int>(k);
        ASSERT_LE(listed[k], 1) << "network " << k << " listed twice, seed " << seed;
        ASSERT_EQ(listed[k] == 1 && v.admits(i, kk), v.eligible(i, kk)) << "city " << i << ", network " << k;
        count += static_cast<std::size_t>(listed[k]);
        (v.eligible(i, kk) ? admitted : left_out) += 1;
      }
      ASSERT_EQ(count, v.open_count(w.cities.state[i]));
    }
  }
  EXPECT_GT(admitted, 10000u);  // scopes that admit ...
  EXPECT_GT(left_out, 10000u);  // ... and scopes, thresholds or ends that do not
}

// The same world with `slots` slots per city, keeping the first memberships of each row.
World with_slots(World w, int slots) {
  Memberships m;
  m.reset(w.cities.size(), slots);
  for (std::size_t i = 0; i < w.cities.size(); ++i)
    for (auto k : w.members.of(i)) m.add(i, k);
  w.members = std::move(m);
  return w;
}

TEST(Portfolio, PrunedSearchEqualsTheExhaustiveReview) {
  // Membership by membership, in the same order, with the same joins and
  // leaves: the defaults; u_join < 0 (no pruning, no early exit); u_join = 0;
  // sharp and wide noise; no capacity cost; three slots (reviews end on full
  // slots); fees that bind; every open network weighed (attention 0) or a
  // sample of them.
  struct Case {
    double u_join, u_leave, precision, capacity_cost, fee_scale;
    int slots;
    double attention;
  };
  const Case cases[] = {{0.3, 0.0, 20, 0.307, 1, 32, 0},   {0.3, 0.0, 20, 0.307, 1, 32, 12},
                        {-0.2, -0.5, 20, 0.307, 1, 32, 0}, {0.0, -0.1, 20, 0.1, 1, 32, 0},
                        {0.3, 0.0, 300, 0.307, 1, 32, 0},  {0.3, 0.0, 1.5, 0.307, 1, 32, 0},
                        {0.3, 0.1, 20, 0.0, 1, 32, 0},     {0.1, 0.0, 20, 0.05, 0.05, 3, 0},
                        {-1.0, -1.0, 5, 0.0, 0.05, 4, 8},  {0.3, 0.0, 20, 0.307, 0.02, 32, 0}};
  std::size_t memberships = 0, changes = 0;
  for (const Case& cs : cases) {
    Params p = test::default_params();
    p.coalitions.u_join = cs.u_join;
    p.coalitions.u_leave = cs.u_leave;
    p.coalitions.choice_precision = cs.precision;
    p.coalitions.capacity_cost = cs.capacity_cost;
    p.coalitions.attention = cs.attention;
    for (int seed = 0; seed < 12; ++seed) {
      World start = with_slots(test::random_world(p, 800, 9, 3, 40 + 10 * (seed % 4), 900 + seed), cs.slots);
      for (auto& f : start.networks.fee) f *= cs.fee_scale;
      World pruned = start, exhaustive = start;
      for (std::uint32_t step = 0; step < 3; ++step) {
        update_gaps(pruned.global, pruned.states, p.coalitions);
        update_gaps(exhaustive.global, exhaustive.states, p.coalitions);
        const PortfolioStats a =
            review_portfolios(pruned.coalition_view(), p.coalitions, Streams(seed), step, 0.6, ReviewSearch::pruned);
        const PortfolioStats b = review_portfolios(exhaustive.coalition_view(), p.coalitions, Streams(seed), step, 0.6,
                                                   ReviewSearch::exhaustive);
        ASSERT_EQ(pruned.members.count, exhaustive.members.count) << "u_join " << cs.u_join << ", seed " << seed;
        ASSERT_EQ(pruned.members.net, exhaustive.members.net) << "u_join " << cs.u_join << ", seed " << seed;
        ASSERT_EQ(a.joined, b.joined);
        ASSERT_EQ(a.left, b.left);
        for (std::size_t k = 0; k < a.joined.size(); ++k) changes += static_cast<std::size_t>(a.joined[k] + a.left[k]);
      }
      memberships += pruned.members.total();
    }
  }
  EXPECT_GT(memberships, 20000u);  // the worlds hold memberships ...
  EXPECT_GT(changes, 20000u);      // ... and the reviews change many of them
}

}  // namespace
}  // namespace urbis
