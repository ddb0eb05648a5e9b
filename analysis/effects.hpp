#pragma once
// The effect of a scenario against its counterfactual, from paired runs:
// run i of each side has the same seed (common random numbers), so the
// per-seed difference a_i - b_i removes the noise the two runs share, and
// the interval is that of the mean paired difference.
#include <cstddef>
#include <vector>

namespace urbis {

struct PairedEffect {
  std::size_t n = 0;  // seeds with a value on both sides
  double mean_a = 0, mean_b = 0;
  double difference = 0;           // mean of a_i - b_i (= mean_a - mean_b)
  double relative = 0;             // difference / |mean_b|; NaN when mean_b is 0
  double ci_low = 0, ci_high = 0;  // 95% Student t interval of the mean difference (n - 1 df); NaN for n < 2
  std::size_t same_sign = 0;       // seeds whose difference has the sign of the mean difference (0 counts as a sign)
};

// a[i] and b[i] come from seed i; a pair with a NaN on either side is left out.
PairedEffect paired_effect(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace urbis
