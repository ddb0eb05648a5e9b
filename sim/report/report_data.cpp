#include "sim/report/report_data.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "sim/core/input_error.hpp"
#include "sim/report/csv_table.hpp"
#include "sim/report/table.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace urbis {

namespace {

json number(double v, int digits = 4) {
  if (!std::isfinite(v)) return nullptr;
  return round_sig(v, digits);
}

json read_json(const fs::path& p) {
  std::ifstream in(p);
  if (!in) throw InputError({p.string()}, "cannot read this file");
  try {
    return json::parse(in);
  } catch (const json::parse_error& e) {
    throw InputError({p.string()}, fmt::format("not valid JSON: {}", e.what()));
  }
}

std::vector<int> years_of(const Table& t) {
  std::set<int> ys;
  const auto c = t.column("year");
  for (std::size_t r = 0; r < t.row_count(); ++r) ys.insert(static_cast<int>(t.number(r, c)));
  return {ys.begin(), ys.end()};
}

json meta_of(const json& run) {
  json m;
  for (const char* k : {"scenario", "description", "scenario_file", "scenario_hash", "seed", "start", "end", "version",
                        "threads", "started", "finished", "wall_seconds", "cities", "states", "networks_ever"})
    if (run.contains(k)) m[k] = run[k];
  return m;
}

// Series of every numeric column of a table with one row per year.
json global_series(const Table& g) {
  json out;
  for (std::size_t c = 0; c < g.columns().size(); ++c) {
    if (g.columns()[c] == "year") continue;
    json col = json::array();
    for (std::size_t r = 0; r < g.row_count(); ++r) col.push_back(number(g.number(r, c)));
    out[g.columns()[c]] = std::move(col);
  }
  return out;
}

json events_of(const Table& e) {
  const auto& kinds = scenario_event_kinds();
  const auto cy = e.column("year"), ck = e.column("kind"), cs = e.column("subject"), cd = e.column("detail");
  json out = json::array();
  for (std::size_t r = 0; r < e.row_count(); ++r) {
    const std::string kind(e.text(r, ck)), subject(e.text(r, cs));
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) continue;
    const std::string detail(e.text(r, cd));
    // Historical accessions and endogenous withdrawals share the kinds but
    // are not the scenario's doing.
    if (detail.find("(history)") != std::string::npos || detail.find("(endogenous)") != std::string::npos) continue;
    std::string label;
    const auto semi = detail.find("; ");
    if (semi != std::string::npos) label = detail.substr(semi + 2);
    const std::string what = semi == std::string::npos ? detail : detail.substr(0, semi);
    if (label.empty()) label = fmt::format("{} {}{}", kind, subject, what.empty() ? "" : ": " + what);
    out.push_back({{"year", static_cast<int>(e.number(r, cy))},
                   {"kind", kind},
                   {"subject", subject},
                   {"detail", what},
                   {"label", label}});
  }
  return out;
}

// Per-state series, years x states, for the columns a reader compares.
json states_of(const Table& s, const std::vector<int>& years, const std::vector<std::string>& protagonists,
               const ReportOptions& o) {
  const auto cy = s.column("year"), ci = s.column("iso3"), cg = s.column("gdp");
  std::vector<std::string> iso;
  std::map<std::string, double> gdp;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t r = 0; r < s.row_count(); ++r) {
    const std::string k(s.text(r, ci));
    if (index.emplace(k, iso.size()).second) iso.push_back(k);
    gdp[k] = s.number(r, cg);
  }
  std::unordered_map<int, std::size_t> year_index;
  for (std::size_t y = 0; y < years.size(); ++y) year_index[years[y]] = y;

  std::vector<std::string> columns;
  for (const auto& h : s.columns())
    if (h != "year" && h != "iso3" && h != "gdp" && h != "population") columns.push_back(h);
  json series;
  for (const auto& col : columns) {
    const auto c = s.column(col);
    std::vector<std::vector<double>> v(iso.size(), std::vector<double>(years.size(), NAN));
    for (std::size_t r = 0; r < s.row_count(); ++r)
      v[index[std::string(s.text(r, ci))]][year_index[static_cast<int>(s.number(r, cy))]] = s.number(r, c);
    json per_state = json::array();
    for (const auto& row : v) {
      json a = json::array();
      for (double x : row) a.push_back(number(x, 3));
      per_state.push_back(std::move(a));
    }
    series[col] = std::move(per_state);
  }

  // Shown first: protagonists, then the states asked for, then the largest
  // economies, up to six.
  std::vector<std::string> chosen;
  auto choose = [&](const std::string& k) {
    if (index.count(k) && std::find(chosen.begin(), chosen.end(), k) == chosen.end()) chosen.push_back(k);
  };
  for (const auto& k : protagonists) choose(k);
  for (const auto& k : o.states) {
    if (!index.count(k))
      throw InputError({s.source()}, fmt::format("no state '{}' in this run{}", k, did_you_mean(k, iso)));
    choose(k);
  }
  std::vector<std::string> by_gdp = iso;
  std::stable_sort(by_gdp.begin(), by_gdp.end(), [&](const auto& a, const auto& b) { return gdp[a] > gdp[b]; });
  for (const auto& k : by_gdp) {
    if (chosen.size() >= 6) break;
    choose(k);
  }
  json gdp_bn = json::array();
  for (const auto& k : iso) gdp_bn.push_back(number(gdp[k] / 1e9, 3));
  return {{"iso3", iso}, {"gdp_bn", gdp_bn}, {"chosen", chosen}, {"protagonists", protagonists}, {"series", series}};
}

