#include "sim/core/random.hpp"

#include <algorithm>

namespace urbis {

double gamma_draw(const Streams& rng, std::uint32_t step, Phase phase, std::uint32_t agent, double shape,
                  std::uint32_t first_draw) {
  // Shapes below 1 use the boost gamma(a) = gamma(a+1) U^(1/a).
  double boost = 1.0;
  if (shape < 1.0) {
    boost = std::pow(rng.uniform(step, phase, agent, first_draw), 1.0 / shape);
    shape += 1.0;
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  // Rejection rarely needs more than a few tries; the bound keeps it finite.
  for (std::uint32_t k = 1; k < 1000; ++k) {
    const auto b = rng.block(step, phase, agent, first_draw + k);
    const double u1 = Streams::to_unit(b[0], b[1]);
    const double u2 = Streams::to_unit32(b[2]);
    const double u3 = Streams::to_unit32(b[3]);
    const double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    const double v = std::pow(1.0 + c * z, 3);
    if (v <= 0) continue;
    if (std::log(u3) < 0.5 * z * z + d - d * v + d * std::log(v)) return boost * d * v;
  }
  return boost * d;
}

double beta_draw(const Streams& rng, std::uint32_t step, Phase phase, std::uint32_t agent, double a, double b) {
  const double x = gamma_draw(rng, step, phase, agent, a, 0);
  const double y = gamma_draw(rng, step, phase, agent, b, 1000);
  return x / (x + y);
}

int poisson_draw(const Streams& rng, std::uint32_t step, Phase phase, std::uint32_t agent, double mean) {
  if (mean <= 0) return 0;
  if (mean > 50) {
    const double z = rng.normal(step, phase, agent, 0);
    return std::max(0, static_cast<int>(std::lround(mean + std::sqrt(mean) * z)));
  }
  const double u = rng.uniform(step, phase, agent, 0);
  double p = std::exp(-mean), cdf = p;
  int k = 0;
  while (u > cdf && k < 1000) {
    ++k;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

}  // namespace urbis
