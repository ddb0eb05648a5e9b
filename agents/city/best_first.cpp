#include "agents/city/best_first.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace urbis {

void BestFirst::assign(std::span<const Candidate> candidates) {
  const std::size_t n = candidates.size();
  double hi = 0, lo = 0;
  if (n > 0) hi = lo = candidates[0].score;
  for (const Candidate& c : candidates) hi = std::max(hi, c.score), lo = std::min(lo, c.score);
  // About two candidates a bucket. (hi - score) * scale never decreases as
  // the score falls (rounding is monotone), so neither does the bucket. A
  // NaN score, or an infinite spread, lands in the last or the first bucket:
  // still in order, only slower.
  const std::size_t buckets = std::bit_ceil(n / 2 + 1);
  const double scale = hi > lo ? (static_cast<double>(buckets) - 0.5) / (hi - lo) : 0.0;
  const auto last = static_cast<double>(buckets - 1);
  start_.assign(buckets + 1, 0);
  bucket_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double d = (hi - candidates[i].score) * scale;
    const auto b = static_cast<std::uint32_t>(d < last ? d : last);
    bucket_[i] = b;
    ++start_[b + 1];
  }
  for (std::size_t b = 0; b < buckets; ++b) start_[b + 1] += start_[b];
  sorted_.resize(n);
  // Scatter, then restore start_ (each bucket's cursor ends at the next's start).
  for (std::size_t i = 0; i < n; ++i) sorted_[start_[bucket_[i]]++] = candidates[i];
  for (std::size_t b = buckets; b > 0; --b) start_[b] = start_[b - 1];
  start_[0] = 0;
}

std::span<const Candidate> BestFirst::bucket(std::size_t b) {
  const auto first = sorted_.begin() + start_[b], last = sorted_.begin() + start_[b + 1];
  if (last - first > 1) std::sort(first, last, goes_before);
  return {first, last};
}

}  // namespace urbis
