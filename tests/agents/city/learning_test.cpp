// Phase 8 (MODEL 7.7): payoffs, imitation of better peers (Fermi rule), mutation.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "agents/city/learning.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

// Imitation always, peers from the same state, a near-deterministic Fermi rule,
// no mutation.
Params sure_imitation() {
  Params p = test::reference_params();
  p.learning.imitation_probability = 1.0;
  p.learning.same_state_probability = 1.0;
  p.learning.imitation_temperature = 1e-9;
  p.learning.mutation_probability = 0.0;
  return p;
}

void run_imitate(World& w, const Params& p, const Streams& rng, std::uint32_t step) {
  MemberIndex idx;
  idx.build(w.members, w.networks.size());
  imitate(w.members, idx, w.by_state, w.players, p.learning, rng, step, w.cities);
}

TEST(Learning, PayoffFormula) {
  // pi = growth + w_V dV + w_G G / N - x D / Y ; w_V = 1, w_G = 1e-4, G = 100, N = 2.
  const Params p = test::reference_params();
  World w = test::make_world(p, 2);
  w.cities.growth << 0.03, -0.01;
  w.cities.reputation_gain << 0.1, 0.0;
  w.cities.cooperation << 0.5, 0.8;
  w.cities.intl_budget << 1e6, 2e6;
  test::set_city_economy(w, 1, 0.0, 1e4);  // no GDP: no cost term (and no division by zero)
  compute_payoffs(w.cities, 100.0, p.learning);
  EXPECT_DOUBLE_EQ(w.cities.payoff[0], 0.03 + 0.1 + 1e-4 * 50 - 0.5e6 / 1e10);  // 0.13495
  EXPECT_NEAR(w.cities.payoff[0], 0.13495, 1e-15);
  EXPECT_DOUBLE_EQ(w.cities.payoff[1], -0.01 + 1e-4 * 50);
}

TEST(Learning, CopiesAFarBetterSameStatePeer) {
  // City 0 (x 0.2, payoff 0) in a state of 1,000 whose other cities hold x 0.9
  // with payoff 1. The peer is drawn from the whole state, city 0 included
  // (docs/MODEL.md 7.7: "which may be itself"; it does not adopt then), so it
  // copies 0.9 in all but about 1 step in 1,000. Better cities never copy 0.2.
  const Params p = sure_imitation();
  World w = test::make_world(p, 1000);
  const Streams rng(17);
  int copied = 0;
  for (std::uint32_t step = 0; step < 100; ++step) {
    w.cities.cooperation.setConstant(0.9);
    w.cities.payoff.setConstant(1.0);
    w.cities.cooperation[0] = 0.2;
    w.cities.payoff[0] = 0.0;
    run_imitate(w, p, rng, step);
    copied += w.cities.cooperation[0] == 0.9;
    ASSERT_EQ((w.cities.cooperation == 0.9).count(), 999 + (w.cities.cooperation[0] == 0.9)) << "step " << step;
  }
  EXPECT_GE(copied, 98);
}

TEST(Learning, APeerDrawnAsItselfIsNotAdopted) {
  // A state of two: the peer is city 0 itself half the time (no change) and
  // city 1 otherwise (copied). Over 400 steps about 200 copies (sd 10).
  const Params p = sure_imitation();
  World w = test::make_world(p, 2);
  int copied = 0;
  for (std::uint32_t step = 0; step < 400; ++step) {
    w.cities.cooperation << 0.2, 0.9;
    w.cities.payoff << 0.0, 1.0;
    run_imitate(w, p, Streams(18), step);
    const double x = w.cities.cooperation[0];
    ASSERT_TRUE(x == 0.2 || x == 0.9) << x;
    copied += x == 0.9;
    ASSERT_EQ(w.cities.cooperation[1], 0.9);
  }
  EXPECT_NEAR(copied, 200, 50);
}

