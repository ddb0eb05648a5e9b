#pragma once
// Phase 5 (MODEL 7.3): which networks a city belongs to.
#include <array>
#include <cstdint>
#include <vector>

#include "agents/world.hpp"
#include "sim/core/params.hpp"
#include "sim/core/random.hpp"

namespace urbis {

// How much of a club's benefit a network of n members offers (Buchanan's
// clubs): sharing rises with members, n/(n + n_half), and crowding lowers
// each member's share, n_c/(n + n_c); the product peaks at n = sqrt(n_half n_c).
inline double club_size_benefit(double n, double half_size, double crowding_size) {
  return n / (n + half_size) * crowding_size / (n + crowding_size);
}

// The value v_ik of network k to city i, with everything that does not
// depend on the city computed once per step:
//   v_ik = x_i [ (b_K s_q + b_W peer_ik) club(n) + b_R r NP n_v/(n + n_v)
//                + b_F F/(n x D + F0) + b_P fit_ik + b_G min(1, a_i/a_G) gap_jq ]
//          - f_k/(x D) - c_S nu_j (1 - a_i) conflict_jq
// with peer_ik = exp(-max(0, ln Y_i - m_k)^2 / (2 s_W^2)) the city's likeness to
// the network's typical member (m_k: the members' engagement-weighted mean ln
// GDP). One-sided: a club of cities larger than oneself loses nothing, one of
// cities much smaller is worth less to a large city (big cities keep to clubs
// of their weight, as C40 or Metropolis).
class MembershipValuer {
 public:
  // Reads the view's tables as const, as they stand when asked: a review or
  // a founding that changes memberships is seen by the next valuation.
  MembershipValuer(const CoalitionView& view, const CoalitionParams& p)
      : MembershipValuer(view.cities, view.states, view.networks, view.members, view.global, view.players, p) {}
  // The same from the tables themselves (a reader that only looks, as the
  // server's view of a played city).
  MembershipValuer(const Cities& cities, const States& states, const Networks& networks, const Memberships& members,
                   const Globals& global, const Players& players, const CoalitionParams& p);
  // Takes in network k, founded after construction (k must be the newest).
  void add_network(int k);
  // Values network k (being founded) as a club of `members` members: the
  // founding group a city is asked to join, not the founder alone. For a
  // network scoped to a region or to states, the group is taken to be from
  // that scope (regional fit of a full club).
  void prospect(int k, double members);

  // What value() needs of the city, gathered once per city.
  struct CityTerms {
    double x, coop_budget, inv_budget, sovereign;  // x_i, max(x_i D_i, 1), its inverse, c_S nu_j (1 - a_i)
    double gap_reach;                              // min(1, a_i / a_G): how much of its state's gap the city can fill
    double log_gdp;                                // ln Y_i
    double staff;                                  // s_i: international staff, in typical memberships' worth
    double capacity_cost;                          // c_m kappa_c / s_i: staff cost of each membership held
    int state, region;
  };
  CityTerms terms(std::size_t city) const;
  double value(const CityTerms& city, int k) const;
  double value(std::size_t city, int k) const { return value(terms(city), k); }
  // What a pruned review needs to skip networks unseen (review_portfolios):
  // for a city with x >= 0 of region r,
  //   value <= x (benefit_ceiling(k, r) + gap_benefit(city, q)) - fee_k / (x D) - c_S nu (1 - a) conflict_jq,
  // since the peer term is at most its weight and the funding term is
  // largest for the smallest budget (x D >= 1).
  double benefit_ceiling(int k, int region) const;
  double gap_benefit(const CityTerms& city, int q) const {
    return p_.b_gap * city.gap_reach * gap_[static_cast<std::size_t>(city.state) * kIssueCount + q];
  }
  // The networks whose scope admits cities of state j (active ones only), in
  // three lists: those open everywhere, those of j's region and those open
  // to some states, j among them (unions, state lists). A real world has
  // hundreds of global and regional networks, listed once rather than once
  // per state.
  std::array<const std::vector<std::int32_t>*, 3> open_to_state(int j) const {
    const int r = states_.region[j];
    const bool listed = r >= 0 && static_cast<std::size_t>(r) < open_in_region_.size();
    return {&open_everywhere_, listed ? &open_in_region_[r] : &none_, &open_only_to_[j]};
  }
  std::size_t open_count(int j) const {
    std::size_t n = 0;
    for (const auto* list : open_to_state(j)) n += list->size();
    return n;
  }
  // The open networks that invite cities by name (an invitation list: C40's
  // invited cities, a capped network's selection), in index order. A city
  // on a list weighs the network at every review, whatever its attention.
  const std::vector<std::int32_t>& open_by_invitation() const { return open_by_invitation_; }
  bool eligible(std::size_t city, int k) const;
  // Population threshold and invitation list (not scope, not whether active).
  bool admits(std::size_t city, int k) const;
  // Logistic choice noise eps_ik, keyed by (step, city, network) so that
  // skipping a candidate never shifts another's draw; truncated at +-8/lambda
  // so that candidates that cannot pass are skipped exactly.
  double noise(const Streams& rng, std::uint32_t step, Phase phase, std::size_t city, int k) const;
  // The same from word k % 4 of the block (step, phase, city, k / 4).
  double noise_of_word(std::uint32_t word) const { return noise_of_odds(odds_of_word(word)); }
  double noise_bound() const { return 8.0 / p_.choice_precision; }
  // An upper bound of noise_of_word(word) that needs no logarithm, at most
  // 0.072 / lambda above it: a review leaves out, before drawing it, a
  // candidate whose score cannot pass u_join.
  double noise_ceiling_of_word(std::uint32_t word) const { return noise_ceiling_of_odds(odds_of_word(word)); }
  // The same in two steps, for a review that computes the odds u/(1 - u) of
  // the word's uniform once for both: the noise is ln(odds), clamped, / lambda.
  static double odds_of_word(std::uint32_t word) {
    const double u = Streams::to_unit32(word);
    return u / (1.0 - u);
  }
  double noise_of_odds(double odds) const;
  double noise_ceiling_of_odds(double odds) const;
  // The governance gap the state leaves on issue q (gap_jq).
  double gap(int state, Issue q) const {
    return gap_[static_cast<std::size_t>(state) * kIssueCount + static_cast<int>(q)];
  }
  // s_i = max(1, x_i D_i / f-bar)^eta: the size of city i's international
  // staff, in units of what a typical membership takes (f-bar the median
  // membership cost): a city that can pay for a hundred memberships has the
  // staff to follow ten times as many as one that can pay for one (eta =
  // 0.5). Its staff spread the load: the capacity cost is c_m kappa_c(t) / s_i
  // per membership held. (Staff do not make a second network on an issue
  // less redundant: that is about what the networks offer.)
  double staff(std::size_t city) const;
  const CoalitionParams& params() const { return p_; }
  // The tables it reads (for the acceptance rule).
  const Cities& cities() const { return cities_; }
  const Networks& networks() const { return networks_; }
  const Memberships& members() const { return members_; }
  const Players& players() const { return players_; }

