// The contest's exp gives the bits of baseline x86-64 (Eigen's SSE2 kernel,
// no fused multiply-add) on every build target (agents/city/contest_exp.hpp).
// The inputs are three of the 4,096 x_i = -0.0173 i - 1e-7 i^2 (shift 0.25)
// where that kernel and its FMA form (-march=x86-64-v3) differ in the last
// bit; the expected bits are the baseline's. A build whose contest took the
// FMA path fails here. The golden files alone would not catch it: their
// six printed digits hide a last-bit difference in a weight (an FMA kernel
// linked into an -march=x86-64-v3 engine_tests still passed Golden.*).
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "agents/city/contest_exp.hpp"

namespace urbis {
namespace {

TEST(ContestExp, SameBitsAsBaselineX86) {
  // Two packets of two (16-byte aligned vector data): the vector path throughout.
  const std::vector<double> x = {-0x1.dcb00bcbe61dp+1, -0x1.86eff1afdb247p+4, -0x1.93cc2a454de7ep+5, -0x0p+0};
  const std::vector<std::uint64_t> want = {0x3f933f33f38f1633, 0x3db4f41a88981b60, 0x3b5c3dce6bd03ae1,
                                           0x3fe8ebef9eac820b};
  std::vector<double> w(x.size());
  contest_exp(x.data(), 0.25, w.data(), x.size());
  for (std::size_t i = 0; i < x.size(); ++i)
    EXPECT_EQ(std::bit_cast<std::uint64_t>(w[i]), want[i]) << "element " << i << ": exp(" << x[i] << " - 0.25)";
}

TEST(ContestExp, IsTheShiftedExponential) {
  // Within a few ulps of std::exp, for every element of an odd-length
  // input (the last one takes Eigen's scalar path).
  std::vector<double> x(9), w(9);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = 3.0 - 1.7 * static_cast<double>(i);
  contest_exp(x.data(), 2.0, w.data(), x.size());
  for (std::size_t i = 0; i < x.size(); ++i) EXPECT_NEAR(w[i], std::exp(x[i] - 2.0), 4e-16 * std::exp(x[i] - 2.0));
}

}  // namespace
}  // namespace urbis
