#pragma once
// Counter-based random streams (Random123 Philox4x32-10). A draw is a pure
// function of (run seed, step, phase, agent id, draw index): no generator
// state is shared or carried between threads, so results do not depend on
// how agents are split over threads or on the order they are visited in.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

#include <Random123/philox.h>

namespace urbis {

// Each phase (or sub-step) that draws has its own tag so its streams never
// overlap with another's.
enum class Phase : std::uint32_t {
  init_x = 1,
  init_memberships,
  init_fees,
  economy,
  portfolio_review,
  portfolio_noise,
  founding,
  founding_invite,
  learning,
  state_exit,
  synthetic_world,
  event_network,
  invitation,       // a listed city invited to an invitation-only network (C40)
  answer_founding,  // answer networks: counts, founders
  answer_invite,    // cities invited to an answer network
  start_networks,   // networks active before the start year
};

class Streams {
 public:
  explicit Streams(std::uint64_t seed)
      : key_{{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32)}} {}

  // Four independent 32-bit words for (step, phase, agent, draw).
  r123::Philox4x32::ctr_type block(std::uint32_t step, Phase phase, std::uint32_t agent, std::uint32_t draw) const {
    r123::Philox4x32 gen;
    r123::Philox4x32::ctr_type ctr = {{step, static_cast<std::uint32_t>(phase), agent, draw}};
    return gen(ctr, key_);
  }

  // Uniform in (0, 1), never exactly 0 or 1 (safe for logs), with 53 bits.
  double uniform(std::uint32_t step, Phase phase, std::uint32_t agent, std::uint32_t draw) const {
    const auto b = block(step, phase, agent, draw);
    return to_unit(b[0], b[1]);
  }

  // Standard normal by Box-Muller from one block.
  double normal(std::uint32_t step, Phase phase, std::uint32_t agent, std::uint32_t draw) const {
    const auto b = block(step, phase, agent, draw);
    const double u1 = to_unit(b[0], b[1]);
    const double u2 = to_unit(b[2], b[3]);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }

  // Maps two 32-bit words to a double in (0, 1).
  static double to_unit(std::uint32_t hi, std::uint32_t lo) {
    const std::uint64_t bits = ((static_cast<std::uint64_t>(hi) << 32) | lo) >> 11;  // 53 bits
    // (2^53 - 1 + 0.5) 2^-53 rounds to exactly 1.0: cap at the largest double below 1.
    return std::min((static_cast<double>(bits) + 0.5) * 0x1.0p-53, 0x1.fffffffffffffp-1);
  }
  // One 32-bit word to (0, 1): enough resolution for choice noise.
  static double to_unit32(std::uint32_t w) { return (static_cast<double>(w) + 0.5) * 0x1.0p-32; }

 private:
  r123::Philox4x32::key_type key_;
};

// Gamma(shape, 1) by Marsaglia-Tsang, fed from consecutive draws of one
// agent's stream; used for Beta initial conditions.
double gamma_draw(const Streams& rng, std::uint32_t step, Phase phase, std::uint32_t agent, double shape,
                  std::uint32_t first_draw);
double beta_draw(const Streams& rng, std::uint32_t step, Phase phase, std::uint32_t agent, double a, double b);
// Poisson by inversion for small means, normal approximation above 50.
int poisson_draw(const Streams& rng, std::uint32_t step, Phase phase, std::uint32_t agent, double mean);

}  // namespace urbis
