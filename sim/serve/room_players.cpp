// The players' part of a room (sim/serve/room.hpp): the cities to play,
// joining, a player's view of their city and the last round, and choices.
#include <algorithm>

#include <fmt/format.h>

#include "agents/city/portfolio.hpp"
#include "sim/serve/api_error.hpp"
#include "sim/serve/api_number.hpp"
#include "sim/serve/room.hpp"

namespace urbis::serve {

ojson Room::cities() {
  std::lock_guard lock(mutex_);
  if (!classroom_) throw ApiError(409, "this room is not participatory: no cities to play");
  const World& w = sim_.world();
  ojson out = ojson::array();
  for (const auto& c : roster_.playable()) {
    const auto i = static_cast<Eigen::Index>(c.city);
    const auto j = static_cast<std::size_t>(w.cities.state[i]);
    out.push_back({{"city", c.name},
                   {"state", w.states.iso3[j]},
                   {"country", w.states.name[j]},
                   {"population", rounded(w.cities.population[i])},
                   {"taken", roster_.taken(c.city)}});
  }
  return out;
}

JoinAnswer Room::join(const std::string& name, const std::optional<std::string>& city) {
  std::lock_guard lock(mutex_);
  if (!classroom_) throw ApiError(409, "this room is not participatory: nobody can join it");
  if (sim_.finished()) throw ApiError(409, "the run has ended: the round is closed");
  World& w = sim_.world();
  const Player& p = roster_.join(name, city, w, settings_.max_players);
  // The student starts from the city's present split, with no moves.
  w.players.play(w.cities.size(), p.city, {.cooperation = w.cities.cooperation[p.city], .join = {}, .leave = {}});
  changed_locked();
  stepper_.wake();
  return {p.id, p.token, w.cities.name[static_cast<std::size_t>(p.city)]};
}

Player& Room::player_locked(const std::string& token) {
  Player* p = token.empty() ? nullptr : roster_.by_token(token);
  if (!p) throw ApiError(401, "not a player of this room (join first, or use the token you were given)");
  return *p;
}

bool Room::knows_token(const std::string& token) {
  std::lock_guard lock(mutex_);
  return roster_.by_token(token) != nullptr;
}

int Room::network_index(const std::string& name) const {
  const Networks& nw = sim_.world().networks;
  int found = -1;
  for (std::size_t k = 0; k < nw.size(); ++k)
    if (nw.name[k] == name && (found < 0 || nw.active[k])) found = static_cast<int>(k);
  return found;
}

ojson Room::me_locked(const Player& p) const {
  const World& w = sim_.world();
  const auto i = static_cast<std::size_t>(p.city);
  const auto ii = static_cast<Eigen::Index>(i);
  const Networks& nw = w.networks;
  const PlayedCity* pc = w.players.find(p.city);
  const MembershipValuer valuer(w.cities, w.states, w.networks, w.members, w.global, w.players,
                                sim_.params().coalitions);
  const int j = w.cities.state[ii];

  ojson memberships = ojson::array();
  for (auto k : w.members.of(i)) memberships.push_back(nw.name[static_cast<std::size_t>(k)]);
  // The networks the city could be in: those open to its state, and its own.
  std::vector<std::int32_t> shown;
  for (const auto* open : valuer.open_to_state(j)) shown.insert(shown.end(), open->begin(), open->end());
  for (auto k : w.members.of(i)) shown.push_back(k);
  std::sort(shown.begin(), shown.end());
  shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
  ojson networks = ojson::array();
  for (auto k : shown) {
    const auto kk = static_cast<std::size_t>(k);
    networks.push_back({{"name", nw.name[kk]},
                        {"issue", issue_name(nw.issue[kk])},
                        {"members", nw.members[kk]},
                        {"fee", rounded(nw.fee[kk])},
                        {"member", w.members.has(i, k)},
                        {"eligible", valuer.eligible(i, k)}});
  }
  auto names = [&](const std::vector<std::int32_t>& ks) {
    ojson a = ojson::array();
    for (auto k : ks) a.push_back(nw.name[static_cast<std::size_t>(k)]);
    return a;
  };
  ojson choice = {{"cooperation", pc ? pc->choice.cooperation : w.cities.cooperation[ii]},
                  {"join", pc ? names(pc->choice.join) : ojson::array()},
                  {"leave", pc ? names(pc->choice.leave) : ojson::array()}};
  ojson notes = ojson::array();
  if (pc)
    for (const auto& r : pc->refused)
      notes.push_back(fmt::format("could not join {}: {}", nw.name[static_cast<std::size_t>(r.network)],
                                  join_refusal_text(r.reason)));
  ojson history = ojson::array();
  for (const auto& h : p.history)
    history.push_back({{"year", h.year},
                       {"cooperation", rounded(h.cooperation)},
                       {"payoff", rounded(h.payoff)},
                       {"rank", h.rank},
                       {"gdp", rounded(h.gdp)}});
  // What the last round gave and why: the payoff's parts, the contest, fees,
  // memberships gained and lost, joins refused; and the rank it moved from.
  ojson last = nullptr;
  if (!p.history.empty()) {
    const RoundRecord& h = p.history.back();
    last = {{"year", h.year},
            {"payoff", rounded(h.payoff)},
            {"growth", rounded(h.growth)},
            {"cost", rounded(h.cost)},
            {"other", rounded(h.other)},
            {"inflow", rounded(h.inflow)},
            {"fees", rounded(h.fees)},
            {"joined", h.joined},
            {"left", h.left},
            {"refused", h.refused},
            {"rank", h.rank},
            {"rank_before", p.history.size() > 1 ? ojson(p.history[p.history.size() - 2].rank) : ojson(nullptr)},
            {"computer_payoff", rounded(h.model_payoff)}};
  }
  const double coop_budget = w.cities.cooperation[ii] * w.cities.intl_budget[ii];
  return {{"player", p.id},
          {"name", p.name},
          {"city", w.cities.name[i]},
          {"state", w.states.iso3[static_cast<std::size_t>(j)]},
          {"year", std::min(sim_.next_year(), entry_.scenario.end)},
          {"round_open", !sim_.finished() && !locked_},
          {"locked", locked_},
          {"finished", sim_.finished()},
          {"clock", clock_locked()},
          {"cooperation", rounded(w.cities.cooperation[ii])},
          {"budget", rounded(w.cities.intl_budget[ii])},
          {"cooperation_budget", rounded(coop_budget)},
          {"fees", rounded(w.cities.fees[ii])},
          {"gdp", rounded(w.cities.gdp[ii])},
          {"payoff", rounded(w.cities.payoff[ii])},
          // No rank before a round is played: there is nothing to rank yet.
          {"rank", p.history.empty() ? ojson(nullptr) : ojson(p.history.back().rank)},
          {"of", w.cities.size()},
          {"last_round", last},
          {"memberships", memberships},
          {"networks", networks},
          {"choice", choice},
          {"chose", p.chose},
          {"notes", notes},
          {"history", history}};
}

ojson Room::me(const std::string& token) {
  std::lock_guard lock(mutex_);
  return me_locked(player_locked(token));
}

ojson Room::choose(const std::string& token, const ChoiceRequest& c) {
  std::lock_guard lock(mutex_);
  Player& p = player_locked(token);
  World& w = sim_.world();
  if (c.city && *c.city != w.cities.name[static_cast<std::size_t>(p.city)])
    throw ApiError(403, "a player chooses for their own city only", "city");
  if (c.player && *c.player != p.id) throw ApiError(403, "a player chooses for themselves only", "player");
  if (sim_.finished()) throw ApiError(409, "the run has ended: the round is closed");
  const int open = sim_.next_year();
  if (c.round && *c.round != open)
    throw ApiError(409, fmt::format("round {} is over: choose for round {}", *c.round, open), "round");
  if (locked_) throw ApiError(409, "time's up: choices for this round are locked", "round");
  auto resolve = [&](const std::optional<std::vector<std::string>>& names, const char* field) {
    std::vector<std::int32_t> ks;
    if (!names) return ks;
    for (const auto& n : *names) {
      const int k = network_index(n);
      if (k < 0) throw ApiError(404, fmt::format("no network in {} is called that", field), field);
      if (std::find(ks.begin(), ks.end(), k) == ks.end()) ks.push_back(k);
    }
    return ks;
  };
  const auto join = resolve(c.join, "join");
  const auto leave = resolve(c.leave, "leave");
  for (auto k : join)
    if (std::find(leave.begin(), leave.end(), k) != leave.end())
      throw ApiError(400, "a network cannot be joined and left at once", "join");
  PlayedCity* pc = w.players.find(p.city);
  if (!pc) throw std::logic_error("a player's city is not played");
  if (c.cooperation) pc->choice.cooperation = *c.cooperation;
  if (c.join) pc->choice.join = join;
  if (c.leave) pc->choice.leave = leave;
  p.chose = true;
  changed_locked();
  return me_locked(p);
}

}  // namespace urbis::serve
