#pragma once
// The order in which a reviewing city takes its candidate networks (MODEL
// 7.3): the higher score first, ties to the lower network index.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace urbis {

struct Candidate {
  double score;  // v_ik + eps_ik (+ the stickiness of a held membership)
  int k;         // the network
  bool member;   // held before the review
};

// A strict total order on candidates of distinct networks.
inline bool goes_before(const Candidate& a, const Candidate& b) {
  return a.score != b.score ? a.score > b.score : a.k < b.k;
}

// Yields candidates best first without sorting those never reached: a
// review takes its best few and stops (portfolio.cpp). A bucket sort on the
// score (buckets are monotone in it, so every candidate of a bucket goes
// before those of the next) and each bucket sorted by goes_before when it is
// first reached: linear in the candidates plus the sorts of the buckets a
// review reaches, where a heap of 250 candidates popped 90 times was the
// largest single cost of a real-world review (branches no predictor learns).
class BestFirst {
 public:
  // Takes a copy of the candidates; the buffers are kept for the next call.
  void assign(std::span<const Candidate> candidates);
  // Calls take(candidate) best first until it returns false or none is left.
  template <class Take>
  void visit(Take&& take) {
    for (std::size_t b = 0; b + 1 < start_.size(); ++b)
      for (const Candidate& c : bucket(b))
        if (!take(c)) return;
  }

 private:
  std::vector<Candidate> sorted_;      // by bucket
  std::vector<std::uint32_t> start_;   // bucket b is sorted_[start_[b], start_[b + 1])
  std::vector<std::uint32_t> bucket_;  // of each candidate, in the order given
  std::span<const Candidate> bucket(std::size_t b);
};

}  // namespace urbis
