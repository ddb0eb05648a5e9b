#pragma once
// Tiny worlds for the phase tests: a handful of cities, one or two states and
// a few networks, with every column set to a plain value the test can
// override, and the real defaults of configs/defaults.yaml.
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "agents/city/budget.hpp"
#include "agents/city/portfolio.hpp"
#include "agents/state/gaps.hpp"
#include "agents/world.hpp"
#include "sim/core/parallel.hpp"
#include "sim/core/params.hpp"
#include "tests/core/test_params.hpp"

namespace urbis::test {

inline constexpr int kSlots = 32;

// The defaults of configs/defaults.yaml, with the parameters that the
// hand-computed expectations of these tests use pinned to the reference
// model's values (shared/MODEL.md, section 7). Calibrating a default then
// does not break a test of a formula; a test that needs the shipped value of
// a parameter uses default_params() instead. Benefit terms of the membership
// value other than b_K, b_R, b_F, b_P and b_G (later extensions) are off.
inline Params reference_params() {
  Params p = default_params();
  p.salience.relax_rate = 0.2;
  p.salience.baseline = {0.6, 0.3, 0.3, 0.3, 0.5, 0.2};  // climate, health, security, resilience, economy, peace
  p.budget.international_share = 0.01;
  auto& cp = p.competition;
  cp.mobile_share = 0.02, cp.home_bias = 0.6, cp.w_income = 1.0, cp.w_openness = 1.0;
  cp.w_reputation = 0.5, cp.contest_exponent = 0.3, cp.spending_floor = 0.01;
  auto& ep = p.economy;
  ep.scaling_beta = 1.15, ep.gibrat_sd = 0.01, ep.capital_to_output = 1.0, ep.club_benefit = 0.002;
  ep.position_decay = 0.1, ep.income_margin = 0.5, ep.migration = 0.05, ep.migration_decay = 0.1;
  ep.population_margin = 0.1;
  p.drivers.digital_cost_cut = 0.5, p.drivers.globalisation_reach = 1.0, p.drivers.salience_scale = 1.0;
  for (const ParamSpec& s : param_table())
    if (s.path.starts_with("coalitions.b_")) s.ref(p) = 0;
  auto& co = p.coalitions;
  co.b_size = 1.0, co.b_power = 1.0, co.b_funding = 0.5, co.b_fit = 0.5, co.b_gap = 2.0;
  co.half_size = 5, co.choice_precision = 20, co.u_join = 0.2, co.u_leave = -0.1;
  // The reference model's size term n/(n + n_half): no crowding, no dilution
  // of voice; its flat capacity cost c_m j (no staff scaling).
  co.crowding_size = 1e300, co.voice_size = 1e300, co.peer_width = 1.0, co.capacity_scaling = 0;
  co.sovereign_cost = 0.5, co.gap_autonomy = 0.4, co.capacity_cost = 0.03, co.climate_target = 0.8,
  co.openness_target = 0.8;
  co.review_probability = 0.3, co.funding_scale = 1e6;
  auto& np = p.networks;
  np.recognition_exponent = 0.5, np.gdp_exponent = 0.5, np.funding_exponent = 0.2;
  np.recognition_rate = 0.1, np.initial_recognition = 0.1, np.partnership_boost = 0.05;
  np.reputation_decay = 0.1, np.actions_per_member = 40;
  auto& fp = p.founding;
  fp.min_members = 3, fp.forming_years = 3, fp.grace_years = 3, fp.regional_probability = 0.6, fp.invitees = 5;
  fp.answer_rate = 1.0, fp.gap_memory = 5, fp.founding_group = 10;
  auto& sp = p.states;
  sp.commitment_in = 0.8, sp.commitment_out = 0.1, sp.commitment_rate = 0.3;
  sp.tension_decay = 0.1, sp.tension_gain = 1.0, sp.tension_critical = 0.5;
  sp.preemption_rate = 0.1, sp.preemption_interval = 4, sp.autonomy_relax = 0.1, sp.partnership_rate = 0.1;
  sp.union_exit_openness = 0.2, sp.endogenous_exit = 0, sp.exit_populism = 0.8, sp.exit_probability = 0.1;
  auto& lp = p.learning;
  lp.imitation_probability = 0.2, lp.same_state_probability = 0.5, lp.imitation_temperature = 0.01;
  lp.mutation_probability = 0.01, lp.mutation_sd = 0.05, lp.w_reputation = 1.0, lp.w_mitigation = 1e-4;
  return p;
}

inline int iq(Issue q) { return static_cast<int>(q); }

// Sets P, y and Y = y P of city i.
inline void set_city_economy(World& w, std::size_t i, double population, double gdp_pc) {
  w.cities.population[i] = population;
  w.cities.gdp_pc[i] = gdp_pc;
  w.cities.gdp[i] = population * gdp_pc;
}

// Flat data paths (agents/anchors.hpp) over 1990-2010 through the world as it
// is: each state's national population and GDP, each city's population (one
// row per city), the world's GDP their sum. No drivers.
inline void anchor_flat(World& w) {
  Anchors a = make_anchors(1990, 2010, w.states.size(), w.cities.size(), w.cities.size());
  const auto years = static_cast<std::size_t>(a.years);
  for (std::size_t j = 0; j < w.states.size(); ++j)
    for (std::size_t t = 0; t < years; ++t) {
      a.national_population[j * years + t] = w.states.population[static_cast<Eigen::Index>(j)];
      a.national_gdp[j * years + t] = w.states.gdp[static_cast<Eigen::Index>(j)];
      a.world_gdp[t] += w.states.gdp[static_cast<Eigen::Index>(j)];
    }
  for (std::size_t i = 0; i < w.cities.size(); ++i) {
    a.city_row[i] = static_cast<std::int32_t>(i);
    for (std::size_t t = 0; t < years; ++t)
      a.city_path[i * years + t] = w.cities.population[static_cast<Eigen::Index>(i)];
  }
  w.anchors = std::make_shared<const Anchors>(std::move(a));
  w.drivers = std::make_shared<const Drivers>();
}

// A world whose city i lies in state city_state[i]. States: region j % regions,
// tau 0.1, nu 0.3, kappa 0.5, O 0.6, C 0.5, pi_s 0.1, party to every
// agreement, national population and GDP the sums of its cities' (their
// flat data paths: anchor_flat). Cities: P 1e6, y 1e4 (Y 1e10), on their
// paths, a = a0 = 0.4, x 0.5, o 0.6, V 0, T 0. Salience at its baseline; the
// gaps this makes; no networks; empty memberships.
inline World make_world(const Params& p, const std::vector<int>& city_state, int n_states, int n_regions = 1,
                        std::vector<Agreement> agreements = {}, int slots = kSlots) {
  World w;
  const std::size_t n = city_state.size();
  w.agreements = std::move(agreements);
  for (int r = 0; r < n_regions; ++r) w.region_names.push_back(fmt::format("R{}", r));
  w.states.resize(static_cast<std::size_t>(n_states), w.agreements.size());
  for (int j = 0; j < n_states; ++j) {
    w.states.iso3[j] = fmt::format("S{}", j);
    w.states.name[j] = fmt::format("State {}", j);
    w.states.region[j] = j % n_regions;
    w.states.tax_share[j] = 0.1;
    w.states.populism[j] = 0.3;
    w.states.centralisation[j] = 0.5;
    w.states.openness[j] = 0.6;
    w.states.commitment[j] = 0.5;
    w.states.partnership[j] = 0.1;
  }
  for (auto& g : w.states.in_agreement) std::fill(g.begin(), g.end(), std::uint8_t{1});

  w.cities.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    w.cities.name[i] = fmt::format("c{}", i);
    w.cities.state[i] = city_state[i];
    w.cities.region[i] = w.states.region[city_state[i]];
    set_city_economy(w, i, 1e6, 1e4);
    w.cities.autonomy[i] = w.cities.autonomy0[i] = 0.4;
    w.cities.cooperation[i] = 0.5;
    w.cities.openness[i] = 0.6;
  }
  for (int j = 0; j < n_states; ++j) {
    double pop = 0, gdp = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (city_state[i] == j) pop += w.cities.population[i], gdp += w.cities.gdp[i];
    w.states.population[j] = pop;
    w.states.gdp[j] = gdp;
  }
  anchor_flat(w);
  for (std::size_t i = 0; i < n; ++i) {
    w.cities.anchor_population[i] = w.cities.population[i];
    w.cities.anchor_gdp_pc[i] = w.cities.gdp_pc[i];
  }
  w.networks.regions = n_regions;
  w.members.reset(n, slots);
  w.index_states();
  w.global.year = 2000;
  w.global.step = 0;
  w.global.salience = w.global.salience_baseline = p.salience.baseline;
  w.global.salience_shock = {};
  w.global.coordination_cost = 1.0;
  w.global.international_share = p.budget.international_share;
  w.global.median_fee_multiple = p.networks.fee_gdppc_multiple;
  update_gaps(w.global, w.states, p.coalitions);
  w.states.gap_recent = w.states.gap;
  return w;
}

