#include "sim/serve/class_log.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "agents/city/players.hpp"

namespace urbis::serve {

namespace {
const Player* player_of(const Roster& roster, std::int32_t city) {
  for (const auto& p : roster.players())
    if (p.city == city) return &p;
  return nullptr;
}
}  // namespace

void log_round(ClassLog& log, const Roster& roster, const Simulation& sim) {
  LoggedRound r;
  r.year = sim.next_year();
  r.changes = std::move(log.pending);
  log.pending.clear();
  for (const auto& pc : sim.world().players.played()) {
    const Player* p = player_of(roster, pc.city);
    if (!p) throw std::logic_error("a played city has no player");
    r.choices.push_back({p->id, pc.choice.cooperation, pc.choice.join, pc.choice.leave});
  }
  log.rounds.push_back(std::move(r));
}

std::vector<std::vector<std::int32_t>> memberships_of(const Roster& roster, const World& w) {
  std::vector<std::vector<std::int32_t>> out;
  for (const auto& p : roster.players()) {
    const auto held = w.members.of(static_cast<std::size_t>(p.city));
    out.emplace_back(held.begin(), held.end());
    std::sort(out.back().begin(), out.back().end());
  }
  return out;
}

void record_round(Roster& roster, Simulation& sim, const std::vector<std::vector<std::int32_t>>& before) {
  World& w = sim.world();
  const World* model = sim.counterfactual_world();
  const int year = sim.next_year() - 1;
  const auto after = memberships_of(roster, w);
  const Networks& nw = w.networks;
  auto names = [&](const std::vector<std::int32_t>& ks) {
    std::vector<std::string> n;
    for (auto k : ks) n.push_back(nw.name[static_cast<std::size_t>(k)]);
    return n;
  };
  for (std::size_t n = 0; n < roster.players().size(); ++n) {
    Player& p = roster.players()[n];
    PlayedCity* pc = w.players.find(p.city);
    if (!pc) continue;  // a replay's player who has not joined yet
    const auto i = static_cast<std::size_t>(p.city);
    const auto ii = static_cast<Eigen::Index>(i);
    const Cities& c = w.cities;
    RoundRecord r;
    r.year = year;
    r.cooperation = c.cooperation[ii];
    r.payoff = c.payoff[ii];
    r.gdp = c.gdp[ii];
    r.rank = payoff_rank(w, i);
    r.growth = c.growth[ii];
    r.cost = c.gdp[ii] > 0 ? c.cooperation[ii] * c.intl_budget[ii] / c.gdp[ii] : 0.0;
    r.other = r.payoff - r.growth + r.cost;
    r.inflow = c.net_inflow[ii];
    r.fees = c.fees[ii];
    const std::vector<std::int32_t> none;
    const auto& was = n < before.size() ? before[n] : none;
    std::vector<std::int32_t> diff;
    std::set_difference(after[n].begin(), after[n].end(), was.begin(), was.end(), std::back_inserter(diff));
    r.joined = names(diff);
    diff.clear();
    std::set_difference(was.begin(), was.end(), after[n].begin(), after[n].end(), std::back_inserter(diff));
    r.left = names(diff);
    if (model) {
      r.model_cooperation = model->cities.cooperation[ii];
      r.model_payoff = model->cities.payoff[ii];
      r.model_gdp = model->cities.gdp[ii];
      r.model_rank = payoff_rank(*model, i);
    }
    for (const auto& f : pc->refused)
      r.refused.push_back(
          fmt::format("{}: {}", nw.name[static_cast<std::size_t>(f.network)], join_refusal_text(f.reason)));
    // Joins and leaves are done (or refused, in notes); the split stays.
    pc->choice.join.clear();
    pc->choice.leave.clear();
    p.history.push_back(std::move(r));
    p.chose = false;
  }
}

void apply_round(const LoggedRound& round, const Roster& roster, Simulation& sim) {
  for (const auto& c : round.changes) {
    check_param_changes({c}, sim.world());
    apply_param_change(c, sim.world(), sim.params());
    if (Run* model = sim.counterfactual()) apply_param_change(c, model->world(), model->params());
  }
  World& w = sim.world();
  const auto networks = static_cast<std::int32_t>(w.networks.size());
  for (const auto& c : round.choices) {
    const auto it = std::find_if(roster.players().begin(), roster.players().end(),
                                 [&](const Player& p) { return p.id == c.player; });
    if (it == roster.players().end())
      throw std::invalid_argument(fmt::format("round {}: no player {}", round.year, c.player));
    for (const auto* list : {&c.join, &c.leave})
      for (auto k : *list)
        if (k < 0 || k >= networks) throw std::invalid_argument(fmt::format("round {}: no network {}", round.year, k));
    w.players.play(w.cities.size(), it->city, {.cooperation = c.cooperation, .join = c.join, .leave = c.leave});
  }
}

}  // namespace urbis::serve
