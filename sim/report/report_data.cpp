#include "sim/report/report_data.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "sim/core/input_error.hpp"
#include "sim/report/csv_table.hpp"

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

std::vector<int> years_of(const CsvTable& t) {
  std::set<int> ys;
  const auto c = t.column("year");
  for (std::size_t r = 0; r < t.rows.size(); ++r) ys.insert(static_cast<int>(t.number(r, c)));
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
json global_series(const CsvTable& g) {
  json out;
  for (std::size_t c = 0; c < g.header.size(); ++c) {
    if (g.header[c] == "year") continue;
    json col = json::array();
    for (std::size_t r = 0; r < g.rows.size(); ++r) col.push_back(number(g.number(r, c)));
    out[g.header[c]] = std::move(col);
  }
  return out;
}

json events_of(const CsvTable& e) {
  const auto& kinds = scenario_event_kinds();
  const auto cy = e.column("year"), ck = e.column("kind"), cs = e.column("subject"), cd = e.column("detail");
  json out = json::array();
  for (std::size_t r = 0; r < e.rows.size(); ++r) {
    const auto& row = e.rows[r];
    if (std::find(kinds.begin(), kinds.end(), row[ck]) == kinds.end()) continue;
    const std::string& detail = row[cd];
    // Historical accessions and endogenous withdrawals share the kinds but
    // are not the scenario's doing.
    if (detail.find("(history)") != std::string::npos || detail.find("(endogenous)") != std::string::npos) continue;
    std::string label;
    const auto semi = detail.find("; ");
    if (semi != std::string::npos) label = detail.substr(semi + 2);
    const std::string what = semi == std::string::npos ? detail : detail.substr(0, semi);
    if (label.empty()) label = fmt::format("{} {}{}", row[ck], row[cs], what.empty() ? "" : ": " + what);
    out.push_back({{"year", static_cast<int>(e.number(r, cy))},
                   {"kind", row[ck]},
                   {"subject", row[cs]},
                   {"detail", what},
                   {"label", label}});
  }
  return out;
}

// Per-state series, years x states, for the columns a reader compares.
json states_of(const CsvTable& s, const std::vector<int>& years, const std::vector<std::string>& protagonists,
               const ReportOptions& o) {
  const auto cy = s.column("year"), ci = s.column("iso3"), cg = s.column("gdp");
  std::vector<std::string> iso;
  std::map<std::string, double> gdp;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t r = 0; r < s.rows.size(); ++r) {
    const std::string& k = s.rows[r][ci];
    if (index.emplace(k, iso.size()).second) iso.push_back(k);
    gdp[k] = s.number(r, cg);
  }
  std::unordered_map<int, std::size_t> year_index;
  for (std::size_t y = 0; y < years.size(); ++y) year_index[years[y]] = y;

  std::vector<std::string> columns;
  for (const auto& h : s.header)
    if (h != "year" && h != "iso3" && h != "gdp" && h != "population") columns.push_back(h);
  json series;
  for (const auto& col : columns) {
    const auto c = s.column(col);
    std::vector<std::vector<double>> v(iso.size(), std::vector<double>(years.size(), NAN));
    for (std::size_t r = 0; r < s.rows.size(); ++r)
      v[index[s.rows[r][ci]]][year_index[static_cast<int>(s.number(r, cy))]] = s.number(r, c);
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
      throw InputError({s.file}, fmt::format("no state '{}' in this run{}", k, did_you_mean(k, iso)));
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
json networks_of(const CsvTable& n, const std::vector<int>& years, int top) {
  const auto cy = n.column("year"), cn = n.column("name"), cq = n.column("issue"), cm = n.column("members"),
             ca = n.column("active");
  std::map<std::string, double> peak;
  std::map<std::string, std::string> issue;
  for (std::size_t r = 0; r < n.rows.size(); ++r) {
    auto& p = peak[n.rows[r][cn]];
    p = std::max(p, n.number(r, cm));
    issue[n.rows[r][cn]] = n.rows[r][cq];
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
    for (std::size_t r = 0; r < n.rows.size(); ++r)
      if (n.rows[r][cn] == name && n.number(r, ca) > 0) m[year_index[static_cast<int>(n.number(r, cy))]] = n.number(r, cm);
    json a = json::array();
    for (double x : m) a.push_back(number(x));
    out.push_back({{"name", name}, {"issue", issue[name]}, {"members", a}});
  }
  return out;
}

// The map: places, per-year values of each city (year-major arrays, in the
// order of `names`), and the membership changes of the largest networks.
json cities_of(const fs::path& dir, const ReportOptions& o, const std::map<std::string, std::string>& issue_of,
               std::vector<std::string>& problems) {
  if (!fs::exists(dir / "cities.csv") || !fs::exists(dir / "places.csv")) {
    problems.push_back(fs::exists(dir / "cities.csv")
                           ? "no places.csv in the run folder (written by urbis 0.1 runs with cities.csv): no map"
                           : "no cities.csv in the run folder (the scenario's output.cities): no map");
    return nullptr;
  }
  const CsvTable places = read_csv((dir / "places.csv").string());
  const auto pc = places.column("city"), ps = places.column("state"), plat = places.column("lat"),
             plon = places.column("lon");
  std::unordered_map<std::string, std::size_t> index;
  json names = json::array(), state = json::array(), lat = json::array(), lon = json::array();
  for (std::size_t r = 0; r < places.rows.size(); ++r) {
    index[places.rows[r][pc]] = r;
    names.push_back(places.rows[r][pc]);
    state.push_back(places.rows[r][ps]);
    lat.push_back(std::round(places.number(r, plat) * 100) / 100);
    lon.push_back(std::round(places.number(r, plon) * 100) / 100);
  }
  const std::size_t n = places.rows.size();

  const CsvTable cities = read_csv((dir / "cities.csv").string());
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
  json values;
  for (const auto& v : vars) {
    const auto c = cities.column(v.column);
    std::vector<std::vector<double>> a(years.size(), std::vector<double>(n, NAN));
    for (std::size_t r = 0; r < cities.rows.size(); ++r) {
      const auto it = index.find(cities.rows[r][cc]);
      if (it == index.end()) continue;
      a[year_index[static_cast<int>(cities.number(r, cy))]][it->second] = cities.number(r, c) * v.scale;
    }
    json per_year = json::array();
    for (const auto& row : a) {
      json j = json::array();
      for (double x : row) j.push_back(number(x, v.digits));
      per_year.push_back(std::move(j));
    }
    values[v.name] = std::move(per_year);
  }

  json links = json::object(), link_issues = json::object();
  if (fs::exists(dir / "memberships.csv")) {
    const CsvTable m = read_csv((dir / "memberships.csv").string());
    const auto my = m.column("year"), mn = m.column("network"), mc = m.column("city"), mch = m.column("change");
    std::map<std::string, std::size_t> size, peak;
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
      auto& s = size[m.rows[r][mn]];
      s = static_cast<std::size_t>(static_cast<double>(s) + m.number(r, mch));
      peak[m.rows[r][mn]] = std::max(peak[m.rows[r][mn]], s);
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
    for (std::size_t r = 0; r < m.rows.size(); ++r) {
      auto f = flat.find(m.rows[r][mn]);
      const auto it = index.find(m.rows[r][mc]);
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
  } else {
    problems.push_back("no memberships.csv in the run folder: the map cannot draw network links");
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

json run_report_data(const std::string& dir_name, const ReportOptions& o) {
  const fs::path dir(dir_name);
  if (!fs::exists(dir / "run.json"))
    throw InputError({dir_name}, "not a finished run: no run.json here (write one with `urbis run ... -o DIR`)");
  const json run = read_json(dir / "run.json");
  const CsvTable global = read_csv((dir / "global.csv").string());
  const std::vector<int> years = years_of(global);
  std::vector<std::string> protagonists;
  if (run.contains("protagonists"))
    for (const auto& p : run["protagonists"]) protagonists.push_back(p.get<std::string>());

  std::vector<std::string> problems;
  json data;
  data["kind"] = "run";
  data["schema"] = 1;
  data["meta"] = meta_of(run);
  data["years"] = years;
  data["global"] = global_series(global);
  data["targets"] = {{"network_count", read_targets(o.targets_file)}};
  data["events"] = events_of(read_csv((dir / "events.csv").string()));
  data["states"] = states_of(read_csv((dir / "states.csv").string()), years, protagonists, o);
  const CsvTable networks = read_csv((dir / "networks.csv").string());
  std::map<std::string, std::string> issue_of;
  for (const auto& row : networks.rows) issue_of[row[networks.column("name")]] = row[networks.column("issue")];
  data["networks"] = networks_of(networks, years, o.top_networks);
  data["cities"] = cities_of(dir, o, issue_of, problems);
  data["problems"] = problems;
  return data;
}

}  // namespace urbis