// All cities in one state.
inline World make_world(const Params& p, int n_cities) {
  return make_world(p, std::vector<int>(static_cast<std::size_t>(n_cities), 0), 1);
}

struct NetworkSpec {
  std::string name = "net";
  Issue issue = Issue::climate;
  Scope scope = {};
  double min_population = 0;
  double fee_multiple = 0;
  double funding = 0;
  bool sponsored = false;
  double recognition = 0.1;
  int founder_state = -1;
  NetworkOrigin origin = NetworkOrigin::founded;
};

inline int add_network(World& w, const NetworkSpec& s) {
  return w.networks.add(s.name, s.issue, s.scope, s.min_population, s.fee_multiple, s.funding, s.sponsored,
                        s.recognition, w.global.year, s.founder_state, s.origin);
}

inline Scope region_scope(int region) {
  Scope s;
  s.kind = ScopeKind::region;
  s.index = region;
  return s;
}

inline Scope union_scope(int agreement) {
  Scope s;
  s.kind = ScopeKind::union_members;
  s.index = agreement;
  return s;
}

// Phase 2 with this world's parameters: world GDP and GDP per capita, fees
// indexed to it, budgets (agents/city/budget.hpp).
inline void refresh(World& w, const Params& p) {
  w.global.international_share = p.budget.international_share;
  w.global.median_fee_multiple = p.networks.fee_gdppc_multiple;
  refresh_budgets(w.states, w.members, w.cities, w.networks, w.global);
}

