#include "agents/city/contest_exp.hpp"

#include <Eigen/Core>

// Built with -march=x86-64 -mno-sse3 (agents/CMakeLists.txt): fail the build,
// not the golden files, if this file is ever compiled for a wider target.
#if defined(__x86_64__) && (defined(__SSE3__) || defined(__AVX__) || defined(__FMA__))
#error "agents/city/contest_exp.cpp must be compiled for baseline x86-64 (SSE2): see its header"
#endif

namespace urbis {

void contest_exp(const double* log_weight, double shift, double* weight, std::size_t n) {
  const auto size = static_cast<Eigen::Index>(n);
  // Maps, not arrays: nothing is allocated here, so no Eigen allocation
  // routine built for this target is shared with the rest of the program.
  // Optimised, Eigen's kernel is inlined whole (the object defines this
  // function alone); an unoptimised build emits Eigen's packet functions,
  // which would be shared with files built for a wider target, so
  // -march=x86-64-v3 is checked optimised (the x86-64-v3 preset, Release).
  Eigen::Map<Eigen::ArrayXd>(weight, size) = (Eigen::Map<const Eigen::ArrayXd>(log_weight, size) - shift).exp();
}

}  // namespace urbis