TEST(Learning, PeerIsFromTheSameState) {
  // City 0's state-mates are better and hold x = 0.9; the other state's cities
  // are better still (payoff 5) with x = 0.1, and must never be the peer.
  const Params p = sure_imitation();
  World w = test::make_world(p, {0, 0, 0, 1, 1, 1}, 2);
  int copied = 0;
  for (std::uint32_t step = 0; step < 60; ++step) {
    w.cities.cooperation << 0.2, 0.9, 0.9, 0.1, 0.1, 0.1;
    w.cities.payoff << 0.0, 1.0, 1.0, 5.0, 5.0, 5.0;
    run_imitate(w, p, Streams(3), step);
    const double x = w.cities.cooperation[0];
    ASSERT_TRUE(x == 0.9 || x == 0.2) << "step " << step << ": " << x;
    copied += x == 0.9;
  }
  EXPECT_NEAR(copied, 40, 15);  // 2/3 of 60
}

TEST(Learning, OtherwiseACoMember) {
  // same_state_probability 0: city 0 learns from its network's members
  // (itself or city 3, another state), never from its better-paid state-mates.
  Params p = sure_imitation();
  p.learning.same_state_probability = 0.0;
  World w = test::make_world(p, {0, 0, 0, 1}, 2);
  const int k = test::add_network(w, {});
  w.members.add(0, k);
  w.members.add(3, k);
  int copied = 0;
  for (std::uint32_t step = 0; step < 60; ++step) {
    w.cities.cooperation << 0.2, 0.1, 0.1, 0.9;
    w.cities.payoff << 0.0, 5.0, 5.0, 1.0;
    run_imitate(w, p, Streams(4), step);
    const double x = w.cities.cooperation[0];
    ASSERT_TRUE(x == 0.9 || x == 0.2) << "step " << step << ": " << x;
    copied += x == 0.9;
  }
  EXPECT_NEAR(copied, 30, 13);  // 1/2 of 60
}

TEST(Learning, OtherwiseAnyCity) {
  // same_state_probability 0 and no networks: any city of the world.
  Params p = sure_imitation();
  p.learning.same_state_probability = 0.0;
  World w = test::make_world(p, {0, 1, 1, 1, 1}, 2);
  int copied = 0;
  for (std::uint32_t step = 0; step < 60; ++step) {
    w.cities.cooperation << 0.2, 0.9, 0.9, 0.9, 0.9;
    w.cities.payoff << 0.0, 1.0, 1.0, 1.0, 1.0;
    run_imitate(w, p, Streams(5), step);
    const double x = w.cities.cooperation[0];
    ASSERT_TRUE(x == 0.9 || x == 0.2) << x;
    copied += x == 0.9;
  }
  EXPECT_NEAR(copied, 48, 12);  // 4/5 of 60
}

TEST(Learning, UpdatesAreSynchronous) {
  // 1,000 states of three cities, in index order C (payoff 2, x 0.9),
  // B (payoff 1, x 0.5), A (payoff 0, x 0.1). A's peer is itself, B or C with
  // probability 1/3 each, and it must copy B's x as it was at the start of the
  // phase (0.5) even when B has just copied C: shares 1/3 at 0.5 and 1/3 at 0.9.
  // An in-place update would give 2/9 and 4/9.
  const Params p = sure_imitation();
  std::vector<int> st(3000);
  for (int i = 0; i < 3000; ++i) st[static_cast<std::size_t>(i)] = i / 3;
  World w = test::make_world(p, st, 1000);
  for (int i = 0; i < 3000; ++i) {
    w.cities.cooperation[i] = (i % 3 == 0) ? 0.9 : (i % 3 == 1) ? 0.5 : 0.1;
    w.cities.payoff[i] = 2.0 - i % 3;
  }
  run_imitate(w, p, Streams(19), 0);
  int at_b = 0, at_c = 0, b_copied = 0;
  for (int i = 2; i < 3000; i += 3) {
    at_b += w.cities.cooperation[i] == 0.5;
    at_c += w.cities.cooperation[i] == 0.9;
    b_copied += w.cities.cooperation[i - 1] == 0.9;
  }
  EXPECT_NEAR(b_copied / 1000.0, 1.0 / 3, 0.05);  // B copies only when its peer is C
  EXPECT_NEAR(at_b / 1000.0, 1.0 / 3, 0.05);
  EXPECT_NEAR(at_c / 1000.0, 1.0 / 3, 0.05);
}

