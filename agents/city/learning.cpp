#include "agents/city/learning.hpp"

#include <algorithm>
#include <cmath>

#include "sim/core/parallel.hpp"

namespace urbis {

void compute_payoffs(Cities& c, double mitigation, const LearningParams& p) {
  const double per_city = c.size() > 0 ? mitigation / static_cast<double>(c.size()) : 0.0;
  for_each_index(c.size(), [&](std::size_t i) {
    const double cost = c.gdp[i] > 0 ? c.cooperation[i] * c.intl_budget[i] / c.gdp[i] : 0.0;
    c.payoff[i] = c.growth[i] + p.w_reputation * c.reputation_gain[i] + p.w_mitigation * per_city - cost;
  });
}

void imitate(const Memberships& members, const MemberIndex& members_of, const CitiesByState& by_state,
             const Players& players, const LearningParams& p, const Streams& rng, std::uint32_t step, Cities& c) {
  const std::size_t n = c.size();
  Eigen::ArrayXd next = c.cooperation;  // written here, read from c.cooperation (time t)
  auto pick = [](double u, std::size_t size) {
    return std::min(size - 1, static_cast<std::size_t>(u * static_cast<double>(size)));
  };
  const std::uint8_t* played = players.mask();      // a player's x is the player's (agents/city/players.hpp)
  for_each_index_in_pieces(n, [&](std::size_t i) {  // two Philox blocks and random reads per city
    if (played && played[i]) return;                // next[i] keeps x; draws are keyed per city, so no other shifts
    const auto id = static_cast<std::uint32_t>(i);
    const auto a = rng.block(step, Phase::learning, id, 0);
    const auto b = rng.block(step, Phase::learning, id, 1);
    double x = c.cooperation[i];
    if (Streams::to_unit32(a[0]) < p.imitation_probability) {
      std::size_t peer = i;
      const double u_kind = Streams::to_unit32(a[1]);
      const auto row = members.of(i);
      if (u_kind < p.same_state_probability) {
        const auto compatriots = by_state.of(static_cast<std::size_t>(c.state[i]));
        peer = static_cast<std::size_t>(compatriots[pick(Streams::to_unit32(a[2]), compatriots.size())]);
      } else if (!row.empty()) {
        const int k = row[pick(Streams::to_unit32(a[2]), row.size())];
        const auto mates = members_of.of(static_cast<std::size_t>(k));
        peer = static_cast<std::size_t>(mates[pick(Streams::to_unit32(a[3]), mates.size())]);
      } else {
        peer = pick(Streams::to_unit32(a[3]), n);
      }
      const double adopt = 1.0 / (1.0 + std::exp(-(c.payoff[peer] - c.payoff[i]) / p.imitation_temperature));
      if (peer != i && Streams::to_unit32(b[0]) < adopt) x = c.cooperation[peer];
    }
    if (Streams::to_unit32(b[1]) < p.mutation_probability) {
      const double z = std::sqrt(-2.0 * std::log(Streams::to_unit32(b[2]))) *
                       std::cos(2.0 * 3.14159265358979323846 * Streams::to_unit32(b[3]));
      x = std::clamp(x + p.mutation_sd * z, 0.0, 1.0);
    }
    next[i] = x;
  });
  c.cooperation.swap(next);
}

}  // namespace urbis
