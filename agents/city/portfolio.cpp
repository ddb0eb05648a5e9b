#include "agents/city/portfolio.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>
#include <mutex>
#include <numbers>
#include <optional>

#include <tbb/enumerable_thread_specific.h>

#include "agents/city/attention.hpp"
#include "agents/city/best_first.hpp"
#include "sim/core/parallel.hpp"

namespace urbis {

namespace {
bool scope_admits(const Scope& s, const States& states, int state) {
  switch (s.kind) {
    case ScopeKind::global: return true;
    case ScopeKind::region: return states.region[state] == s.index;
    case ScopeKind::union_members: return states.in_agreement[s.index][state] != 0;
    case ScopeKind::states: return s.states[state] != 0;
  }
  return false;
}
}  // namespace

MembershipValuer::MembershipValuer(const Cities& cities, const States& states, const Networks& networks,
                                   const Memberships& members, const Globals& global, const Players& players,
                                   const CoalitionParams& p)
    : cities_(cities),
      states_(states),
      networks_(networks),
      members_(members),
      global_(global),
      players_(players),
      p_(p),
      capacity_cost_(p.capacity_cost * global.coordination_cost),
      inv_two_width2_(1.0 / (2.0 * p.peer_width * p.peer_width)) {
  const double typical_fee = global_.typical_fee();
  inv_typical_fee_ = typical_fee > 0 ? 1.0 / typical_fee : 0.0;
  const std::size_t S = states_.size();
  gap_.assign(S * kIssueCount, 0.0);
  for (std::size_t j = 0; j < S; ++j)
    for (int q = 0; q < kIssueCount; ++q) gap_[j * kIssueCount + q] = states_.gap[j][q];
  open_only_to_.assign(S, {});
  for (std::size_t k = 0; k < networks_.size(); ++k) add_network(static_cast<int>(k));
}

void MembershipValuer::add_network(int network) {
  const CoalitionParams& p = p_;
  const Networks& nw = networks_;
  const auto k = static_cast<std::size_t>(network);
  const std::size_t R = static_cast<std::size_t>(nw.regions);
  if (base_.size() <= k) base_.resize(k + 1, 0.0);
  if (fit_.size() < (k + 1) * R) fit_.resize((k + 1) * R, 0.0);

  if (peer_weight_.size() <= k) peer_weight_.resize(k + 1, 0.0), peer_mean_.resize(k + 1, 0.0);
  set_club_terms(k, nw.members[k]);
  for (std::size_t r = 0; r < R; ++r)
    fit_[k * R + r] = p.b_fit * (nw.region_members[k * R + r] + 0.5) / (nw.members[k] + 1.0);
  if (!nw.active[k]) return;
  // Networks are added in index order, so each list stays sorted.
  if (!nw.invited[k].empty()) open_by_invitation_.push_back(network);
  if (nw.scope[k].kind == ScopeKind::global) {
    open_everywhere_.push_back(network);
    return;
  }
  if (nw.scope[k].kind == ScopeKind::region && nw.scope[k].index >= 0) {
    const auto r = static_cast<std::size_t>(nw.scope[k].index);
    if (open_in_region_.size() <= r) open_in_region_.resize(r + 1);
    open_in_region_[r].push_back(network);
    return;
  }
  for (std::size_t j = 0; j < open_only_to_.size(); ++j)
    if (scope_admits(nw.scope[k], states_, static_cast<int>(j))) open_only_to_[j].push_back(network);
}

// The terms that depend on the network's size n: size, power and the peer
// term's weight and typical member. The club terms rise with size and then
// fall with crowding (club_size_benefit); the peer term is homophily: a
// club's value to a city is the company of cities like it (the same order
// of output), which keeps clubs of megacities (C40, Metropolis), of
// mid-sized cities and of small towns apart instead of letting one network
// of every size absorb all the others.
void MembershipValuer::set_club_terms(std::size_t k, double n) {
  const Networks& nw = networks_;
  const double sigma = global_.salience[static_cast<int>(nw.issue[k])];
  const double club = club_size_benefit(n, p_.half_size, p_.crowding_size);
  // A member's share of the network's voice shrinks as it grows: n_v/(n + n_v).
  const double voice = p_.voice_size / (n + p_.voice_size);
  base_[k] = p_.b_size * sigma * club + p_.b_power * nw.recognition[k] * nw.power[k] * voice;
  const bool engaged = nw.engagement[k] > 0;
  peer_weight_[k] = engaged ? p_.b_peer * club : 0.0;
  peer_mean_[k] = engaged ? nw.engaged_log_gdp[k] / nw.engagement[k] : 0.0;
}

void MembershipValuer::prospect(int network, double members) {
  const Networks& nw = networks_;
  const auto k = static_cast<std::size_t>(network);
  set_club_terms(k, std::max(members, static_cast<double>(nw.members[k])));
  const std::size_t R = static_cast<std::size_t>(nw.regions);
  if (nw.scope[k].kind != ScopeKind::global)
    for (std::size_t r = 0; r < R; ++r) fit_[k * R + r] = p_.b_fit * (members + 0.5) / (members + 1.0);
}

double invitation_margin(const MembershipValuer& valuer, std::size_t i, int k, double noise) {
  const double none = -std::numeric_limits<double>::infinity();
  const Memberships& m = valuer.members();
  const Networks& nw = valuer.networks();
  const std::uint8_t* played = valuer.players().mask();
  if ((played && played[i]) || m.count[i] >= m.slots || m.has(i, k)) return none;
  const Cities& c = valuer.cities();
  if (c.fees[i] + nw.fee[k] > c.cooperation[i] * c.intl_budget[i]) return none;
  int same_niche = 0;
  for (auto other : m.of(i)) same_niche += nw.niche(other) == nw.niche(k);
  const auto city = valuer.terms(i);
  return marginal_value(valuer.value(city, k) + noise, same_niche, m.count[i], city.capacity_cost);
}

bool MembershipValuer::admits(std::size_t i, int k) const {
  const Networks& nw = networks_;
  if (cities_.population[i] < nw.min_population[k]) return false;
  const auto& list = nw.invited[static_cast<std::size_t>(k)];
  return list.empty() || std::binary_search(list.begin(), list.end(), static_cast<std::int32_t>(i));
}

bool MembershipValuer::eligible(std::size_t i, int k) const {
  const Networks& nw = networks_;
  return nw.active[k] && admits(i, k) && scope_admits(nw.scope[k], states_, cities_.state[i]);
}

double MembershipValuer::staff(std::size_t i) const {
  const Cities& c = cities_;
  const double memberships = c.cooperation[i] * c.intl_budget[i] * inv_typical_fee_;
  return memberships > 1.0 ? std::pow(memberships, p_.capacity_scaling) : 1.0;
}

MembershipValuer::CityTerms MembershipValuer::terms(std::size_t i) const {
  const Cities& c = cities_;
  const int j = c.state[i];
  const double x = c.cooperation[i];
  const double budget = std::max(x * c.intl_budget[i], 1.0);  // USD; the floor avoids 0/0
  const double s = staff(i);
  return {x,
          budget,
          1.0 / budget,
          p_.sovereign_cost * states_.populism[j] * (1.0 - c.autonomy[i]),
          std::min(1.0, c.autonomy[i] / p_.gap_autonomy),
          log_gdp(c.gdp[i]),
          s,
          capacity_cost_ / s,
          j,
          c.region[i]};
}

double MembershipValuer::value(const CityTerms& t, int k) const {
  const Networks& nw = networks_;
  const int q = static_cast<int>(nw.issue[k]);
  const double fit = nw.regions > 0 ? fit_[static_cast<std::size_t>(k) * nw.regions + t.region] : 0.0;
  double benefit = base_[k] + fit + gap_benefit(t, q);
  if (peer_weight_[k] > 0) {
    // Only members smaller than the city make a club less a club of peers:
    // the company of cities of weight, or of one's own weight, is sought.
    const double d = t.log_gdp - peer_mean_[k];
    benefit += d > 0 ? peer_weight_[k] * std::exp(-d * d * inv_two_width2_) : peer_weight_[k];  // exp(0) = 1
  }
  if (nw.funding[k] > 0) benefit += p_.b_funding * nw.funding[k] / (nw.members[k] * t.coop_budget + p_.funding_scale);
  return t.x * benefit - nw.fee[k] * t.inv_budget - t.sovereign * states_.conflict[t.state][q];
}

double MembershipValuer::benefit_ceiling(int k, int region) const {
  const Networks& nw = networks_;
  const double fit = nw.regions > 0 ? fit_[static_cast<std::size_t>(k) * nw.regions + region] : 0.0;
  double ceiling = base_[k] + fit + std::max(0.0, peer_weight_[k]);
  if (nw.funding[k] > 0) ceiling += p_.b_funding * nw.funding[k] / (nw.members[k] + p_.funding_scale);
  return ceiling;
}

double MembershipValuer::noise(const Streams& rng, std::uint32_t step, Phase phase, std::size_t i, int k) const {
  const auto b = rng.block(step, phase, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(k) / 4);
  return noise_of_word(b[static_cast<std::size_t>(k) % 4]);
}

double MembershipValuer::noise_of_odds(double y) const {
  return std::clamp(std::log(y), -8.0, 8.0) / p_.choice_precision;
}

double MembershipValuer::noise_ceiling_of_odds(double y) const {
  // ln y = e ln 2 + ln m for y = m 2^e, m in [1/2, 1); ln is concave, so its
  // tangent at m = 3/4 lies above it: ln m <= ln(3/4) + (m - 3/4) 4/3, at most
  // 0.072 too high (at m = 1/2). The 1e-9 covers std::log's rounding. y lies in
  // [2^-33, 2^33] (to_unit32 never gives 0 or 1), a normal double, so its
  // exponent and mantissa are its bits.
  const auto bits = std::bit_cast<std::uint64_t>(y);
  const int e = static_cast<int>((bits >> 52) & 0x7ff) - 1022;
  const double m = std::bit_cast<double>((bits & ((std::uint64_t{1} << 52) - 1)) | (std::uint64_t{1022} << 52));
  constexpr double ln_three_quarters = -0.28768207245178090;  // ln(3/4)
  const double ceiling = e * std::numbers::ln2 + ln_three_quarters + (m - 0.75) * (4.0 / 3.0) + 1e-9;
  return std::clamp(ceiling, -8.0, 8.0) / p_.choice_precision;
}

namespace {

// The networks open in each region, by issue, in two orders: by their
// benefit ceiling there (highest first) and by their fee (lowest first). A
// pruned review reads both lists of an issue in turn (Fagin's threshold
// algorithm): a network not yet read has a benefit ceiling no higher and a
// fee no lower than the next ones, so once the value ceiling they make
// cannot pass the prune (ceiling + 8/lambda <= u_join), no network left can.
class ValueCeilings {
 public:
  struct Entry {
    double key;
    int k;
  };
  ValueCeilings(const Networks& nw, const MembershipValuer& valuer) : regions_(std::max(nw.regions, 1)) {
    by_benefit_.assign(static_cast<std::size_t>(regions_) * kIssueCount, {});
    by_fee_.assign(by_benefit_.size(), {});
    for (std::size_t k = 0; k < nw.size(); ++k) {
      if (!nw.active[k]) continue;
      const int q = static_cast<int>(nw.issue[k]);
      for (int r = 0; r < regions_; ++r) {
        if (nw.scope[k].kind == ScopeKind::region && nw.scope[k].index != r) continue;
        const std::size_t list = static_cast<std::size_t>(r) * kIssueCount + q;
        by_benefit_[list].push_back({valuer.benefit_ceiling(static_cast<int>(k), r), static_cast<int>(k)});
        by_fee_[list].push_back({nw.fee[k], static_cast<int>(k)});
      }
    }
    for (auto& l : by_benefit_) std::sort(l.begin(), l.end(), [](Entry a, Entry b) { return a.key > b.key; });
    for (auto& l : by_fee_) std::sort(l.begin(), l.end(), [](Entry a, Entry b) { return a.key < b.key; });
  }
  const std::vector<Entry>& by_benefit(int region, int q) const { return by_benefit_[list(region, q)]; }
  const std::vector<Entry>& by_fee(int region, int q) const { return by_fee_[list(region, q)]; }