// Members per year of the largest networks (null while a network is not active).
json networks_of(const Table& n, const std::vector<int>& years, int top) {
  const auto cy = n.column("year"), cn = n.column("name"), cq = n.column("issue"), cm = n.column("members"),
             ca = n.column("active");
  std::map<std::string, double> peak;
  std::map<std::string, std::string> issue;
  for (std::size_t r = 0; r < n.row_count(); ++r) {
    const std::string name(n.text(r, cn));
    auto& p = peak[name];
    p = std::max(p, n.number(r, cm));
    issue[name] = n.text(r, cq);
  }
  std::vector<std::string> names;
  for (const auto& [k, v] : peak) names.push_back(k);
  std::stable_sort(names.begin(), names.end(), [&](const auto& a, const auto& b) { return peak[a] > peak[b]; });
  if (names.size() > static_cast<std::size_t>(top)) names.resize(static_cast<std::size_t>(top));
  std::unordered_map<int, std::size_t> year_index;
  for (std::size_t y = 0; y < years.size(); ++y) year_index[years[y]] = y;
  json out = json::array();
  for (const auto& name : names) {
    std::vector<double> m(years.size(), NAN);
    for (std::size_t r = 0; r < n.row_count(); ++r)
      if (n.text(r, cn) == name && n.number(r, ca) > 0) m[year_index[static_cast<int>(n.number(r, cy))]] = n.number(r, cm);
    json a = json::array();
    for (double x : m) a.push_back(number(x));
    out.push_back({{"name", name}, {"issue", issue[name]}, {"members", a}});
  }
  return out;
}

