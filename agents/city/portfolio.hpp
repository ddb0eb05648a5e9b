#pragma once
// Phase 5 (MODEL 7.3): which networks a city belongs to.
#include <cstdint>
#include <vector>

#include "agents/world.hpp"
#include "sim/core/params.hpp"
#include "sim/core/random.hpp"

namespace urbis {

// The value v_ik of network k to city i, with everything that does not
// depend on the city computed once per step:
//   v_ik = x_i [ b_K s_q n/(n + n_half) + b_R r NP + b_W w_k/(w_k + w_half) n/(n + n_half)
//                + b_F F/(n x D + F0) + b_P fit_ik + b_G gap_jq ]
//          - f_k/(x D) - c_S nu_j (1 - a_i) conflict_jq
// with w_k the members' engagement-weighted mean GDP over the mean city's GDP.
class MembershipValuer {
 public:
  MembershipValuer(const World& world, const CoalitionParams& p);
  // Takes in network k, founded after construction (k must be the newest).
  void add_network(int k);

  // What value() needs of the city, gathered once per city.
  struct CityTerms {
    double x, coop_budget, inv_budget, sovereign;  // x_i, max(x_i D_i, 1), its inverse, c_S nu_j (1 - a_i)
    int state, region;
  };
  CityTerms terms(std::size_t city) const;
  double value(const CityTerms& city, int k) const;
  double value(std::size_t city, int k) const { return value(terms(city), k); }
  // Networks whose scope admits cities of state j (active ones only).
  const std::vector<std::int32_t>& open_to_state(int j) const { return open_to_state_[j]; }
  bool eligible(std::size_t city, int k) const;
  // Population threshold and invitation list (not scope, not whether active).
  bool admits(std::size_t city, int k) const;
  // Logistic choice noise eps_ik, keyed by (step, city, network) so that
  // skipping a candidate never shifts another's draw; truncated at +-8/lambda
  // so that candidates that cannot pass are skipped exactly.
  double noise(const Streams& rng, std::uint32_t step, Phase phase, std::size_t city, int k) const;
  // The same from word k % 4 of the block (step, phase, city, k / 4).
  double noise_of_word(std::uint32_t word) const;
  double noise_bound() const { return 8.0 / p_.choice_precision; }
  // The governance gap the state leaves on issue q (gap_jq).
  double gap(int state, Issue q) const { return gap_[static_cast<std::size_t>(state) * kIssueCount + static_cast<int>(q)]; }

 private:
  const World& w_;
  const CoalitionParams& p_;
  std::vector<double> base_;  // b_K s n/(n + n_half) + b_R r NP + b_W w/(w + w_half) per network
  std::vector<double> fit_;   // networks x regions: b_P (members from the region + 0.5)/(n + 1)
  std::vector<double> gap_;   // states x issues
  std::vector<std::vector<std::int32_t>> open_to_state_;
};

struct PortfolioStats {
  std::vector<int> joined, left;  // per network, this step
};

// Each city reviews with probability p_review: it ranks current and eligible
// networks by v + eps + h [member] (h = u_join - u_leave) and takes them in
// order while (v + eps + h [member]) / (1 + c_iq) - c_m j > u_join and the
// fees fit within x D. A city that does not review keeps its memberships,
// less those it is no longer eligible for. review_probability overrides
// p_review (1 for the start-up rounds). Cities people play do not review:
// their players' leaves and joins apply instead (agents/city/players.hpp).
PortfolioStats review_portfolios(World& world, const CoalitionParams& p, const Streams& rng,
                                 std::uint32_t step, double review_probability);

}  // namespace urbis
