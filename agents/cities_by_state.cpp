#include "agents/cities_by_state.hpp"

namespace urbis {

void CitiesByState::build(const Eigen::ArrayXi& state_of_city, std::size_t states) {
  offsets.assign(states + 1, 0);
  for (Eigen::Index i = 0; i < state_of_city.size(); ++i) ++offsets[state_of_city[i] + 1];
  for (std::size_t j = 0; j < states; ++j) offsets[j + 1] += offsets[j];
  cities.resize(static_cast<std::size_t>(state_of_city.size()));
  std::vector<std::int64_t> fill(offsets.begin(), offsets.end() - 1);
  for (Eigen::Index i = 0; i < state_of_city.size(); ++i)
    cities[static_cast<std::size_t>(fill[state_of_city[i]]++)] = static_cast<std::int32_t>(i);
}

}  // namespace urbis