// A portfolio review (phase 5) after the gaps of the states as they are now.
inline PortfolioStats review(World& w, const Params& p, const Streams& rng, std::uint32_t step, double probability) {
  update_gaps(w.global, w.states, p.coalitions);
  return review_portfolios(w.coalition_view(), p.coalitions, rng, step, probability);
}

// A random world for property tests: Zipf-like populations, y, x, a, o, V
// drawn at random; `networks` networks on random issues, a third of them
// regional; each city in up to three networks its state may join.
inline World random_world(const Params& p, std::size_t n, int n_states, int n_regions, int n_networks,
                          std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> U(0.0, 1.0);
  std::vector<int> st(n);
  for (auto& s : st) s = static_cast<int>(gen() % static_cast<std::uint64_t>(n_states));
  World w = make_world(p, st, n_states, n_regions,
                       {Agreement{"paris", Issue::climate, false}, Agreement{"eu", Issue::economy, true}});
  for (int j = 0; j < n_states; ++j) {
    w.states.tax_share[j] = 0.05 + 0.15 * U(gen);
    w.states.populism[j] = U(gen);
    w.states.centralisation[j] = U(gen);
    w.states.openness[j] = U(gen);
    w.states.commitment[j] = U(gen);
    w.states.in_agreement[1][j] = U(gen) < 0.3;
    if (U(gen) < 0.2) w.states.conflict[j][iq(Issue::climate)] = 1;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double pop = 5e4 * std::pow(U(gen), -0.9);                        // 5e4 .. millions
    const double y = std::exp(std::log(500.0) + U(gen) * std::log(200.0));  // 500 .. 1e5
    set_city_economy(w, i, pop, y);
    w.cities.autonomy[i] = w.cities.autonomy0[i] = U(gen);
    w.cities.cooperation[i] = U(gen);
    w.cities.openness[i] = U(gen);
    w.cities.reputation[i] = U(gen) < 0.5 ? 0.0 : 2.0 * U(gen);
    w.cities.tension[i] = U(gen);
    w.cities.anchor_population[i] = pop;
    w.cities.anchor_gdp_pc[i] = y;
  }
  for (int j = 0; j < n_states; ++j) w.states.population[j] = w.states.gdp[j] = 0;
  for (std::size_t i = 0; i < n; ++i) {
    w.states.population[w.cities.state[i]] += w.cities.population[i];
    w.states.gdp[w.cities.state[i]] += w.cities.gdp[i];
  }
  anchor_flat(w);
  update_gaps(w.global, w.states, p.coalitions);
  w.states.gap_recent = w.states.gap;
  for (int k = 0; k < n_networks; ++k) {
    NetworkSpec s;
    s.name = fmt::format("n{}", k);
    s.issue = static_cast<Issue>(gen() % kIssueCount);
    if (k % 3 == 1) s.scope = region_scope(static_cast<int>(gen() % static_cast<std::uint64_t>(n_regions)));
    if (k % 7 == 3) s.scope = union_scope(1);
    s.min_population = k % 5 == 4 ? 5e5 : 0;
    s.fee_multiple = 20 * std::exp(0.5 * (U(gen) - 0.5));
    s.funding = U(gen) < 0.3 ? 1e6 * U(gen) : 0;
    s.recognition = U(gen);
    add_network(w, s);
    w.networks.power[k] = 0.3 * U(gen);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const int want = static_cast<int>(gen() % 4);
    for (int t = 0; t < want; ++t) w.members.add(i, static_cast<int>(gen() % static_cast<std::uint64_t>(n_networks)));
  }
  refresh(w, p);
  return w;
}

}  // namespace urbis::test
