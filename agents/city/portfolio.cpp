#include "agents/city/portfolio.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/parallel.hpp"


namespace urbis {

namespace {
bool scope_admits(const Scope& s, const World& w, int state) {
  switch (s.kind) {
    case ScopeKind::global: return true;
    case ScopeKind::region: return w.states.region[state] == s.index;
    case ScopeKind::union_members: return w.states.in_agreement[s.index][state] != 0;
    case ScopeKind::states: return s.states[state] != 0;
  }
  return false;
}
}  // namespace

MembershipValuer::MembershipValuer(const World& w, const CoalitionParams& p) : w_(w), p_(p) {
  const std::size_t S = w.states.size();
  gap_.assign(S * kIssueCount, 0.0);
  for (std::size_t j = 0; j < S; ++j) {
    for (int q = 0; q < kIssueCount; ++q) {
      double g = 0;
      switch (static_cast<Issue>(q)) {
        case Issue::climate: g = p.climate_target - w.states.commitment[j]; break;
        case Issue::economy: g = p.openness_target - w.states.openness[j]; break;
        default: g = w.global.salience_shock[q]; break;
      }
      gap_[j * kIssueCount + q] = std::max(0.0, g);
    }
  }
  open_to_state_.assign(S, {});
  for (std::size_t k = 0; k < w.networks.size(); ++k) add_network(static_cast<int>(k));
}

void MembershipValuer::add_network(int network) {
  const World& w = w_;
  const CoalitionParams& p = p_;
  const Networks& nw = w.networks;
  const auto k = static_cast<std::size_t>(network);
  const std::size_t R = static_cast<std::size_t>(nw.regions);
  if (base_.size() <= k) base_.resize(k + 1, 0.0);
  if (fit_.size() < (k + 1) * R) fit_.resize((k + 1) * R, 0.0);

  const double n = nw.members[k];
  const double sigma = w.global.salience[static_cast<int>(nw.issue[k])];
  base_[k] = p.b_size * sigma * n / (n + p.half_size) + p.b_power * nw.recognition[k] * nw.power[k];
  // Peer weight: the engagement-weighted geometric mean GDP of the members
  // against the typical city's, w_k = exp(L_k / E_k - mean ln Y), as
  // b_W w/(w + w_half) times the size saturation n/(n + n_half) (a club of one
  // is no club). The geometric mean describes the typical member: in an
  // arithmetic mean one giant (Tokyo is ~180 mean cities) makes any network
  // that holds it look like a club of peers.
  if (p.b_peer > 0 && nw.engagement[k] > 0) {
    const double peer = std::exp(nw.engaged_log_gdp[k] / nw.engagement[k] - w.global.mean_log_gdp);
    base_[k] += p.b_peer * peer / (peer + p.peer_half) * n / (n + p.half_size);
  }
  for (std::size_t r = 0; r < R; ++r)
    fit_[k * R + r] = p.b_fit * (nw.region_members[k * R + r] + 0.5) / (nw.members[k] + 1.0);
  if (!nw.active[k]) return;
  // Networks are added in index order, so each state's list stays sorted.
  for (std::size_t j = 0; j < open_to_state_.size(); ++j)
    if (scope_admits(nw.scope[k], w, static_cast<int>(j))) open_to_state_[j].push_back(network);
}

bool MembershipValuer::admits(std::size_t i, int k) const {
  const Networks& nw = w_.networks;
  if (w_.cities.population[i] < nw.min_population[k]) return false;
  const auto& list = nw.invited[static_cast<std::size_t>(k)];
  return list.empty() || std::binary_search(list.begin(), list.end(), static_cast<std::int32_t>(i));
}

bool MembershipValuer::eligible(std::size_t i, int k) const {
  const Networks& nw = w_.networks;
  return nw.active[k] && admits(i, k) && scope_admits(nw.scope[k], w_, w_.cities.state[i]);
}

MembershipValuer::CityTerms MembershipValuer::terms(std::size_t i) const {
  const Cities& c = w_.cities;
  const int j = c.state[i];
  const double x = c.cooperation[i];
  const double budget = std::max(x * c.intl_budget[i], 1.0);  // USD; the floor avoids 0/0
  return {x, budget, 1.0 / budget, p_.sovereign_cost * w_.states.populism[j] * (1.0 - c.autonomy[i]), j,
          c.region[i]};
}

double MembershipValuer::value(const CityTerms& t, int k) const {
  const Networks& nw = w_.networks;
  const int q = static_cast<int>(nw.issue[k]);
  const double fit = nw.regions > 0 ? fit_[static_cast<std::size_t>(k) * nw.regions + t.region] : 0.0;
  double benefit = base_[k] + fit + p_.b_gap * gap_[static_cast<std::size_t>(t.state) * kIssueCount + q];
  if (nw.funding[k] > 0) benefit += p_.b_funding * nw.funding[k] / (nw.members[k] * t.coop_budget + p_.funding_scale);
  return t.x * benefit - nw.fee[k] * t.inv_budget - t.sovereign * w_.states.conflict[t.state][q];
}

double MembershipValuer::noise(const Streams& rng, std::uint32_t step, Phase phase, std::size_t i,
                               int k) const {
  const auto b = rng.block(step, phase, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k) / 4);
  return noise_of_word(b[static_cast<std::size_t>(k) % 4]);
}

