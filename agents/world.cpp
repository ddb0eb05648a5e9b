#include "agents/world.hpp"

namespace urbis {

void World::index_states() {
  const std::size_t ns = states.size();
  state_offsets.assign(ns + 1, 0);
  for (Eigen::Index i = 0; i < cities.state.size(); ++i) ++state_offsets[cities.state[i] + 1];
  for (std::size_t j = 0; j < ns; ++j) state_offsets[j + 1] += state_offsets[j];
  state_cities.resize(cities.size());
  std::vector<std::int64_t> fill(state_offsets.begin(), state_offsets.end() - 1);
  for (Eigen::Index i = 0; i < cities.state.size(); ++i)
    state_cities[static_cast<std::size_t>(fill[cities.state[i]]++)] = static_cast<std::int32_t>(i);
}

int World::agreement_index(const std::string& n) const {
  for (std::size_t g = 0; g < agreements.size(); ++g)
    if (agreements[g].name == n) return static_cast<int>(g);
  return -1;
}

}  // namespace urbis
