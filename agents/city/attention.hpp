#pragma once
// Bounded attention (MODEL 7.3): which of the open networks a reviewing city
// looks at when there are more than it can weigh in a year.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace urbis {

// Open networks come as consecutive lists (parts of MembershipValuer::
// open_to_state); `total` is their summed length. A city that can weigh
// `attention` networks (at most `total`; all of them when equal) looks at the positions
// floor((u + s) / attention * total), s = 0 .. attention - 1, of their
// concatenation: a systematic sample with a random start u in [0, 1). The
// positions are distinct (they are at least total / attention >= 1 apart),
// and every position is looked at with probability attention / total
// exactly, whatever its list or place in it, so no network is favoured by
// its age or scope. The cost is `attention` steps whatever the number of
// networks open. visit(k) is called with each network sampled, in order.
template <std::size_t N, class Visit>
void visit_attention_sample(const std::array<const std::vector<std::int32_t>*, N>& lists, std::size_t total,
                            std::size_t attention, double u, Visit&& visit) {
  std::size_t list = 0, list_start = 0;
  const double step = static_cast<double>(total) / static_cast<double>(attention);
  for (std::size_t s = 0; s < attention; ++s) {
    // u + s rounds up to attention for the last s when u is within an ulp
    // of 1: the clamp keeps that position in range (and distinct, as the one
    // before it lies below total - step <= total - 1).
    const auto position = std::min(static_cast<std::size_t>((u + static_cast<double>(s)) * step), total - 1);
    // Positions rise, so the lists are walked once.
    while (position - list_start >= lists[list]->size()) list_start += lists[list++]->size();
    visit((*lists[list])[position - list_start]);
  }
}

}  // namespace urbis
