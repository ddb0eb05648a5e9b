#include "agents/state/columns.hpp"

namespace urbis {

void States::resize(std::size_t n, std::size_t agreements) {
  const auto m = static_cast<Eigen::Index>(n);
  iso3.resize(n);
  name.resize(n);
  region = Eigen::ArrayXi::Zero(m);
  for (Eigen::ArrayXd* c :
       {&population, &gdp, &growth, &urban_growth, &gdp_index, &population_index, &tax_share, &populism,
        &centralisation, &openness, &commitment, &partnership, &mean_tension, &network_share})
    *c = Eigen::ArrayXd::Zero(m);
  member_cities = Eigen::ArrayXi::Zero(m);
  preempting = Eigen::ArrayXi::Zero(m);
  preempt_wait = Eigen::ArrayXi::Zero(m);
  gdp_index = Eigen::ArrayXd::Ones(m);
  population_index = Eigen::ArrayXd::Ones(m);
  gap.assign(n, PerIssue<double>{});
  gap_recent.assign(n, PerIssue<double>{});
  in_agreement.assign(agreements, std::vector<std::uint8_t>(n, 0));
  conflict.assign(n, PerIssue<std::uint8_t>{});
}

}  // namespace urbis
