#include "agents/city/players.hpp"

#include <algorithm>

#include "agents/city/portfolio.hpp"
#include "agents/world.hpp"

namespace urbis {

const char* join_refusal_text(JoinRefusal r) {
  switch (r) {
    case JoinRefusal::not_active: return "the network is no longer active";
    case JoinRefusal::not_eligible: return "the city is not eligible (scope, population or invitation)";
    case JoinRefusal::no_slot: return "no free membership slot";
    case JoinRefusal::over_budget: return "the fee does not fit within the cooperation budget";
  }
  return "refused";
}

void Players::play(std::size_t cities, std::int32_t city, PlayerChoice choice) {
  if (PlayedCity* p = find(city)) {
    p->choice = std::move(choice);
    return;
  }
  if (mask_.size() != cities) mask_.assign(cities, 0);
  mask_[static_cast<std::size_t>(city)] = 1;
  played_.push_back({city, std::move(choice), {}});
}

void Players::release(std::int32_t city) {
  const auto it = std::find_if(played_.begin(), played_.end(), [&](const PlayedCity& p) { return p.city == city; });
  if (it == played_.end()) return;
  played_.erase(it);
  mask_[static_cast<std::size_t>(city)] = 0;
}

namespace {
// One search for both overloads: Self is Players or const Players.
template <class Self>
auto* find_played(Self& played, std::int32_t city) {
  for (auto& p : played)
    if (p.city == city) return &p;
  return static_cast<decltype(&played.front())>(nullptr);
}
}  // namespace

PlayedCity* Players::find(std::int32_t city) { return find_played(played_, city); }

const PlayedCity* Players::find(std::int32_t city) const { return find_played(played_, city); }

void apply_player_cooperation(const Players& players, Cities& cities) {
  for (const auto& p : players.played()) cities.cooperation[p.city] = std::clamp(p.choice.cooperation, 0.0, 1.0);
}

void apply_player_memberships(Players& players, Memberships& m, const MembershipValuer& valuer, PortfolioStats& stats) {
  const Networks& nw = valuer.networks();
  const Cities& cities = valuer.cities();
  const auto network_count = static_cast<std::int32_t>(nw.size());
  for (auto& p : players.played()) {
    const auto i = static_cast<std::size_t>(p.city);
    p.refused.clear();
    // Leaves: the player's, and (as for a city that does not review) what
    // the city is no longer eligible for.
    std::vector<std::int32_t> held(m.of(i).begin(), m.of(i).end());
    for (auto k : held) {
      const bool chosen = std::find(p.choice.leave.begin(), p.choice.leave.end(), k) != p.choice.leave.end();
      if (chosen || !valuer.eligible(i, k)) {
        m.remove(i, k);
        ++stats.left[static_cast<std::size_t>(k)];
      }
    }
    double fees = 0;
    for (auto k : m.of(i)) fees += nw.fee[static_cast<std::size_t>(k)];
    const double coop_budget = cities.cooperation[i] * cities.intl_budget[i];
    for (auto k : p.choice.join) {
      if (k < 0 || k >= network_count || m.has(i, k)) continue;
      const auto kk = static_cast<std::size_t>(k);
      JoinRefusal why;
      if (!nw.active[kk]) why = JoinRefusal::not_active;
      else if (!valuer.eligible(i, k)) why = JoinRefusal::not_eligible;
      else if (m.count[i] >= m.slots) why = JoinRefusal::no_slot;
      else if (fees + nw.fee[kk] > coop_budget) why = JoinRefusal::over_budget;
      else {
        m.add(i, k);
        fees += nw.fee[kk];
        ++stats.joined[kk];
        continue;
      }
      p.refused.push_back({k, why});
    }
  }
}

}  // namespace urbis
