#pragma once
// The cities of each state, as offsets/indices (CSR by state). Cities never
// change state, so it is built once per world (World::index_states) and read
// by the phases that pick among a state's cities: imitation of a compatriot
// (phase 8) and a state's answer networks (phase 6b).
#include <cstdint>
#include <span>
#include <vector>

#include <Eigen/Core>

namespace urbis {

struct CitiesByState {
  std::vector<std::int64_t> offsets;  // states + 1
  std::vector<std::int32_t> cities;   // in city order within each state

  // From each city's state index (0 .. states - 1).
  void build(const Eigen::ArrayXi& state_of_city, std::size_t states);
  std::size_t states() const { return offsets.empty() ? 0 : offsets.size() - 1; }
  std::span<const std::int32_t> of(std::size_t j) const {
    return {cities.data() + offsets[j], static_cast<std::size_t>(offsets[j + 1] - offsets[j])};
  }
};

}  // namespace urbis
