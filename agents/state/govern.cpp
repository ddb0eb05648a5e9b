#include "agents/state/govern.hpp"

#include <algorithm>
#include <vector>

#include "sim/core/parallel.hpp"

namespace urbis {

int climate_agreement(const std::vector<Agreement>& agreements) {
  for (std::size_t g = 0; g < agreements.size(); ++g)
    if (agreements[g].issue == Issue::climate && !agreements[g].is_union) return static_cast<int>(g);
  return -1;
}

void set_agreement(const std::vector<Agreement>& agreements, int j, int g, bool member, const StateParams& p,
                   States& s) {
  auto& in = s.in_agreement[g][j];
  const bool was = in != 0;
  in = member ? 1 : 0;
  const int q = static_cast<int>(agreements[g].issue);
  if (!member && was) {
    s.conflict[j][q] = 1;
    if (agreements[g].is_union) s.openness[j] = std::max(0.0, s.openness[j] - p.union_exit_openness);
  }
  if (member) s.conflict[j][q] = 0;
}

void govern(int year, const std::vector<Agreement>& agreements, const Memberships& members, const Networks& networks,
            const StateParams& p, const Streams& rng, std::uint32_t step, States& s, Cities& c,
            std::vector<EventRecord>& log) {
  const std::size_t ns = s.size();
  const std::size_t n = c.size();
  const int climate = climate_agreement(agreements);

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
    for (auto k : members.of(i)) conflicts += s.conflict[j][static_cast<int>(networks.issue[k])];
    c.tension[i] =
        (1.0 - p.tension_decay) * c.tension[i] + p.tension_gain * s.populism[j] * c.cooperation[i] * conflicts;
  });

  auto state_of = [&](std::size_t i) { return static_cast<std::size_t>(c.state[i]); };
  std::vector<double> tension, count, gdp, member_gdp, member_cities;
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return c.tension[i]; }, tension);
  sum_by_group(
      n, ns, state_of, [](std::size_t) { return 1.0; }, count);
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return c.gdp[i]; }, gdp);
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return members.count[i] ? c.gdp[i] : 0.0; }, member_gdp);
  sum_by_group(
      n, ns, state_of, [&](std::size_t i) { return members.count[i] ? 1.0 : 0.0; }, member_cities);
  for (std::size_t j = 0; j < ns; ++j) {
    s.mean_tension[j] = count[j] > 0 ? tension[j] / count[j] : 0.0;
    s.network_share[j] = gdp[j] > 0 ? member_gdp[j] / gdp[j] : 0.0;
    s.member_cities[j] = static_cast<int>(member_cities[j]);
    // Pre-emption is an episode (a law, a budget cut), not a standing policy:
    // after one the state waits preemption_interval years before the next.
    s.preempting[j] = s.preempt_wait[j] == 0 && s.mean_tension[j] > p.tension_critical && s.centralisation[j] > 0.5;
    if (s.preempt_wait[j] > 0) --s.preempt_wait[j];
    if (s.preempting[j]) s.preempt_wait[j] = static_cast<int>(p.preemption_interval);
    if (s.preempting[j])
      log.push_back({.year = year,
                     .kind = EventKind::preempted,
                     .state = static_cast<std::int32_t>(j),
                     .value = s.mean_tension[j],
                     .limit = p.tension_critical});
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
    else c.autonomy[i] += p.autonomy_relax * (c.autonomy0[i] - c.autonomy[i]);
  });

  // Optional endogenous exit of populist states.
  if (p.endogenous_exit != 0) {
    for (std::size_t j = 0; j < ns; ++j) {
      if (s.populism[j] <= p.exit_populism) continue;
      for (std::size_t g = 0; g < agreements.size(); ++g) {
        if (!s.in_agreement[g][j]) continue;
        const double u =
            rng.uniform(step, Phase::state_exit, static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(g));
        if (u < p.exit_probability) {
          set_agreement(agreements, static_cast<int>(j), static_cast<int>(g), false, p, s);
          log.push_back({.year = year,
                         .kind = EventKind::withdrew,
                         .state = static_cast<std::int32_t>(j),
                         .agreement = static_cast<std::int32_t>(g)});
        }
      }
    }
  }
}

}  // namespace urbis
