#include "agents/city/columns.hpp"

namespace urbis {

void Cities::resize(std::size_t n) {
  const auto m = static_cast<Eigen::Index>(n);
  name.resize(n);
  state = Eigen::ArrayXi::Zero(m);
  region = Eigen::ArrayXi::Zero(m);
  for (Eigen::ArrayXd* c : {&lat,
                            &lon,
                            &autonomy0,
                            &population,
                            &gdp_pc,
                            &gdp,
                            &anchor_population,
                            &anchor_gdp_pc,
                            &autonomy,
                            &cooperation,
                            &openness,
                            &reputation,
                            &tension,
                            &actions,
                            &budget,
                            &intl_budget,
                            &fees,
                            &net_inflow,
                            &growth,
                            &reputation_gain,
                            &payoff})
    *c = Eigen::ArrayXd::Zero(m);
  review_now.assign(n, 0);
}

}  // namespace urbis