double MembershipValuer::noise_of_word(std::uint32_t word) const {
  const double u = Streams::to_unit32(word);
  const double e = std::log(u / (1.0 - u));
  return std::clamp(e, -8.0, 8.0) / p_.choice_precision;
}

PortfolioStats review_portfolios(World& w, const CoalitionParams& p, const Streams& rng,
                                 std::uint32_t step, double review_probability) {
  const MembershipValuer valuer(w, p);
  Cities& c = w.cities;
  Memberships& m = w.members;
  const std::size_t n = c.size();
  const std::size_t K = w.networks.size();
  const double stick = p.u_join - p.u_leave;
  const bool prune = p.u_join >= 0;  // the exact skip below needs a non-negative threshold

  const std::size_t chunks = chunk_count(n);
  std::vector<int> joined(chunks * K, 0), left(chunks * K, 0);
  const std::uint8_t* played = w.players.mask();  // their players choose instead (agents/city/players.hpp)

  struct Candidate {
    double score;
    int k;
    bool member;
  };

  for_chunks(n, [&](std::size_t b, std::size_t e, std::size_t chunk) {
    std::vector<Candidate> cand;
    std::vector<std::int32_t> old_row;
    int* jn = joined.data() + chunk * K;
    int* lf = left.data() + chunk * K;
    for (std::size_t i = b; i < e; ++i) {
      if (played && played[i]) continue;
      auto row = m.of(i);
      old_row.assign(row.begin(), row.end());
      const bool reviews = review_probability >= 1.0 ||
                           rng.uniform(step, Phase::portfolio_review, static_cast<std::uint32_t>(i), 0) < review_probability;
      if (!reviews) {
        for (auto k : old_row)
          if (!valuer.eligible(i, k)) {
            m.remove(i, k);
            ++lf[k];
          }
        continue;
      }
      cand.clear();
      const auto city = valuer.terms(i);
      // One Philox block holds the noise of four networks (k / 4); networks
      // come mostly in index order, so keep the last block.
      std::uint32_t block_index = ~std::uint32_t{0};
      r123::Philox4x32::ctr_type block{};
      auto consider = [&](int k, bool member) {
        const double det = valuer.value(city, k) + (member ? stick : 0.0);
        if (prune && det + valuer.noise_bound() <= p.u_join) return;
        const auto bi = static_cast<std::uint32_t>(k) / 4;
        if (bi != block_index) {
          block = rng.block(step, Phase::portfolio_noise, static_cast<std::uint32_t>(i), bi);
          block_index = bi;
        }
        cand.push_back({det + valuer.noise_of_word(block[static_cast<std::size_t>(k) % 4]), k, member});
      };
      for (auto k : old_row)
        if (valuer.eligible(i, k)) consider(k, true);
      for (auto k : valuer.open_to_state(c.state[i]))
        if (valuer.admits(i, k) &&
            std::find(old_row.begin(), old_row.end(), k) == old_row.end())
          consider(k, false);
      // Candidates are taken best first (score, then network index: a strict
      // order). A heap yields them in that order without sorting the ones
      // never reached: once score - c_m taken <= u_join (u_join >= 0), no
      // later candidate can pass, since its score is no higher, dividing by
      // 1 + c_iq only lowers a positive score, and the capacity cost only grows.
      auto after = [](const Candidate& a, const Candidate& b2) {
        return a.score != b2.score ? a.score < b2.score : a.k > b2.k;
      };
      std::make_heap(cand.begin(), cand.end(), after);

      m.clear(i);
      PerIssue<int> per_issue{};
      double fees = 0;
      const double coop_budget = c.cooperation[i] * c.intl_budget[i];
      const bool early_exit = prune && p.capacity_cost >= 0;
      for (auto end = cand.end(); end != cand.begin(); --end) {
        std::pop_heap(cand.begin(), end, after);
        const Candidate& cd = *(end - 1);
        const int taken = m.count[i];
        if (taken >= m.slots) break;
        if (early_exit && cd.score - p.capacity_cost * taken <= p.u_join) break;
        const int q = static_cast<int>(w.networks.issue[cd.k]);
        const double marginal = cd.score / (1.0 + per_issue[q]) - p.capacity_cost * taken;
        const double fee = w.networks.fee[cd.k];
        if (marginal > p.u_join && fees + fee <= coop_budget) {
          m.add(i, cd.k);
          ++per_issue[q];
          fees += fee;
        }
      }
      for (auto k : m.of(i))
        if (std::find(old_row.begin(), old_row.end(), k) == old_row.end()) ++jn[k];
      for (auto k : old_row)
        if (!m.has(i, k)) ++lf[k];
    }
  });

  PortfolioStats stats;
  stats.joined.assign(K, 0);
  stats.left.assign(K, 0);
  for (std::size_t ch = 0; ch < chunks; ++ch)
    for (std::size_t k = 0; k < K; ++k) {
      stats.joined[k] += joined[ch * K + k];
      stats.left[k] += left[ch * K + k];
    }
  if (played) apply_player_memberships(w, valuer, stats);
  return stats;
}

}  // namespace urbis