// The map: places, per-year values of each city (year-major arrays, in the
// order of `names`), and the membership changes of the largest networks.
json cities_of(const Table& places, const Table& cities, const Table* memberships, const ReportOptions& o,
               const std::map<std::string, std::string>& issue_of) {
  const auto pc = places.column("city"), ps = places.column("state"), plat = places.column("lat"),
             plon = places.column("lon");
  std::unordered_map<std::string, std::size_t> index;
  json names = json::array(), state = json::array(), lat = json::array(), lon = json::array();
  for (std::size_t r = 0; r < places.row_count(); ++r) {
    const std::string city(places.text(r, pc));
    index[city] = r;
    names.push_back(city);
    state.push_back(places.text(r, ps));
    lat.push_back(std::round(places.number(r, plat) * 100) / 100);
    lon.push_back(std::round(places.number(r, plon) * 100) / 100);
  }
  const std::size_t n = places.row_count();

  const auto cy = cities.column("year"), cc = cities.column("city");
  const std::vector<int> years = years_of(cities);
  std::unordered_map<int, std::size_t> year_index;
  for (std::size_t y = 0; y < years.size(); ++y) year_index[years[y]] = y;
  // Units chosen so that numbers stay short: GDP in billions of USD,
  // population in thousands.
  struct Var {
    std::string name, column;
    double scale;
    int digits;
  };
  std::vector<Var> vars;
  for (const Var& v : std::vector<Var>{{"gdp_bn", "gdp", 1e-9, 3},
                                       {"population_k", "population", 1e-3, 3},
                                       {"cooperation", "cooperation", 1, 2},
                                       {"memberships", "memberships", 1, 3},
                                       {"tension", "tension", 1, 2},
                                       {"autonomy", "autonomy", 1, 2}})
    if (cities.find_column(v.column)) vars.push_back(v);
  // Where each row goes (place, year), found once for all the variables.
  constexpr std::size_t nowhere = static_cast<std::size_t>(-1);
  std::vector<std::size_t> row_place(cities.row_count(), nowhere), row_year(cities.row_count(), 0);
  for (std::size_t r = 0; r < cities.row_count(); ++r) {
    const auto it = index.find(std::string(cities.text(r, cc)));
    if (it == index.end()) continue;
    row_place[r] = it->second;
    row_year[r] = year_index[static_cast<int>(cities.number(r, cy))];
  }
  json values;
  for (const auto& v : vars) {
    const auto c = cities.column(v.column);
    std::vector<std::vector<double>> a(years.size(), std::vector<double>(n, NAN));
    for (std::size_t r = 0; r < cities.row_count(); ++r)
      if (row_place[r] != nowhere) a[row_year[r]][row_place[r]] = cities.number(r, c) * v.scale;
    json per_year = json::array();
    for (const auto& row : a) {
      json j = json::array();
      for (double x : row) j.push_back(number(x, v.digits));
      per_year.push_back(std::move(j));
    }
    values[v.name] = std::move(per_year);
  }

  json links = json::object(), link_issues = json::object();
  if (memberships) {
    const Table& m = *memberships;
    const auto my = m.column("year"), mn = m.column("network"), mc = m.column("city"), mch = m.column("change");
    std::map<std::string, std::size_t> size, peak;
    for (std::size_t r = 0; r < m.row_count(); ++r) {
      const std::string network(m.text(r, mn));
      auto& s = size[network];
      s = static_cast<std::size_t>(static_cast<double>(s) + m.number(r, mch));
      peak[network] = std::max(peak[network], s);
    }
    std::vector<std::string> chosen;
    for (const auto& [k, v] : peak) chosen.push_back(k);
    std::stable_sort(chosen.begin(), chosen.end(), [&](const auto& a, const auto& b) { return peak[a] > peak[b]; });
    if (chosen.size() > static_cast<std::size_t>(o.map_networks)) {
      // The largest, and the networks of the world data (C40, ICLEI, ...):
      // the model's own networks are named "<issue> network ...".
      std::vector<std::string> keep(chosen.begin(), chosen.begin() + o.map_networks);
      for (auto it = chosen.begin() + o.map_networks; it != chosen.end() && keep.size() < static_cast<std::size_t>(2 * o.map_networks); ++it)
        if (it->find(" network ") == std::string::npos && peak[*it] > 0) keep.push_back(*it);
      chosen = std::move(keep);
    }
    // Per network: flat [year, city, change, ...].
    std::map<std::string, json> flat;
    for (const auto& k : chosen) flat[k] = json::array();
    for (std::size_t r = 0; r < m.row_count(); ++r) {
      auto f = flat.find(std::string(m.text(r, mn)));
      if (f == flat.end()) continue;
      const auto it = index.find(std::string(m.text(r, mc)));
      if (f == flat.end() || it == index.end()) continue;
      f->second.push_back(static_cast<int>(m.number(r, my)));
      f->second.push_back(it->second);
      f->second.push_back(static_cast<int>(m.number(r, mch)));
    }
    for (const auto& k : chosen) {
      links[k] = std::move(flat[k]);
      const auto q = issue_of.find(k);
      link_issues[k] = q == issue_of.end() ? "" : q->second;
    }
  }
  return {{"names", names}, {"state", state}, {"lat", lat},         {"lon", lon},
          {"years", years}, {"values", values}, {"links", links}, {"link_issues", link_issues}};
}

}  // namespace

double round_sig(double v, int digits) {
  if (v == 0 || !std::isfinite(v)) return v;
  const int e = static_cast<int>(std::floor(std::log10(std::fabs(v)))) + 1;
  const double m = std::pow(10.0, digits - e);
  return std::round(v * m) / m;
}

