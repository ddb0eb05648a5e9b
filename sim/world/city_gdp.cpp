#include "sim/world/city_gdp.hpp"

#include <cmath>
#include <vector>

namespace urbis {

void assign_city_gdp(Cities& cities, const States& states, double beta,
                     std::span<const std::uint8_t> flat) {
  const std::size_t n = cities.size();
  const std::size_t ns = states.size();

  // National GDP per capita and mean city population of each state.
  std::vector<double> gdp_pc(ns, 0.0), pop_sum(ns, 0.0), count(ns, 0.0), city_gdp(ns, 0.0);
  for (std::size_t j = 0; j < ns; ++j)
    gdp_pc[j] = states.population[static_cast<Eigen::Index>(j)] > 0
                    ? states.gdp[static_cast<Eigen::Index>(j)] /
                          states.population[static_cast<Eigen::Index>(j)]
                    : 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto j = static_cast<std::size_t>(cities.state[static_cast<Eigen::Index>(i)]);
    pop_sum[j] += cities.population[static_cast<Eigen::Index>(i)];
    count[j] += 1.0;
  }

  // Scaling rule, then the sum per state.
  const bool has_flat = flat.size() == n;
  for (std::size_t i = 0; i < n; ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    const auto j = static_cast<std::size_t>(cities.state[ii]);
    const double p = cities.population[ii];
    const double mean = pop_sum[j] / count[j];
    double y = gdp_pc[j];
    if (!(has_flat && flat[i]) && p > 0 && mean > 0) y *= std::pow(p / mean, beta - 1.0);
    cities.gdp_pc[ii] = y;
    cities.gdp[ii] = y * p;
    city_gdp[j] += y * p;
  }

  // Cap: a state's cities never hold more than its GDP.
  std::vector<double> factor(ns, 1.0);
  bool any = false;
  for (std::size_t j = 0; j < ns; ++j)
    if (city_gdp[j] > states.gdp[static_cast<Eigen::Index>(j)] && city_gdp[j] > 0) {
      factor[j] = states.gdp[static_cast<Eigen::Index>(j)] / city_gdp[j];
      any = true;
    }
  if (!any) return;
  for (std::size_t i = 0; i < n; ++i) {
    const auto ii = static_cast<Eigen::Index>(i);
    const double f = factor[static_cast<std::size_t>(cities.state[ii])];
    cities.gdp_pc[ii] *= f;
    cities.gdp[ii] *= f;
  }
}

}  // namespace urbis
