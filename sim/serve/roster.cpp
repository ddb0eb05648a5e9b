#include "sim/serve/roster.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

#include <fmt/format.h>

#include "sim/serve/api_error.hpp"
#include "sim/serve/json_check.hpp"
#include "sim/serve/tokens.hpp"

namespace urbis::serve {

namespace {
bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}
}  // namespace

std::vector<PlayableCity> Roster::playable_cities(const World& w, const std::vector<std::string>& named) {
  const Cities& c = w.cities;
  std::vector<std::int32_t> order(c.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return c.gdp[a] > c.gdp[b]; });
  if (order.size() > 200) order.resize(200);
  for (const auto& n : named) {
    const auto it = std::find(c.name.begin(), c.name.end(), n);
    if (it != c.name.end()) order.push_back(static_cast<std::int32_t>(it - c.name.begin()));
  }
  std::sort(order.begin(), order.end());
  order.erase(std::unique(order.begin(), order.end()), order.end());
  // Largest first: a student looks for a city they know, and those are big.
  std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return c.population[a] > c.population[b]; });
  std::vector<PlayableCity> out;
  for (auto i : order) out.push_back({i, c.name[static_cast<std::size_t>(i)]});
  return out;
}

bool Roster::taken(std::int32_t city) const {
  return std::any_of(players_.begin(), players_.end(), [&](const Player& p) { return p.city == city; });
}

Player& Roster::join(const std::string& raw_name, const std::optional<std::string>& city, const World& w,
                     std::size_t max_players) {
  const std::string name = check_name(raw_name);
  for (const auto& p : players_)
    if (same_name(p.name, name)) throw ApiError(409, "this name is taken in the room; choose another", "name");
  if (players_.size() >= max_players) throw ApiError(409, "the room is full");
  std::int32_t chosen = -1;
  if (city) {
    const auto it = std::find_if(playable_.begin(), playable_.end(), [&](const auto& p) { return p.name == *city; });
    if (it == playable_.end()) throw ApiError(404, "no such city to play (see the room's cities)", "city");
    if (taken(it->city)) throw ApiError(409, "this city is taken; choose another", "city");
    chosen = it->city;
  } else {
    // The largest free city: the ones the model's outcome depends on most.
    double best = -1;
    for (const auto& p : playable_)
      if (!taken(p.city) && w.cities.gdp[p.city] > best) best = w.cities.gdp[p.city], chosen = p.city;
    if (chosen < 0) throw ApiError(409, "every city is taken");
  }
  Player p;
  p.id = fmt::format("P{}", players_.size() + 1);
  p.name = name;
  p.token = random_token();
  p.city = chosen;
  p.city_name = w.cities.name[static_cast<std::size_t>(chosen)];
  p.state = w.states.iso3[static_cast<std::size_t>(w.cities.state[chosen])];
  players_.push_back(std::move(p));
  return players_.back();
}

Player* Roster::by_token(const std::string& token) {
  Player* found = nullptr;
  for (auto& p : players_)  // every token compared in full: no early exit
    if (same_secret(p.token, token)) found = &p;
  return found;
}

int payoff_rank(const World& w, std::size_t city) {
  const double mine = w.cities.payoff[static_cast<Eigen::Index>(city)];
  int above = 0;
  for (Eigen::Index i = 0; i < w.cities.payoff.size(); ++i) above += w.cities.payoff[i] > mine;
  return above + 1;
}

}  // namespace urbis::serve
