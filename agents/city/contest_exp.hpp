#pragma once
// The exponential of the contest's log-weights, with the same bits on every
// x86-64 build target. Eigen's vectorised exp takes a different path by
// target: with AVX it works four doubles at a time (so a different share of
// the elements falls to the scalar std::exp at the end) and with FMA its
// polynomial is fused (the last bit differs in 3 inputs of the 4,096 of
// tests/agents/city/contest_exp_test.cpp). This file is compiled for
// baseline x86-64 (SSE2, no FMA) whatever -march the rest of the program
// has (agents/CMakeLists.txt), so every build takes the default build's path.
#include <cstddef>

namespace urbis {

// weight[i] = exp(log_weight[i] - shift) for i < n, as Eigen's SSE2 kernel
// computes it. n and the pointers as the caller's chunk gives them: which
// elements take the vector path depends on where the output is aligned.
void contest_exp(const double* log_weight, double shift, double* weight, std::size_t n);

}  // namespace urbis
