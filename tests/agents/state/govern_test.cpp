// Phase 7 (MODEL 7.6): commitment, tension, pre-emption or relaxation of
// autonomy, partnership; agreements and unions.
#include <cmath>

#include <gtest/gtest.h>

#include "agents/state/govern.hpp"
#include "analysis/event_words.hpp"
#include "tests/agents/tiny_world.hpp"

namespace urbis {
namespace {

using test::iq;

// Phase 7 on the tiny world's tables.
void run_govern(World& w, const StateParams& p, const Streams& rng, std::uint32_t step) {
  govern(w.global.year, w.agreements, w.members, w.networks, p, rng, step, w.states, w.cities, w.log);
}

std::vector<Agreement> paris_and_eu() {
  return {Agreement{"paris", Issue::climate, false}, Agreement{"eu", Issue::economy, true}};
}

TEST(Govern, ClimateAgreementIsTheFirstNonUnionOnClimate) {
  const Params p = test::reference_params();
  World w = test::make_world(p, {0}, 1, 1,
                             {Agreement{"green_union", Issue::climate, true}, Agreement{"eu", Issue::economy, true},
                              Agreement{"paris", Issue::climate, false}});
  EXPECT_EQ(climate_agreement(w.agreements), 2);
  World none = test::make_world(p, {0}, 1, 1, {Agreement{"eu", Issue::economy, true}});
  EXPECT_EQ(climate_agreement(none.agreements), -1);
}

TEST(Govern, CommitmentMovesTowardItsTarget) {
  // C <- C + r_C (target - C); target c_in (1 - nu) = 0.8 x 0.7 = 0.56 inside,
  // c_out = 0.1 outside. r_C = 0.3, C = 0.5 everywhere.
  const Params p = test::reference_params();
  World w = test::make_world(p, {0, 1, 2}, 3, 1, paris_and_eu());
  w.states.in_agreement[0][2] = 0;                               // state 2 never joined
  set_agreement(w.agreements, 1, 0, false, p.states, w.states);  // state 1 withdraws
  EXPECT_EQ(w.states.conflict[1][iq(Issue::climate)], 1);
  EXPECT_EQ(w.states.conflict[0][iq(Issue::climate)], 0);
  run_govern(w, p.states, Streams(1), 0);
  EXPECT_DOUBLE_EQ(w.states.commitment[0], 0.5 + 0.3 * (0.56 - 0.5));  // 0.518
  EXPECT_DOUBLE_EQ(w.states.commitment[1], 0.5 + 0.3 * (0.1 - 0.5));   // 0.38
  EXPECT_DOUBLE_EQ(w.states.commitment[2], 0.38);
  // A withdrawn state's commitment falls toward c_out: C_t = 0.1 + 0.4 x 0.7^t.
  for (int t = 1; t < 10; ++t) run_govern(w, p.states, Streams(1), static_cast<std::uint32_t>(t));
  EXPECT_NEAR(w.states.commitment[1], 0.1 + 0.4 * std::pow(0.7, 10), 1e-12);
  EXPECT_NEAR(w.states.commitment[0], 0.56 - 0.06 * std::pow(0.7, 10), 1e-12);
  // Populism lowers the target inside: nu = 0.5 -> 0.4.
  World v = test::make_world(p, {0}, 1, 1, paris_and_eu());
  v.states.populism[0] = 0.5;
  run_govern(v, p.states, Streams(1), 0);
  EXPECT_DOUBLE_EQ(v.states.commitment[0], 0.5 + 0.3 * (0.4 - 0.5));
}

TEST(Govern, RejoiningClearsTheConflict) {
  const Params p = test::reference_params();
  World w = test::make_world(p, {0}, 1, 1, paris_and_eu());
  set_agreement(w.agreements, 0, 0, false, p.states, w.states);
  EXPECT_EQ(w.states.in_agreement[0][0], 0);
  set_agreement(w.agreements, 0, 0, true, p.states, w.states);
  EXPECT_EQ(w.states.in_agreement[0][0], 1);
  EXPECT_EQ(w.states.conflict[0][iq(Issue::climate)], 0);
  run_govern(w, p.states, Streams(1), 0);
  EXPECT_DOUBLE_EQ(w.states.commitment[0], 0.518);
}

TEST(Govern, TensionOnlyFromNetworksOnAConflictIssue) {
  // T <- 0.9 T + gamma_T nu x sum_k conflict_jk ; gamma_T = 1, nu = 0.3, x = 0.5.
  const Params p = test::reference_params();
  World w = test::make_world(p, {0, 0, 0, 1, 0}, 2, 1, paris_and_eu());
  set_agreement(w.agreements, 0, 0, false, p.states, w.states);  // state 0 leaves paris
  const int c1 = test::add_network(w, {.name = "c1", .issue = Issue::climate});
  const int c2 = test::add_network(w, {.name = "c2", .issue = Issue::climate});
  const int h = test::add_network(w, {.name = "h", .issue = Issue::health});
  w.members.add(0, c1);                        // one climate network
  w.members.add(1, h);                         // health: no conflict
  w.members.add(2, c1), w.members.add(2, c2);  // two climate networks
  w.members.add(3, c1);                        // state 1 is still in paris
  w.cities.tension.setConstant(0.2);
  run_govern(w, p.states, Streams(1), 0);
  EXPECT_DOUBLE_EQ(w.cities.tension[0], 0.18 + 0.3 * 0.5);
  EXPECT_DOUBLE_EQ(w.cities.tension[1], 0.18);
  EXPECT_DOUBLE_EQ(w.cities.tension[2], 0.18 + 0.3 * 0.5 * 2);
  EXPECT_DOUBLE_EQ(w.cities.tension[3], 0.18);
  EXPECT_DOUBLE_EQ(w.cities.tension[4], 0.18);
  EXPECT_DOUBLE_EQ(w.states.mean_tension[0], (0.33 + 0.18 + 0.48 + 0.18) / 4);
  EXPECT_DOUBLE_EQ(w.states.mean_tension[1], 0.18);
  EXPECT_EQ(w.states.member_cities[0], 3);
  EXPECT_EQ(w.states.member_cities[1], 1);
}

TEST(Govern, PreemptionNeedsHighTensionAndCentralisation) {
  // Cities without networks: T' = 0.9 T. Per state T = (1.0, 0.2) -> (0.9, 0.18),
  // mean 0.54 > T_crit 0.5.
  //   state 0: kappa 0.7 -> pre-empts: a <- a - 0.1 x 0.7 x (0.9 - 0.5)+ = 0.4 - 0.028
  //   state 1: kappa 0.5 (not above 0.5) -> autonomy relaxes: 0.3 + 0.1 (0.4 - 0.3)
  //   state 2: kappa 0.9 but T = (0.5, 0.5) -> mean 0.45 -> relaxes
  const Params p = test::reference_params();
  World w = test::make_world(p, {0, 0, 1, 1, 2, 2}, 3);
  w.states.centralisation << 0.7, 0.5, 0.9;
  w.cities.tension << 1.0, 0.2, 1.0, 0.2, 0.5, 0.5;
  w.cities.autonomy << 0.4, 0.4, 0.3, 0.4, 0.3, 0.5;
  run_govern(w, p.states, Streams(1), 0);
  EXPECT_EQ(w.states.preempting[0], 1);
  EXPECT_EQ(w.states.preempting[1], 0);
  EXPECT_EQ(w.states.preempting[2], 0);
  EXPECT_DOUBLE_EQ(w.cities.autonomy[0], 0.4 - 0.1 * 0.7 * (0.9 - 0.5));  // 0.372
  EXPECT_DOUBLE_EQ(w.cities.autonomy[1], 0.4);                            // its own tension is below T_crit
  EXPECT_DOUBLE_EQ(w.cities.autonomy[2], 0.31);
  EXPECT_DOUBLE_EQ(w.cities.autonomy[3], 0.4);
  EXPECT_DOUBLE_EQ(w.cities.autonomy[4], 0.31);
  EXPECT_DOUBLE_EQ(w.cities.autonomy[5], 0.5 + 0.1 * (0.4 - 0.5));  // relaxes down too
  ASSERT_EQ(w.log.size(), 1u);
  EXPECT_EQ(w.log[0].kind, EventKind::preempted);
  EXPECT_EQ(event_subject(w, w.log[0]), "S0");
  EXPECT_DOUBLE_EQ(w.log[0].limit, p.states.tension_critical);
  // Partnership does not move while pre-empting; elsewhere it relaxes toward
  // (1 - nu) x network share = 0 here: 0.1 + 0.1 (0 - 0.1).
  EXPECT_DOUBLE_EQ(w.states.partnership[0], 0.1);
  EXPECT_DOUBLE_EQ(w.states.partnership[1], 0.09);
}

TEST(Govern, PreemptionIsAnEpisodeAndTakesAtMostEtaKappa) {
  // Tension far above T_crit every year: the state pre-empts once, takes
  // eta_a kappa min(1, T - T_crit) = 0.1 x 0.7 x 1 of autonomy, then waits
  // preemption_interval (4) years, during which autonomy relaxes back.
  const Params p = test::reference_params();
  World w = test::make_world(p, {0, 0}, 1);
  w.states.centralisation[0] = 0.7;
  std::vector<int> episodes;
  for (int year = 0; year < 10; ++year) {
    w.cities.tension.setConstant(20.0);  // whatever the decay, far above
    w.log.clear();
    const double before = w.cities.autonomy[0];
    run_govern(w, p.states, Streams(1), static_cast<std::uint32_t>(year));
    if (w.states.preempting[0]) {
      episodes.push_back(year);
      EXPECT_DOUBLE_EQ(w.cities.autonomy[0], before - 0.1 * 0.7);
    } else {
      EXPECT_DOUBLE_EQ(w.cities.autonomy[0], before + 0.1 * (0.4 - before));
    }
  }
  EXPECT_EQ(episodes, (std::vector<int>{0, 5}));
  EXPECT_GT(w.cities.autonomy[0], 0.3);  // never ground down to nothing
}

TEST(Govern, AutonomyNeverBelowZero) {
  Params p = test::reference_params();
  p.states.preemption_rate = 10;
  World w = test::make_world(p, {0}, 1);
  w.states.centralisation[0] = 1.0;
  w.cities.tension[0] = 50;
  run_govern(w, p.states, Streams(1), 0);
  EXPECT_EQ(w.cities.autonomy[0], 0.0);
}

TEST(Govern, PartnershipFollowsTheNetworkShareOfGdp) {
  // Member GDP 1e10 of 4e10: share 0.25; pi <- 0.1 + 0.1 (0.7 x 0.25 - 0.1) = 0.1075
  const Params p = test::reference_params();
  World w = test::make_world(p, {0, 0}, 1);
  test::set_city_economy(w, 1, 3e6, 1e4);
  const int k = test::add_network(w, {.issue = Issue::health});
  w.members.add(0, k);
  run_govern(w, p.states, Streams(1), 0);
  EXPECT_DOUBLE_EQ(w.states.network_share[0], 0.25);
  EXPECT_DOUBLE_EQ(w.states.partnership[0], 0.1075);
}

TEST(Govern, LeavingAUnionCostsOpenness) {
  const Params p = test::reference_params();  // union_exit_openness 0.2
  World w = test::make_world(p, {0, 1, 2}, 3, 1, paris_and_eu());
  w.states.openness << 0.6, 0.1, 0.6;
  set_agreement(w.agreements, 0, 1, false, p.states, w.states);  // leaves the EU
  set_agreement(w.agreements, 1, 1, false, p.states, w.states);
  set_agreement(w.agreements, 2, 0, false, p.states, w.states);  // leaves Paris: not a union
  EXPECT_DOUBLE_EQ(w.states.openness[0], 0.4);
  EXPECT_EQ(w.states.openness[1], 0.0);  // never below 0
  EXPECT_DOUBLE_EQ(w.states.openness[2], 0.6);
  EXPECT_EQ(w.states.conflict[0][iq(Issue::economy)], 1);
  // Leaving again (not a member) costs nothing more; rejoining does not restore it.
  set_agreement(w.agreements, 0, 1, false, p.states, w.states);
  EXPECT_DOUBLE_EQ(w.states.openness[0], 0.4);
  set_agreement(w.agreements, 0, 1, true, p.states, w.states);
  EXPECT_DOUBLE_EQ(w.states.openness[0], 0.4);
  EXPECT_EQ(w.states.conflict[0][iq(Issue::economy)], 0);
}

TEST(Govern, EndogenousExitOnlyWhenEnabledAndPopulist) {
  Params p = test::reference_params();
  p.states.exit_probability = 1.0;
  World w = test::make_world(p, {0, 1}, 2, 1, paris_and_eu());
  w.states.populism << 0.9, 0.5;           // nu_exit = 0.8
  run_govern(w, p.states, Streams(1), 0);  // off by default
  EXPECT_EQ(w.states.in_agreement[0][0], 1);
  p.states.endogenous_exit = 1;
  run_govern(w, p.states, Streams(1), 1);
  EXPECT_EQ(w.states.in_agreement[0][0], 0);
  EXPECT_EQ(w.states.in_agreement[1][0], 0);
  EXPECT_EQ(w.states.in_agreement[0][1], 1);  // not populist enough
  EXPECT_EQ(w.states.in_agreement[1][1], 1);
  EXPECT_EQ(w.states.conflict[0][iq(Issue::climate)], 1);
}

}  // namespace
}  // namespace urbis
