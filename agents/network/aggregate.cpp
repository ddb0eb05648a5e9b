#include "agents/network/aggregate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/core/parallel.hpp"

namespace urbis {

void count_members(const Cities& c, const States& states, const Memberships& members, Networks& nw) {
  const std::size_t n = c.size();
  const std::size_t K = nw.size();
  const std::size_t R = static_cast<std::size_t>(nw.regions);
  // Per chunk and network: the counts (members, then members from each
  // region) and the sums (engagement, engaged GDP, partner-weighted GDP,
  // engaged log GDP).
  const std::size_t count_width = 1 + R, sum_width = 4;
  const std::size_t chunks = chunk_count(n);
  std::vector<std::int32_t> counts(chunks * K * count_width, 0);
  std::vector<double> sums(chunks * K * sum_width, 0.0);
  for_chunks(n, [&](std::size_t b, std::size_t e, std::size_t ch) {
    std::int32_t* cp = counts.data() + ch * K * count_width;
    double* sp = sums.data() + ch * K * sum_width;
    for (std::size_t i = b; i < e; ++i) {
      const double x = c.cooperation[i];  // e_ik = x_i
      const double partner = states.partnership[c.state[i]];
      for (auto k : members.of(i)) {
        std::int32_t* count = cp + static_cast<std::size_t>(k) * count_width;
        count[0] += 1;
        count[1 + c.region[i]] += 1;
        double* sum = sp + static_cast<std::size_t>(k) * sum_width;
        sum[0] += x;
        sum[1] += x * c.gdp[i];
        sum[2] += x * c.gdp[i] * partner;
        sum[3] += x * log_gdp(c.gdp[i]);
      }
    }
  });
  nw.region_members.assign(K * R, 0);
  std::vector<double> partner(K, 0.0);
  for (std::size_t k = 0; k < K; ++k) {
    nw.members[k] = 0;
    nw.engagement[k] = nw.engaged_gdp[k] = nw.engaged_log_gdp[k] = 0;
  }
  for (std::size_t ch = 0; ch < chunks; ++ch)
    for (std::size_t k = 0; k < K; ++k) {
      const std::int32_t* count = counts.data() + (ch * K + k) * count_width;
      nw.members[k] += count[0];
      for (std::size_t r = 0; r < R; ++r) nw.region_members[k * R + r] += count[1 + r];
      const double* sum = sums.data() + (ch * K + k) * sum_width;
      nw.engagement[k] += sum[0];
      nw.engaged_gdp[k] += sum[1];
      partner[k] += sum[2];
      nw.engaged_log_gdp[k] += sum[3];
    }
  for (std::size_t k = 0; k < K; ++k)
    nw.partner_weight[k] = nw.engaged_gdp[k] > 0 ? partner[k] / nw.engaged_gdp[k] : 0.0;
}

void network_power(Networks& nw, Globals& global, const NetworkParams& p, double F0) {
  const std::size_t K = nw.size();
  const double Yw = global.world_gdp;
  double climate_actions = 0;
  for (std::size_t k = 0; k < K; ++k) {
    if (!nw.active[k]) {
      nw.power[k] = nw.actions[k] = 0;
      continue;
    }
    const double funding = 1.0 + nw.funding[k] / F0;
    const double share = Yw > 0 ? nw.engaged_gdp[k] / Yw : 0.0;
    // NP_k = r^0.5 (W / Y_world)^0.5 (1 + F/F0)^0.2
    nw.power[k] = std::pow(nw.recognition[k], p.recognition_exponent) * std::pow(share, p.gdp_exponent) *
                  std::pow(funding, p.funding_exponent);
    // A_k = a0 sum_i e_ik sigma_q (1 + F/F0)
    nw.actions[k] = p.actions_per_member * nw.engagement[k] * global.salience[static_cast<int>(nw.issue[k])] * funding;
    if (nw.issue[k] == Issue::climate) climate_actions += nw.actions[k];
  }
  global.mitigation = climate_actions;
}

void update_recognition(Networks& nw, const NetworkParams& p) {
  for (std::size_t k = 0; k < nw.size(); ++k) {
    if (!nw.active[k]) continue;
    // r_k <- r_k + 0.1 (NP_k - r_k) + partnership boost
    const double r = nw.recognition[k] + p.recognition_rate * (nw.power[k] - nw.recognition[k]) +
                     p.partnership_boost * nw.partner_weight[k];
    nw.recognition[k] = std::clamp(r, 0.0, 1.0);
  }
}

void update_reputation(const Networks& nw, const Memberships& members, Cities& c, const NetworkParams& p) {
  // V_i <- (1 - d) V_i + sum_k e_ik NP_k / n_k ; each member is credited its
  // share of the network's actions, e_ik A_k / sum e.
  for_each_index(c.size(), [&](std::size_t i) {
    const double x = c.cooperation[i];
    double gain = 0, acts = 0;
    for (auto k : members.of(i)) {
      if (nw.members[k] > 0) gain += x * nw.power[k] / nw.members[k];
      if (nw.engagement[k] > 0) acts += nw.actions[k] * x / nw.engagement[k];
    }
    const double v_next = (1.0 - p.reputation_decay) * c.reputation[i] + gain;
    c.reputation_gain[i] = v_next - c.reputation[i];
    c.reputation[i] = v_next;
    c.actions[i] += acts;
  });
}

}  // namespace urbis
