#include "agents/state/govern.hpp"

#include <algorithm>
#include <vector>


#include "sim/core/parallel.hpp"

namespace urbis {

int climate_agreement(const World& w) {
  for (std::size_t g = 0; g < w.agreements.size(); ++g)
    if (w.agreements[g].issue == Issue::climate && !w.agreements[g].is_union) return static_cast<int>(g);
  return -1;
}

void set_agreement(World& w, int j, int g, bool member, const StateParams& p) {
  auto& in = w.states.in_agreement[g][j];
  const bool was = in != 0;
  in = member ? 1 : 0;
  const int q = static_cast<int>(w.agreements[g].issue);
  if (!member && was) {
    w.states.conflict[j][q] = 1;
    if (w.agreements[g].is_union)
      w.states.openness[j] = std::max(0.0, w.states.openness[j] - p.union_exit_openness);
  }
  if (member) w.states.conflict[j][q] = 0;
}

void govern(World& w, const StateParams& p, const Streams& rng, std::uint32_t step) {
  States& s = w.states;
  Cities& c = w.cities;
  const std::size_t ns = s.size();
  const std::size_t n = c.size();
  const int climate = climate_agreement(w);

  // C_j <- C_j + r_C (target - C_j): c_in (1 - nu) inside the agreement, c_out outside.
  for (std::size_t j = 0; j < ns; ++j) {
    const bool inside = climate >= 0 && s.in_agreement[climate][j];
    const double target = inside ? p.commitment_in * (1.0 - s.populism[j]) : p.commitment_out;
    s.commitment[j] += p.commitment_rate * (target - s.commitment[j]);
  }

  // T_i <- (1 - d) T_i + gamma_T nu_j sum_k e_ik conflict_jk
  for_each_index(n, [&](std::size_t i) {
    const int j = c.state[i];
    int conflicts = 0;
    for (auto k : w.members.of(i)) conflicts += s.conflict[j][static_cast<int>(w.networks.issue[k])];
    c.tension[i] = (1.0 - p.tension_decay) * c.tension[i] +
                   p.tension_gain * s.populism[j] * c.cooperation[i] * conflicts;
  });

  auto state_of = [&](std::size_t i) { return static_cast<std::size_t>(c.state[i]); };
  std::vector<double> tension, count, gdp, member_gdp, members;
  sum_by_group(n, ns, state_of, [&](std::size_t i) { return c.tension[i]; }, tension);
  sum_by_group(n, ns, state_of, [](std::size_t) { return 1.0; }, count);
  sum_by_group(n, ns, state_of, [&](std::size_t i) { return c.gdp[i]; }, gdp);
  sum_by_group(n, ns, state_of, [&](std::size_t i) { return w.members.count[i] ? c.gdp[i] : 0.0; }, member_gdp);
  sum_by_group(n, ns, state_of, [&](std::size_t i) { return w.members.count[i] ? 1.0 : 0.0; }, members);
  for (std::size_t j = 0; j < ns; ++j) {
    s.mean_tension[j] = count[j] > 0 ? tension[j] / count[j] : 0.0;
    s.network_share[j] = gdp[j] > 0 ? member_gdp[j] / gdp[j] : 0.0;
    s.member_cities[j] = static_cast<int>(members[j]);
    // Pre-emption is an episode (a law, a budget cut), not a standing policy:
    // after one the state waits preemption_interval years before the next.
    s.preempting[j] = s.preempt_wait[j] == 0 && s.mean_tension[j] > p.tension_critical && s.centralisation[j] > 0.5;
    if (s.preempt_wait[j] > 0) --s.preempt_wait[j];
    if (s.preempting[j]) s.preempt_wait[j] = static_cast<int>(p.preemption_interval);
    if (s.preempting[j])
      w.log.push_back({.year = w.global.year, .kind = EventKind::preempted, .state = static_cast<std::int32_t>(j),
                       .value = s.mean_tension[j], .limit = p.tension_critical});
    else  // pi_s <- pi_s + r_pi ((1 - nu_j) networkshare_j - pi_s)
      s.partnership[j] += p.partnership_rate * ((1.0 - s.populism[j]) * s.network_share[j] - s.partnership[j]);
  }

  // Pre-emption: a_i <- a_i - eta_a kappa_j min(1, (T_i - T_crit)+), once an
  // episode (a law curbs what cities may do abroad: it takes at most
  // eta_a kappa_j of their autonomy, however high the tension); otherwise
  // autonomy relaxes toward a0.
  for_each_index(n, [&](std::size_t i) {
    const int j = c.state[i];
    if (s.preempting[j])
      c.autonomy[i] = std::max(0.0, c.autonomy[i] - p.preemption_rate * s.centralisation[j] *
                                                        std::clamp(c.tension[i] - p.tension_critical, 0.0, 1.0));
    else
      c.autonomy[i] += p.autonomy_relax * (c.autonomy0[i] - c.autonomy[i]);
  });

  // Optional endogenous exit of populist states.
  if (p.endogenous_exit != 0) {
    for (std::size_t j = 0; j < ns; ++j) {
      if (s.populism[j] <= p.exit_populism) continue;
      for (std::size_t g = 0; g < w.agreements.size(); ++g) {
        if (!s.in_agreement[g][j]) continue;
        const double u = rng.uniform(step, Phase::state_exit, static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(g));
        if (u < p.exit_probability) {
          set_agreement(w, static_cast<int>(j), static_cast<int>(g), false, p);
          w.log.push_back({.year = w.global.year, .kind = EventKind::withdrew, .state = static_cast<std::int32_t>(j),
                           .agreement = static_cast<std::int32_t>(g)});
        }
      }
    }
  }
}

}  // namespace urbis
