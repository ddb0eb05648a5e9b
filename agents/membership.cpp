#include "agents/membership.hpp"

#include <algorithm>

namespace urbis {

void Memberships::reset(std::size_t cities, int slots_per_city) {
  slots = slots_per_city;
  net.assign(cities * static_cast<std::size_t>(slots), -1);
  count.assign(cities, 0);
}

bool Memberships::has(std::size_t i, int k) const {
  for (auto n : of(i))
    if (n == k) return true;
  return false;
}

bool Memberships::add(std::size_t i, int k) {
  if (has(i, k)) return true;
  if (count[i] >= slots) return false;
  net[i * static_cast<std::size_t>(slots) + count[i]] = k;
  ++count[i];
  return true;
}

void Memberships::remove(std::size_t i, int k) {
  std::int32_t* row = net.data() + i * static_cast<std::size_t>(slots);
  std::int32_t* end = row + count[i];
  std::int32_t* it = std::remove(row, end, k);
  count[i] = static_cast<std::uint8_t>(it - row);
}

std::size_t Memberships::total() const {
  std::size_t t = 0;
  for (auto c : count) t += c;
  return t;
}

void MemberIndex::build(const Memberships& m, std::size_t networks) {
  offsets.assign(networks + 1, 0);
  for (std::size_t i = 0; i < m.cities(); ++i)
    for (auto k : m.of(i)) ++offsets[static_cast<std::size_t>(k) + 1];
  for (std::size_t k = 0; k < networks; ++k) offsets[k + 1] += offsets[k];
  cities.resize(static_cast<std::size_t>(offsets[networks]));
  std::vector<std::int64_t> fill(offsets.begin(), offsets.end() - 1);
  // Cities are visited in index order, so each network's members are sorted.
  for (std::size_t i = 0; i < m.cities(); ++i)
    for (auto k : m.of(i)) cities[static_cast<std::size_t>(fill[k]++)] = static_cast<std::int32_t>(i);
}

}  // namespace urbis
