#include "agents/membership.hpp"

#include <algorithm>
#include <utility>

#include "sim/core/parallel.hpp"

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
  // A counting sort by network, chunk-parallel: each chunk counts its
  // members of each network, then fills its own slice of each network's
  // list, the chunks' slices laid out in chunk order. Cities are visited in
  // index order within a chunk, so each network's members come out sorted,
  // exactly as a sequential pass gives them.
  const std::size_t n = m.cities();
  const std::size_t chunks = chunk_count(n);
  std::vector<std::int64_t> start(chunks * networks, 0);  // chunk x network: counts, then first slots
  for_chunks(n, [&](std::size_t b, std::size_t e, std::size_t ch) {
    std::int64_t* cnt = start.data() + ch * networks;
    for (std::size_t i = b; i < e; ++i)
      for (auto k : m.of(i)) ++cnt[k];
  });
  offsets.assign(networks + 1, 0);
  std::int64_t next = 0;
  for (std::size_t k = 0; k < networks; ++k) {
    offsets[k] = next;
    for (std::size_t ch = 0; ch < chunks; ++ch) next += std::exchange(start[ch * networks + k], next);
  }
  offsets[networks] = next;
  cities.resize(static_cast<std::size_t>(next));
  for_chunks(n, [&](std::size_t b, std::size_t e, std::size_t ch) {
    std::int64_t* fill = start.data() + ch * networks;
    for (std::size_t i = b; i < e; ++i)
      for (auto k : m.of(i)) cities[static_cast<std::size_t>(fill[k]++)] = static_cast<std::int32_t>(i);
  });
}

}  // namespace urbis
