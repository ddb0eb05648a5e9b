#include "sim/serve/replay.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "sim/serve/class_log.hpp"
#include "sim/serve/simulation.hpp"

namespace urbis::serve {

using ojson = nlohmann::ordered_json;

namespace {

const ojson& field(const ojson& j, const char* key, bool (ojson::*is)() const noexcept, const char* what) {
  if (!j.is_object() || !j.contains(key) || !(j[key].*is)())
    throw std::invalid_argument(fmt::format("the class record needs \"{}\" ({})", key, what));
  return j[key];
}

std::vector<std::int32_t> indices(const ojson& a) {
  if (!a.is_array()) throw std::invalid_argument("join and leave are lists of network indices");
  std::vector<std::int32_t> out;
  for (const auto& k : a) {
    if (!k.is_number_integer()) throw std::invalid_argument("join and leave are lists of network indices");
    out.push_back(k.get<std::int32_t>());
  }
  return out;
}

}  // namespace

ojson read_class_record(const std::string& text) {
  // A debrief page embeds its data as JSON in <script id="urbis-data">.
  const std::string open = "<script type=\"application/json\" id=\"urbis-data\">";
  std::string json = text;
  if (const auto at = text.find(open); at != std::string::npos) {
    const auto begin = at + open.size();
    const auto end = text.find("</script>", begin);
    if (end == std::string::npos) throw std::invalid_argument("the page's data is cut short");
    json = text.substr(begin, end - begin);
  }
  ojson j = ojson::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) throw std::invalid_argument("neither a class record (class.json) nor a debrief page");
  if (j.contains("class") && j["class"].is_object() && j["class"].contains("record")) j = j["class"]["record"];
  if (!j.is_object() || !j.contains("urbis_class"))
    throw std::invalid_argument("not a class record: no \"urbis_class\" (a report of a run is not a class)");
  if (j["urbis_class"] != 1) throw std::invalid_argument("a class record of another format (urbis_class is not 1)");
  return j;
}

Debrief replay_class(const LibraryEntry& entry, const ojson& rec, const ojson& network_targets) {
  const auto& players = field(rec, "players", &ojson::is_array, "a list");
  const auto& rounds = field(rec, "rounds", &ojson::is_array, "a list");
  Simulation sim(entry, /*counterfactual=*/true);
  const World& w = sim.world();

  Roster roster;
  for (const auto& p : players) {
    Player pl;
    pl.id = field(p, "player", &ojson::is_string, "text").get<std::string>();
    pl.name = field(p, "name", &ojson::is_string, "text").get<std::string>();
    const auto i = field(p, "index", &ojson::is_number_integer, "a city's index").get<std::int64_t>();
    if (i < 0 || i >= static_cast<std::int64_t>(w.cities.size()))
      throw std::invalid_argument(fmt::format("player {}: no city {} in this world", pl.id, i));
    pl.city = static_cast<std::int32_t>(i);
    pl.city_name = w.cities.name[static_cast<std::size_t>(i)];
    pl.state = w.states.iso3[static_cast<std::size_t>(w.cities.state[pl.city])];
    if (p.contains("city") && p["city"] != pl.city_name)
      throw std::invalid_argument(fmt::format("player {}: city {} is {} in this world", pl.id, i, pl.city_name));
    roster.add(std::move(pl));
  }

  ClassSnapshot snap;
  snap.room = field(rec, "room", &ojson::is_string, "text").get<std::string>();
  snap.entry = &entry;
  for (const auto& r : rounds) {
    LoggedRound round;
    round.year = field(r, "year", &ojson::is_number_integer, "a year").get<int>();
    if (round.year != sim.next_year() || sim.finished())
      throw std::invalid_argument(
          fmt::format("round {} does not follow (the run is at {})", round.year, sim.next_year()));
    for (const auto& c : field(r, "changes", &ojson::is_array, "a list")) round.changes.push_back(change_from_json(c));
    for (const auto& c : field(r, "choices", &ojson::is_array, "a list")) {
      LoggedChoice choice;
      choice.player = field(c, "player", &ojson::is_string, "text").get<std::string>();
      choice.cooperation = field(c, "cooperation", &ojson::is_number, "a number").get<double>();
      choice.join = indices(c.value("join", ojson::array()));
      choice.leave = indices(c.value("leave", ojson::array()));
      round.choices.push_back(std::move(choice));
    }
    // As the room did: the changes (each listed at its year), the choices, the step.
    for (const auto& c : round.changes) snap.changes.push_back(change_entry(c, round.year));
    apply_round(round, roster, sim);
    const auto before = memberships_of(roster, sim.world());
    snap.log.rounds.push_back(round);
    sim.step();
    record_round(roster, sim, before);
  }
  for (const auto& c : rec.value("pending", ojson::array())) {
    const ParamChange change = change_from_json(c);
    apply_round({sim.next_year(), {change}, {}}, roster, sim);
    snap.changes.push_back(change_entry(change, std::min(sim.next_year(), entry.scenario.end)));
    snap.log.pending.push_back(change);
  }
  snap.tables = sim.tables().copy();
  snap.players = roster.players();
  return make_debrief(snap, network_targets);
}

}  // namespace urbis::serve
