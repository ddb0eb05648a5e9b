// The class's part of a participatory room (sim/serve/room.hpp): the table
// of players the teacher sees, the summary against the computer's play, and
// the debrief to keep.
#include "sim/serve/api_error.hpp"
#include "sim/serve/api_number.hpp"
#include "sim/serve/free_memory.hpp"
#include "sim/serve/room.hpp"

namespace urbis::serve {

ojson Room::class_table() {
  std::lock_guard lock(mutex_);
  if (!classroom_) throw ApiError(409, "this room is not participatory");
  const World& w = sim_.world();
  ojson players = ojson::array();
  for (const auto& p : roster_.players()) {
    const auto i = static_cast<std::size_t>(p.city);
    const PlayedCity* pc = w.players.find(p.city);
    players.push_back(
        {{"player", p.id},
         {"name", p.name},
         {"city", w.cities.name[i]},
         {"cooperation", rounded(pc ? pc->choice.cooperation : w.cities.cooperation[static_cast<Eigen::Index>(i)])},
         {"memberships", w.members.count[i]},
         {"payoff", rounded(w.cities.payoff[static_cast<Eigen::Index>(i)])},
         {"rank", p.history.empty() ? ojson(nullptr) : ojson(p.history.back().rank)},
         {"chose", p.chose}});
  }
  return {{"year", std::min(sim_.next_year(), entry_.scenario.end)},
          {"round_open", !sim_.finished()},
          {"players", players}};
}

Debrief Room::debrief() {
  ClassSnapshot snap;
  {
    std::lock_guard lock(mutex_);
    if (!classroom_) throw ApiError(409, "this room is not participatory: no class to keep");
    snap.room = code_;
    snap.entry = &entry_;
    snap.tables = sim_.tables().copy();
    snap.players = roster_.players();
    snap.log = log_;
    snap.changes = changes_;
  }
  Debrief d = make_debrief(snap, library_->network_targets());
  release_free_memory();
  return d;
}

ojson Room::summary() {
  std::lock_guard lock(mutex_);
  if (!classroom_) throw ApiError(409, "this room is not participatory");
  const World& w = sim_.world();
  ojson players = ojson::array();
  for (const auto& p : roster_.players()) {
    const auto n = static_cast<double>(p.history.size());
    double x = 0, pay = 0, mx = 0, mpay = 0;
    for (const auto& h : p.history)
      x += h.cooperation, pay += h.payoff, mx += h.model_cooperation, mpay += h.model_payoff;
    const RoundRecord last = p.history.empty() ? RoundRecord{} : p.history.back();
    players.push_back({{"player", p.id},
                       {"name", p.name},
                       {"city", w.cities.name[static_cast<std::size_t>(p.city)]},
                       {"rounds", p.history.size()},
                       {"cooperation", rounded(n > 0 ? x / n : 0.0)},
                       {"payoff", rounded(pay)},
                       {"gdp", rounded(last.gdp)},
                       {"rank", last.rank},
                       {"computer",
                        {{"cooperation", rounded(n > 0 ? mx / n : 0.0)},
                         {"payoff", rounded(mpay)},
                         {"gdp", rounded(last.model_gdp)},
                         {"rank", last.model_rank}}},
                       {"gain", {{"payoff", rounded(pay - mpay)}, {"gdp", rounded(last.gdp - last.model_gdp)}}}});
  }
  return {
      {"year", std::min(sim_.next_year(), entry_.scenario.end)}, {"finished", sim_.finished()}, {"players", players}};
}

}  // namespace urbis::serve
