#pragma once
// Cities that people play (`urbis serve --classroom`): the model does not
// choose their strategy. A played city's cooperation x is its player's choice
// (set at the start of each step), imitation (phase 8) leaves it alone, and
// instead of the portfolio review (phase 5) its memberships follow the
// player's leaves and joins. A join still needs what the model's own joins
// need: an active network the city is eligible for, a free membership slot
// and the fee within the cooperation budget x D. An ordinary run plays no
// city; then every hook is a test of a null mask.
#include <cstdint>
#include <vector>

namespace urbis {

struct Cities;
struct Memberships;
class MembershipValuer;
struct PortfolioStats;

// What a player chose for the coming step.
struct PlayerChoice {
  double cooperation = 0.5;         // x in [0, 1]
  std::vector<std::int32_t> join;   // networks (indices) to join, in order
  std::vector<std::int32_t> leave;  // networks to leave
};

// Why a join was refused.
enum class JoinRefusal : std::uint8_t { not_active, not_eligible, no_slot, over_budget };
const char* join_refusal_text(JoinRefusal r);

struct RefusedJoin {
  std::int32_t network;
  JoinRefusal reason;
};

struct PlayedCity {
  std::int32_t city = -1;
  PlayerChoice choice;
  std::vector<RefusedJoin> refused;  // joins refused in the last step
};

class Players {
 public:
  // Plays city `city` of a world of `cities` cities with `choice` (replaces
  // the choice when it is already played).
  void play(std::size_t cities, std::int32_t city, PlayerChoice choice);
  // Hands a city back to the model.
  void release(std::int32_t city);
  PlayedCity* find(std::int32_t city);
  const PlayedCity* find(std::int32_t city) const;

  bool empty() const { return played_.empty(); }
  // Per city, 1 when played; nullptr when no city is (the cheap test of the phases).
  const std::uint8_t* mask() const { return played_.empty() ? nullptr : mask_.data(); }
  std::vector<PlayedCity>& played() { return played_; }
  const std::vector<PlayedCity>& played() const { return played_; }

 private:
  std::vector<PlayedCity> played_;  // in the order they were added
  std::vector<std::uint8_t> mask_;  // per city
};

// Start of a step: x of every played city is its player's choice.
void apply_player_cooperation(const Players& players, Cities& cities);

// Phase 5, after the model's reviews (which skip played cities): each played
// city leaves what its player left and what it is no longer eligible for,
// then tries its player's joins in order. Counts the moves into `stats` and
// records refused joins in the city's `refused`. Reads the cities and
// networks through the valuer.
void apply_player_memberships(Players& players, Memberships& members, const MembershipValuer& valuer,
                              PortfolioStats& stats);

}  // namespace urbis
