#include "sim/serve/debrief.hpp"

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include <fmt/format.h>

#include "sim/output/atomic_file.hpp"
#include "sim/report/report_data.hpp"
#include "sim/report/report_html.hpp"

namespace urbis::serve {

using ojson = nlohmann::ordered_json;

namespace {

double rounded(double v) { return std::isfinite(v) ? round_sig(v, 6) : 0.0; }

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : "; ") + n;
  return s;
}

// class.csv: one row per student and round.
std::string class_csv(const std::vector<Player>& players) {
  std::string out =
      "year,player,name,city,state,cooperation,joined,left,refused,payoff,growth,cost,other,inflow,fees,gdp,rank,"
      "computer_cooperation,computer_payoff,computer_gdp,computer_rank\n";
  for (const auto& p : players)
    for (const auto& r : p.history)
      out +=
          fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", r.year, p.id,
                      csv_field(p.name), csv_field(p.city_name), p.state, r.cooperation, csv_field(joined(r.joined)),
                      csv_field(joined(r.left)), csv_field(joined(r.refused)), r.payoff, r.growth, r.cost, r.other,
                      r.inflow, r.fees, r.gdp, r.rank, r.model_cooperation, r.model_payoff, r.model_gdp, r.model_rank);
  return out;
}

// The class part of the report data: each student's rounds beside the computer's.
ojson class_section(const ClassSnapshot& s, const ojson& record) {
  ojson players = ojson::array();
  for (const auto& p : s.players) {
    ojson rounds = ojson::array();
    for (const auto& r : p.history)
      rounds.push_back({{"year", r.year},
                        {"cooperation", rounded(r.cooperation)},
                        {"joined", r.joined},
                        {"left", r.left},
                        {"refused", r.refused},
                        {"payoff", rounded(r.payoff)},
                        {"growth", rounded(r.growth)},
                        {"cost", rounded(r.cost)},
                        {"inflow", rounded(r.inflow)},
                        {"fees", rounded(r.fees)},
                        {"gdp", rounded(r.gdp)},
                        {"rank", r.rank},
                        {"computer",
                         {{"cooperation", rounded(r.model_cooperation)},
                          {"payoff", rounded(r.model_payoff)},
                          {"gdp", rounded(r.model_gdp)},
                          {"rank", r.model_rank}}}});
    players.push_back(
        {{"player", p.id}, {"name", p.name}, {"city", p.city_name}, {"state", p.state}, {"rounds", rounds}});
  }
  ojson years = ojson::array();
  for (const auto& r : s.log.rounds) years.push_back(r.year);
  return {{"room", s.room}, {"rounds", years}, {"players", players}, {"record", record}};
}

}  // namespace

std::string fingerprint(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
  return fmt::format("{:016x}", h);
}

std::string csv_text(const MemoryTable& t) {
  std::string out;
  const auto& cols = t.columns();
  for (std::size_t c = 0; c < cols.size(); ++c) {
    if (c) out += ',';  // not (c ? "," : "") + ...: GCC 12 warns (-Wrestrict) on the inlined concatenation
    out += csv_field(cols[c]);
  }
  out += '\n';
  std::vector<bool> text(cols.size(), false);
  for (std::size_t c = 0; c < cols.size(); ++c) text[c] = t.is_text(c);
  for (std::size_t r = 0; r < t.row_count(); ++r) {
    for (std::size_t c = 0; c < cols.size(); ++c) {
      if (c) out += ',';
      if (text[c]) out += csv_field(t.text(r, c));
      else fmt::format_to(std::back_inserter(out), "{}", t.number(r, c));
    }
    out += '\n';
  }
  return out;
}

ojson change_json(const ParamChange& c) {
  ojson j = {{"param", c.key}, {"value", c.value}};
  if (!c.target.empty()) j["target"] = c.target;
  return j;
}

ParamChange change_from_json(const ojson& j) {
  if (!j.is_object() || !j.contains("param") || !j["param"].is_string() || !j.contains("value") ||
      !j["value"].is_number())
    throw std::invalid_argument("a change needs \"param\" (text) and \"value\" (a number)");
  ParamChange c{j["param"].get<std::string>(), j["value"].get<double>(), j.value("target", std::string())};
  bool known = false;
  for (const auto& s : slider_specs()) known = known || s.key == c.key;
  if (!known) throw std::invalid_argument(fmt::format("no slider \"{}\"", c.key));
  return c;
}

Debrief make_debrief(const ClassSnapshot& s, const ojson& network_targets) {
  if (!s.entry || !s.tables) throw std::logic_error("a debrief needs its scenario and tables");
  const Scenario& sc = s.entry->scenario;
  Debrief d;
  for (const auto& [name, table] : s.tables->files()) d.tables.emplace_back(name, csv_text(*table));
  d.tables.emplace_back("class.csv", class_csv(s.players));

  ojson& rec = d.record;
  rec["urbis_class"] = 1;
  rec["urbis"] = URBIS_VERSION;
  rec["room"] = s.room;
  ojson sources = ojson::array();
  for (const auto& f : s.entry->sources) sources.push_back({{"file", f.file}, {"text", f.text}});
  rec["scenario"] = {{"name", s.entry->name}, {"hash", s.entry->hash}, {"sources", sources}};
  rec["seed"] = sc.seed;
  rec["start"] = sc.start;
  ojson players = ojson::array();
  for (const auto& p : s.players)
    players.push_back({{"player", p.id}, {"name", p.name}, {"city", p.city_name}, {"index", p.city}});
  rec["players"] = players;
  ojson rounds = ojson::array();
  for (const auto& r : s.log.rounds) {
    ojson changes = ojson::array(), choices = ojson::array();
    for (const auto& c : r.changes) changes.push_back(change_json(c));
    for (const auto& c : r.choices)
      choices.push_back({{"player", c.player}, {"cooperation", c.cooperation}, {"join", c.join}, {"leave", c.leave}});
    rounds.push_back({{"year", r.year}, {"changes", changes}, {"choices", choices}});
  }
  rec["rounds"] = rounds;
  ojson pending = ojson::array();
  for (const auto& c : s.log.pending) pending.push_back(change_json(c));
  rec["pending"] = pending;
  ojson tables = ojson::object();
  for (const auto& [name, text] : d.tables) tables[name] = fingerprint(text);
  rec["tables"] = tables;

  ojson data = run_report_data(s.tables->source(network_targets), ReportOptions{});
  data["changes"] = s.changes;
  data["class"] = class_section(s, rec);
  d.html = report_html(data);
  return d;
}

}  // namespace urbis::serve