 private:
  const Cities& cities_;
  const States& states_;
  const Networks& networks_;
  const Memberships& members_;
  const Globals& global_;
  const Players& players_;
  const CoalitionParams& p_;
  std::vector<double> base_;         // b_K s n/(n + n_half) + b_R r NP per network
  std::vector<double> peer_weight_;  // b_W n/(n + n_half): the peer term of a perfect likeness
  std::vector<double> peer_mean_;    // m_k: the members' mean ln GDP
  std::vector<double> fit_;          // networks x regions: b_P (members from the region + 0.5)/(n + 1)
  std::vector<double> gap_;          // states x issues
  std::vector<std::int32_t> open_everywhere_, none_, open_by_invitation_;
  std::vector<std::vector<std::int32_t>> open_in_region_, open_only_to_;
  double capacity_cost_ = 0;    // c_m kappa_c(t)
  double inv_typical_fee_ = 0;  // 1 / f-bar
  double inv_two_width2_ = 0;   // 1 / (2 s_W^2)
  void set_club_terms(std::size_t k, double n);
};

// The marginal value of a network to a city that already holds `taken`
// networks, `same_niche` of them on its issue at its scale (MODEL 7.3;
// Networks::niche):
//   score / (1 + c_iq) - (c_m kappa_c / s_i) j_i
// where score = v_ik + eps_ik (+ the stickiness of a held membership) and
// c_m kappa_c / s_i the city's capacity cost (MembershipValuer::staff).
inline double marginal_value(double score, int same_niche, int taken, double capacity_cost) {
  return score / (1.0 + same_niche) - capacity_cost * taken;
}

// The acceptance rule for an invitation (MODEL 7.3), one rule for the
// founding group of a new network, the members of a named network, an
// answer network's open call and C40's yearly invitations: city i takes
// network k when a person does not play it (a player decides for it), it has
// a free slot, the fee fits in what its cooperation budget has left
// (fees_i + f_k <= x_i D_i), and its marginal value with noise `noise`
// exceeds u_join. Returns that margin, or -infinity when it cannot take k.
double invitation_margin(const MembershipValuer& valuer, std::size_t city, int k, double noise);
inline bool accepts_invitation(const MembershipValuer& valuer, std::size_t city, int k, double noise) {
  return invitation_margin(valuer, city, k, noise) > valuer.params().u_join;
}

struct PortfolioStats {
  std::vector<int> joined, left;  // per network, this step
};

// Each city reviews with probability p_review (and every city invited to a
// network this year, Cities::review_now, reviews): it ranks current and eligible
// networks (of the open ones, those it pays attention to: at most
// ceil(A s_i) not held, a keyed sample when more are open, plus those that
// invite it by name; agents/city/attention.hpp)
// by v + eps + h [member] (h = u_join - u_leave) and takes them in
// order while (v + eps + h [member]) / (1 + c_iq) - c_m j > u_join and the
// fees fit within x D. A city that does not review keeps its memberships,
// less those it is no longer eligible for. review_probability overrides
// p_review (1 for the start-up rounds). Cities people play do not review:
// their players' leaves and joins apply instead (agents/city/players.hpp).
//
// Both searches give the same memberships, in the same order: `pruned`
// reads the networks through threshold lists, leaves out the candidates whose
// noise ceiling (noise_ceiling_of_word) shows they would only end the review
// and takes the rest best first without sorting them (BestFirst);
// `exhaustive`, the reference, values every open network and sorts them all.
enum class ReviewSearch { pruned, exhaustive };
PortfolioStats review_portfolios(CoalitionView view, const CoalitionParams& p, const Streams& rng, std::uint32_t step,
                                 double review_probability, ReviewSearch search = ReviewSearch::pruned);

}  // namespace urbis