 private:
  int regions_;
  std::vector<std::vector<Entry>> by_benefit_, by_fee_;
  std::size_t list(int region, int q) const {
    return static_cast<std::size_t>(regions_ > 1 ? region : 0) * kIssueCount + static_cast<std::size_t>(q);
  }
};

}  // namespace

PortfolioStats review_portfolios(CoalitionView v, const CoalitionParams& p, const Streams& rng, std::uint32_t step,
                                 double review_probability, ReviewSearch search) {
  const MembershipValuer valuer(v, p);
  Cities& c = v.cities;
  Memberships& m = v.members;
  const Networks& nw = v.networks;
  const States& states = v.states;
  const std::size_t n = c.size();
  const std::size_t K = nw.size();
  const double stick = p.u_join - p.u_leave;
  const bool prune = p.u_join >= 0;  // the exact skip below needs a non-negative threshold
  const double noise_bound = valuer.noise_bound();

  const std::uint8_t* played = v.players.mask();  // their players choose instead (agents/city/players.hpp)

  // The ceilings' lists are made when a city first needs them: with bounded
  // attention most reviews sample the open networks instead, and making the
  // lists (every network, sorted per region and issue) is a cost per
  // network that a world of few cities and many networks would feel.
  const bool use_ceilings = prune && search == ReviewSearch::pruned;
  std::optional<ValueCeilings> ceilings;
  std::once_flag ceilings_made;
  auto value_ceilings = [&]() -> const ValueCeilings& {
    std::call_once(ceilings_made, [&] { ceilings.emplace(nw, valuer); });
    return *ceilings;
  };

  // A thread's working memory, made once per thread and review (not per
  // piece), and its counts of joins and leaves: integers, so their sum over
  // threads is the same whichever thread reviewed which city.
  struct Passed {  // a candidate's deterministic value and the odds of its noise's uniform
    double det, odds;
    int k;
    bool member;
  };
  struct Scratch {
    explicit Scratch(std::size_t K)
        : passed(K), held(K, 0), blocks(K / 4 + 1), block_generation(K / 4 + 1, 0), joined(K, 0), left(K, 0) {}
    std::vector<Passed> passed;  // one per network at most, held ones included
    std::vector<Candidate> cand;
    BestFirst order;
    std::vector<std::int32_t> old_row, read;
    std::vector<std::uint8_t> held;  // old_row, and the networks read from the lists, as a mask
    std::vector<r123::Philox4x32::ctr_type> blocks;
    std::vector<std::uint32_t> block_generation;  // blocks[b] is this city's when equal to generation
    std::uint32_t generation = 0;
    std::vector<int> joined, left;
  };
  tbb::enumerable_thread_specific<Scratch> scratch(K);

  // Cut in pieces, not chunks: each city writes only its own row.
  for_pieces(n, [&](std::size_t b, std::size_t e, std::size_t) {
    Scratch& sc = scratch.local();
    auto& [passed, cand, order, old_row, read, held, blocks, block_generation, generation, joined, left] = sc;
    int* jn = joined.data();
    int* lf = left.data();
    for (std::size_t i = b; i < e; ++i) {
      if (played && played[i]) continue;
      auto row = m.of(i);
      old_row.assign(row.begin(), row.end());
      const bool reviews =
          review_probability >= 1.0 || c.review_now[i] ||
          rng.uniform(step, Phase::portfolio_review, static_cast<std::uint32_t>(i), 0) < review_probability;
      c.review_now[i] = 0;
      if (!reviews) {
        for (auto k : old_row)
          if (!valuer.eligible(i, k)) {
            m.remove(i, k);
            ++lf[k];
          }
        continue;
      }
      const auto city = valuer.terms(i);
      const double c_m = city.capacity_cost;
      const bool early_exit = prune && c_m >= 0;
      // A candidate whose score is at most u_join ends the review when its
      // turn comes (below), as does every one after it: with the early exit,
      // it may as well be left out. Its noise ceiling tells without a log.
      const bool drop_below_u_join = early_exit && search == ReviewSearch::pruned;
      // One Philox block holds the noise of four networks (k / 4): each is
      // drawn once per city (the lists give networks out of index order).
      ++generation;
      // Candidates past the noise bound are gathered in `passed`; their noise
      // ceiling is tested after they are all in (below).
      std::size_t n_passed = 0;
      auto consider = [&](int k, bool member) {
        const double det = valuer.value(city, k) + (member ? stick : 0.0);
        if (prune && det + noise_bound <= p.u_join) return;
        const auto bi = static_cast<std::size_t>(k) / 4;
        if (block_generation[bi] != generation) {
          blocks[bi] =
              rng.block(step, Phase::portfolio_noise, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(bi));
          block_generation[bi] = generation;
        }
        const double odds = MembershipValuer::odds_of_word(blocks[bi][static_cast<std::size_t>(k) % 4]);
        passed[n_passed++] = {det, odds, k, member};
      };
      for (auto k : old_row) {
        held[k] = 1;
        if (valuer.eligible(i, k)) consider(k, true);
      }
      auto consider_every_open = [&] {
        for (const auto* open : valuer.open_to_state(city.state))
          for (auto k : *open)
            if (!held[k] && valuer.admits(i, k)) consider(k, false);
      };
      const std::size_t open = valuer.open_count(city.state);
      // Bounded attention (A > 0): ceil(A s_i) networks not held, growing with
      // the city's international staff s_i (MembershipValuer::staff). Compared
      // as doubles: a huge staff must not overflow the cast.
      const double city_attention = std::ceil(p.attention * city.staff);
      if (p.attention > 0 && static_cast<double>(open) > city_attention) {
        // The networks that invite the city by name, then a keyed sample of
        // the open ones (agents/city/attention.hpp).
        for (auto k : valuer.open_by_invitation())
          if (!held[k] && valuer.eligible(i, k)) {
            held[k] = 1;
            read.push_back(k);
            consider(k, false);
          }
        // Half of it (rounded up) goes to the networks near the city, those
        // of its region and those open to its state only, and half to those
        // open everywhere; a part with fewer networks than its half is read
        // whole and leaves the rest to the other.
        const auto sample = static_cast<std::size_t>(city_attention);
        const auto lists = valuer.open_to_state(city.state);
        const std::array<const std::vector<std::int32_t>*, 2> near{lists[1], lists[2]};
        const std::array<const std::vector<std::int32_t>*, 1> far{lists[0]};
        const std::size_t far_total = lists[0]->size(), near_total = open - far_total;
        const std::size_t far_share = std::min(far_total, sample - std::min(near_total, (sample + 1) / 2));
        const std::size_t near_share = std::min(near_total, sample - far_share);
        auto look = [&](int k) {
          if (!held[k] && valuer.admits(i, k)) consider(k, false);
        };
        const auto city_id = static_cast<std::uint32_t>(i);
        if (near_share > 0)
          visit_attention_sample(near, near_total, near_share, rng.uniform(step, Phase::portfolio_review, city_id, 1),
                                 look);
        if (far_share > 0)
          visit_attention_sample(far, far_total, far_share, rng.uniform(step, Phase::portfolio_review, city_id, 2),
                                 look);
        for (auto k : read) held[k] = 0;
        read.clear();
      } else if (use_ceilings && city.x >= 0 && (nw.regions == 0 || city.region == states.region[city.state])) {
        // (The threshold lists hold the region-scoped networks of the city's
        // region as its state's region: a city placed elsewhere is read in full.)
        const ValueCeilings& ceiling_lists = value_ceilings();
        auto read_network = [&](int k) {
          if (held[k]) return;
          held[k] = 1;
          read.push_back(k);
          if (scope_admits(nw.scope[k], states, city.state) && valuer.admits(i, k)) consider(k, false);
        };
        // A city that might join much of what is open (large, rich cities in
        // a real world) is served faster by reading every open network: past
        // a quarter of them, the rest are read in index order.
        const std::size_t enough = valuer.open_count(city.state) / 4;
        for (int q = 0; q < kIssueCount && read.size() <= enough; ++q) {
          const auto& best = ceiling_lists.by_benefit(city.region, q);
          const auto& cheapest = ceiling_lists.by_fee(city.region, q);
          const double gap = valuer.gap_benefit(city, q);
          const double conflict = city.sovereign * states.conflict[city.state][q];
          for (std::size_t a = 0; a < best.size() && read.size() <= enough; ++a) {
            const double benefit = best[a].key, fee = cheapest[a].key;
            const double ceiling = city.x * (benefit + gap) - fee * city.inv_budget - conflict;
            // Far more than the rounding of value() and of the ceiling.
            const double slack = 1e-9 * (1 + 4 * (city.x * (std::abs(benefit) + std::abs(gap)) +
                                                  std::abs(fee) * city.inv_budget + std::abs(conflict)));
            if (ceiling + slack + noise_bound <= p.u_join) break;
            read_network(best[a].k);
            read_network(cheapest[a].k);
          }
        }
        if (read.size() > enough) consider_every_open();
        for (auto k : read) held[k] = 0;
        read.clear();
      } else {
        consider_every_open();
      }
      for (auto k : old_row) held[k] = 0;
      // Those that pass the ceiling are kept without a branch (the test is a
      // coin toss to the predictor), in a loop of their own so that no test
      // waits on the one before; their logs are taken after.
      if (drop_below_u_join) {
        std::size_t kept = 0;
        for (std::size_t a = 0; a < n_passed; ++a) {
          const Passed pc = passed[a];
          passed[kept] = pc;
          kept += pc.det + valuer.noise_ceiling_of_odds(pc.odds) > p.u_join;
        }
        n_passed = kept;
      }
      cand.resize(n_passed);
      for (std::size_t a = 0; a < n_passed; ++a) {
        const Passed& pc = passed[a];
        cand[a] = {pc.det + valuer.noise_of_odds(pc.odds), pc.k, pc.member};
      }
      m.clear(i);
      std::array<int, kNicheCount> per_niche{};
      double fees = 0;
      const double coop_budget = c.cooperation[i] * c.intl_budget[i];
      // Candidates are taken best first. Once score - c_m taken <= u_join
      // (u_join >= 0), no later candidate can pass, since its score is no
      // higher, dividing by 1 + c_iq only lowers a positive score, and the
      // capacity cost only grows.
      auto take = [&](const Candidate& cd) {
        const int taken = m.count[i];
        if (taken >= m.slots) return false;
        if (early_exit && cd.score - c_m * taken <= p.u_join) return false;
        const int q = nw.niche(cd.k);
        const double marginal = marginal_value(cd.score, per_niche[q], taken, c_m);
        const double fee = nw.fee[cd.k];
        if (marginal > p.u_join && fees + fee <= coop_budget) {
          m.add(i, cd.k);
          ++per_niche[q];
          fees += fee;
        }
        return true;
      };
      if (search == ReviewSearch::pruned) {
        order.assign(cand);
        order.visit(take);
      } else {  // the reference: every candidate sorted
        std::sort(cand.begin(), cand.end(), goes_before);
        for (const Candidate& cd : cand)
          if (!take(cd)) break;
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
  for (const Scratch& sc : scratch)
    for (std::size_t k = 0; k < K; ++k) {
      stats.joined[k] += sc.joined[k];
      stats.left[k] += sc.left[k];
    }
  if (played) apply_player_memberships(v.players, v.members, valuer, stats);
  return stats;
}

}  // namespace urbis
