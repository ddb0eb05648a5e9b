#pragma once
// The sparse city x network membership relation, stored row-wise in fixed
// slots per city (ELLPACK layout): city i's networks are
// net[i*slots .. i*slots + count[i]). Rows are independent, so phases can
// rewrite them in parallel; a column view (members of each network) is
// rebuilt on demand by a counting sort.
#include <cstdint>
#include <span>
#include <vector>

namespace urbis {

struct Memberships {
  int slots = 0;
  std::vector<std::int32_t> net;    // cities x slots, network indices
  std::vector<std::uint8_t> count;  // memberships per city

  void reset(std::size_t cities, int slots_per_city);
  std::size_t cities() const { return count.size(); }

  std::span<const std::int32_t> of(std::size_t i) const {
    return {net.data() + i * static_cast<std::size_t>(slots), count[i]};
  }
  bool has(std::size_t i, int k) const;
  // Adds k to city i when absent and a slot is free; returns whether it holds k now.
  bool add(std::size_t i, int k);
  // Removes k from city i (keeps the order of the others).
  void remove(std::size_t i, int k);
  void clear(std::size_t i) { count[i] = 0; }
  std::size_t total() const;
};

// Members of each network, as offsets/indices (CSR by network).
struct MemberIndex {
  std::vector<std::int64_t> offsets;  // networks + 1
  std::vector<std::int32_t> cities;

  void build(const Memberships& m, std::size_t networks);
  std::span<const std::int32_t> of(std::size_t k) const {
    return {cities.data() + offsets[k], static_cast<std::size_t>(offsets[k + 1] - offsets[k])};
  }
};

}  // namespace urbis
