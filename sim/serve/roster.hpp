#pragma once
// The students of a participatory room: who plays which city, with which
// token, and what each round gave them and the model in their place.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "agents/world.hpp"

namespace urbis::serve {

// One round of a student's city, and of the same city in the counterfactual
// world where the model played it.
struct RoundRecord {
  int year = 0;
  double cooperation = 0, payoff = 0, gdp = 0;
  int rank = 0;  // by payoff among all cities (1 = highest)
  // Why the payoff is what it is (shares of GDP per year): payoff = growth
  // + other (reputation, a share of world mitigation) - cost (the
  // cooperation part of the international budget). The contest's net
  // mobile capital won (> 0) or lost, and the fees held, in USD per year.
  double growth = 0, cost = 0, other = 0, inflow = 0, fees = 0;
  std::vector<std::string> joined, left;  // networks, this round
  std::vector<std::string> refused;       // "C40: why"
  double model_cooperation = 0, model_payoff = 0, model_gdp = 0;
  int model_rank = 0;
};

struct Player {
  std::string id;  // P1, P2, ...
  std::string name;
  std::string token;  // 128 random bits, hex
  std::int32_t city = -1;
  std::string city_name, state;  // of `city`
  bool chose = false;            // chose since the last round
  std::vector<RoundRecord> history;
};

// A city students may play.
struct PlayableCity {
  std::int32_t city;
  std::string name;
};

class Roster {
 public:
  // The 200 largest cities by GDP plus those the scenario names, largest
  // (by population) first.
  static std::vector<PlayableCity> playable_cities(const World& world, const std::vector<std::string>& named);

  // Throws ApiError: 400 bad name, 409 name taken or room full or city
  // taken or none free, 404 unknown city. Adds nothing on failure.
  Player& join(const std::string& name, const std::optional<std::string>& city, const World& world,
               std::size_t max_players);

  // A player as a class's record has them (urbis replay): no checks.
  Player& add(Player p) { return players_.emplace_back(std::move(p)); }
  Player* by_token(const std::string& token);
  std::vector<Player>& players() { return players_; }
  const std::vector<Player>& players() const { return players_; }
  const std::vector<PlayableCity>& playable() const { return playable_; }
  void set_playable(std::vector<PlayableCity> p) { playable_ = std::move(p); }
  bool taken(std::int32_t city) const;

 private:
  std::vector<Player> players_;
  std::vector<PlayableCity> playable_;
};

// 1 + the number of cities whose payoff is higher.
int payoff_rank(const World& world, std::size_t city);

}  // namespace urbis::serve