TEST(Learning, FermiRuleProbability) {
  // Learners (payoff 0, x 0.1) and models (payoff K ln 3, x 0.9), 2,000 each,
  // one state. A learner meets a model with probability 2000/3999 and adopts
  // with 1/(1 + e^-ln3) = 3/4; a model meets a learner and adopts with 1/4.
  Params p = sure_imitation();
  p.learning.imitation_temperature = 0.01;
  World w = test::make_world(p, 4000);
  for (int i = 0; i < 4000; ++i) {
    w.cities.cooperation[i] = i % 2 ? 0.9 : 0.1;
    w.cities.payoff[i] = i % 2 ? 0.01 * std::log(3.0) : 0.0;
  }
  run_imitate(w, p, Streams(6), 0);
  int learners = 0, models = 0;
  for (int i = 0; i < 4000; ++i) {
    if (i % 2 == 0) learners += w.cities.cooperation[i] == 0.9;
    else models += w.cities.cooperation[i] == 0.1;
  }
  EXPECT_NEAR(learners / 2000.0, 0.75 * 2000 / 3999, 0.05);
  EXPECT_NEAR(models / 2000.0, 0.25 * 2000 / 3999, 0.04);
}

TEST(Learning, ImitationProbabilityIsHonoured) {
  Params p = sure_imitation();
  p.learning.imitation_probability = 0.2;
  World w = test::make_world(p, 4000);
  for (int i = 0; i < 4000; ++i) {
    w.cities.cooperation[i] = i % 2 ? 0.9 : 0.1;
    w.cities.payoff[i] = i % 2;
  }
  run_imitate(w, p, Streams(7), 0);
  int switched = 0;
  for (int i = 0; i < 4000; i += 2) switched += w.cities.cooperation[i] == 0.9;
  EXPECT_NEAR(switched / 2000.0, 0.2 * 2000 / 3999, 0.03);
}

TEST(Learning, NoImitationNoMutationLeavesXUnchanged) {
  Params p = test::default_params();
  p.learning.imitation_probability = 0;
  p.learning.mutation_probability = 0;
  World w = test::random_world(p, 3000, 20, 2, 6, 12);
  for (std::size_t i = 0; i < w.cities.size(); ++i) w.cities.payoff[i] = static_cast<double>(i % 7);
  const Eigen::ArrayXd before = w.cities.cooperation;
  run_imitate(w, p, Streams(8), 0);
  for (std::size_t i = 0; i < w.cities.size(); ++i) ASSERT_EQ(w.cities.cooperation[i], before[i]) << i;
}

TEST(Learning, MutationHasTheGivenSpread) {
  Params p = test::reference_params();
  p.learning.imitation_probability = 0;
  p.learning.mutation_probability = 1;   // sd 0.05
  World w = test::make_world(p, 20000);  // x = 0.5: far from the bounds
  run_imitate(w, p, Streams(9), 0);
  double s = 0, s2 = 0;
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    const double d = w.cities.cooperation[i] - 0.5;
    s += d, s2 += d * d;
  }
  const double n = static_cast<double>(w.cities.size());
  EXPECT_NEAR(s / n, 0.0, 2e-3);
  EXPECT_NEAR(std::sqrt(s2 / n), 0.05, 2e-3);
}

TEST(Learning, XStaysInTheUnitInterval) {
  Params p = test::default_params();
  p.learning.imitation_probability = 1;
  p.learning.mutation_probability = 1;
  p.learning.mutation_sd = 1;
  p.learning.same_state_probability = 0.3;
  for (int world = 0; world < 5; ++world) {
    World w = test::random_world(p, 2000, 15, 2, 8, 300 + world);
    for (std::size_t i = 0; i < w.cities.size(); ++i) w.cities.payoff[i] = std::sin(static_cast<double>(i));
    for (std::uint32_t step = 0; step < 5; ++step) {
      run_imitate(w, p, Streams(10 + world), step);
      for (std::size_t i = 0; i < w.cities.size(); ++i) {
        ASSERT_GE(w.cities.cooperation[i], 0.0);
        ASSERT_LE(w.cities.cooperation[i], 1.0);
      }
    }
  }
}

}  // namespace
}  // namespace urbis