const std::vector<std::string>& scenario_event_kinds() {
  static const std::vector<std::string> k = {"withdraw", "join",  "leave_union", "join_union",    "set",
                                             "shock",    "salience", "found_network", "fund", "defund",
                                             "join_network", "leave_network"};
  return k;
}

FolderKind folder_kind(const std::string& dir) {
  const fs::path p(dir);
  if (fs::exists(p / "runs.csv")) return FolderKind::sweep;
  if (fs::exists(p / "run.json") && fs::exists(p / "global.csv")) return FolderKind::run;
  return FolderKind::unknown;
}

json read_targets(const std::string& file) {
  json out = json::array();
  if (file.empty() || !fs::exists(file)) return out;
  try {
    const YAML::Node root = YAML::LoadFile(file);
    for (const auto& t : root["network_count"]) {
      json j;
      j["year"] = t["year"].as<int>();
      if (t["value"]) j["value"] = t["value"].as<double>();
      if (t["low"]) j["low"] = t["low"].as<double>();
      if (t["high"]) j["high"] = t["high"].as<double>();
      if (t["note"]) j["note"] = t["note"].as<std::string>();
      out.push_back(j);
    }
  } catch (const YAML::Exception& e) {
    throw InputError({file, e.mark.line + 1, e.mark.column + 1}, e.msg);
  }
  return out;
}

json run_report_data(const RunSource& src, const ReportOptions& o) {
  const std::vector<int> years = years_of(*src.global);
  std::vector<std::string> protagonists;
  if (src.run.contains("protagonists"))
    for (const auto& p : src.run["protagonists"]) protagonists.push_back(p.get<std::string>());

  json data;
  data["kind"] = "run";
  data["schema"] = 1;
  data["meta"] = meta_of(src.run);
  data["years"] = years;
  data["global"] = global_series(*src.global);
  data["targets"] = {{"network_count", src.network_targets}};
  data["events"] = events_of(*src.events);
  data["states"] = states_of(*src.states, years, protagonists, o);
  const Table& networks = *src.networks;
  std::map<std::string, std::string> issue_of;
  const auto cn = networks.column("name"), cq = networks.column("issue");
  for (std::size_t r = 0; r < networks.row_count(); ++r)
    issue_of[std::string(networks.text(r, cn))] = networks.text(r, cq);
  data["networks"] = networks_of(networks, years, o.top_networks);
  data["cities"] = src.places && src.cities ? cities_of(*src.places, *src.cities, src.memberships, o, issue_of) : json(nullptr);
  data["problems"] = src.problems;
  return data;
}

json run_report_data(const std::string& dir_name, const ReportOptions& o) {
  const fs::path dir(dir_name);
  if (!fs::exists(dir / "run.json"))
    throw InputError({dir_name}, "not a finished run: no run.json here (write one with `urbis run ... -o DIR`)");
  auto table = [&](const char* file) { return std::make_unique<CsvView>(read_csv((dir / file).string())); };
  RunSource src;
  src.run = read_json(dir / "run.json");
  const auto global = table("global.csv");
  src.network_targets = read_targets(o.targets_file);
  const auto events = table("events.csv");
  const auto states = table("states.csv");
  const auto networks = table("networks.csv");
  src.global = global.get();
  src.events = events.get();
  src.states = states.get();
  src.networks = networks.get();

  // The map needs cities.csv and places.csv; its links, memberships.csv.
  std::unique_ptr<CsvView> places, cities, memberships;
  if (!fs::exists(dir / "cities.csv") || !fs::exists(dir / "places.csv")) {
    src.problems.push_back(fs::exists(dir / "cities.csv")
                               ? "no places.csv in the run folder (written by urbis 0.1 runs with cities.csv): no map"
                               : "no cities.csv in the run folder (the scenario's output.cities): no map");
  } else {
    places = table("places.csv");
    cities = table("cities.csv");
    src.places = places.get();
    src.cities = cities.get();
    if (fs::exists(dir / "memberships.csv")) {
      memberships = table("memberships.csv");
      src.memberships = memberships.get();
    } else {
      src.problems.push_back("no memberships.csv in the run folder: the map cannot draw network links");
    }
  }
  return run_report_data(src, o);
}

}  // namespace urbis
