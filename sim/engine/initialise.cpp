#include "sim/engine/initialise.hpp"

#include <cmath>

#include <fmt/format.h>

#include "agents/city/budget.hpp"
#include "agents/city/portfolio.hpp"
#include "agents/network/aggregate.hpp"
#include "agents/state/govern.hpp"
#include "sim/core/parallel.hpp"

namespace urbis {

void refresh_budgets(World& w, const Params& params) {
  Cities& c = w.cities;
  w.global.world_gdp = sum_over(c.size(), [&](std::size_t i) { return c.gdp[i]; });
  const double pop = sum_over(c.size(), [&](std::size_t i) { return c.population[i]; });
  w.global.world_gdp_pc = pop > 0 ? w.global.world_gdp / pop : 0.0;
  w.global.mean_log_gdp =
      c.size() > 0 ? sum_over(c.size(), [&](std::size_t i) { return log_gdp(c.gdp[i]); }) / static_cast<double>(c.size())
                   : 0.0;
  index_fees(w.networks, w.global.world_gdp_pc);
  compute_budgets(w.states, w.members, w.networks, c, params.budget);
}

namespace {

// Networks that existed at the start without a name in the data: issues in
// proportion to baseline salience, scopes like endogenous ones, members from
// the start-up reviews.
void add_filler_networks(World& w, int count, const Params& p, const Streams& rng, int start) {
  double total = 0;
  for (double s : p.salience.baseline) total += s;
  for (int n = 0; n < count; ++n) {
    const auto id = static_cast<std::uint32_t>(n);
    const auto b = rng.block(0, Phase::init_fees, id, 0);
    double u = Streams::to_unit32(b[0]) * total;
    int q = 0;
    while (q < kIssueCount - 1 && u >= p.salience.baseline[q]) u -= p.salience.baseline[q++];
    Scope scope;
    if (Streams::to_unit32(b[1]) < p.founding.regional_probability && !w.region_names.empty()) {
      scope.kind = ScopeKind::region;
      scope.index = std::min(static_cast<int>(w.region_names.size()) - 1,
                             static_cast<int>(Streams::to_unit32(b[2]) * static_cast<double>(w.region_names.size())));
    }
    const double fee = p.networks.fee_gdppc_multiple * std::exp(p.networks.fee_log_sd * rng.normal(0, Phase::init_fees, id, 1));
    const int k = w.networks.add(fmt::format("{} network (before {}) {}", issue_name(static_cast<Issue>(q)), start, n + 1),
                                 static_cast<Issue>(q), scope, 0.0, fee, 0.0, false,
                                 p.networks.initial_recognition, start, -1);
    w.networks.fee[k] = fee * w.global.world_gdp_pc;
  }
}

}  // namespace

void initialise_world(World& w, Timeline& timeline, const Scenario& s, const Params& p, const Streams& rng) {
  Cities& c = w.cities;
  States& st = w.states;
  w.global.year = s.start;
  w.global.step = 0;
  w.global.salience = p.salience.baseline;
  w.global.salience_shock = {};
  w.networks.regions = static_cast<int>(w.region_names.size());
  w.members.reset(c.size(), static_cast<int>(p.coalitions.max_memberships));
  if (w.state_offsets.size() != st.size() + 1) w.index_states();

  const int climate = climate_agreement(w);
  for (std::size_t j = 0; j < st.size(); ++j) {
    const bool inside = climate >= 0 && st.in_agreement[climate][j];
    st.commitment[j] = inside ? p.states.commitment_in * (1.0 - st.populism[j]) : p.states.commitment_out;
    st.partnership[j] = p.states.initial_partnership;
  }
  for_each_index(c.size(), [&](std::size_t i) {
    const int j = c.state[i];
    c.cooperation[i] = beta_draw(rng, 0, Phase::init_x, static_cast<std::uint32_t>(i),
                                 p.learning.initial_x_alpha, p.learning.initial_x_beta);
    c.autonomy0[i] = p.states.initial_autonomy * (1.0 - st.centralisation[j]);
    c.autonomy[i] = c.autonomy0[i];
    c.openness[i] = st.openness[j];
    c.reputation[i] = c.tension[i] = c.actions[i] = 0;
  });

  refresh_budgets(w, p);
  found_initial_networks(w, timeline, p, s.start);
  int active = 0;
  for (auto a : w.networks.active) active += a;
  if (s.world.kind == WorldSpec::Kind::real && s.world.real.initial_networks > active)
    add_filler_networks(w, s.world.real.initial_networks - active, p, rng, s.start);

  // Start-up reviews: every city reviews, keyed by steps no year uses.
  for (int r = 0; r < static_cast<int>(p.coalitions.initial_rounds); ++r) {
    count_members(w);
    network_power(w, p.networks, p.coalitions.funding_scale);
    refresh_budgets(w, p);
    review_portfolios(w, p.coalitions, rng, 0x80000000u + static_cast<std::uint32_t>(r), 1.0);
  }
  count_members(w);
  network_power(w, p.networks, p.coalitions.funding_scale);
  refresh_budgets(w, p);
}

}  // namespace urbis
