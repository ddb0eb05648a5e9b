// Over 500 lines: the run report's data assembled view by view (series, map, networks, states, events); a split by view is due.
#include "sim/report/report_data.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "analysis/observables.hpp"
#include "sim/core/csv_reader.hpp"
#include "sim/core/input_error.hpp"
#include "sim/core/yaml_reader.hpp"
#include "sim/report/table.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace urbis {

namespace {

json number(double v, int digits = 4) {
  if (!std::isfinite(v)) return nullptr;
  return round_significant(v, digits);
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

// A whole number of a table (a year, a change): InputError naming the table
// when the cell is empty or not a number, rather than undefined behaviour.
int whole(double v, const std::string& source, const char* column) {
  if (!std::isfinite(v) || std::fabs(v) > 1e9)
    throw InputError({source}, fmt::format("a row has no valid {} (expected a whole number)", column));
  return static_cast<int>(v);
}

std::vector<int> years_of(const Table& t) {
  std::set<int> ys;
  const auto c = t.column("year");
  for (std::size_t r = 0; r < t.row_count(); ++r) ys.insert(whole(t.number(r, c), t.source(), "year"));
  return {ys.begin(), ys.end()};
}

std::string with_commas(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The parameters set with --set on a command line ("--set path=value" or
// "--set=path=value"): the rest of a run's overrides come from its scenario.
std::set<std::string> set_on_command_line(const std::string& command_line) {
  std::set<std::string> out;
  std::istringstream in(command_line);
  std::string token;
  bool value_next = false;
  while (in >> token) {
    std::string assignment;
    if (value_next) assignment = token, value_next = false;
    else if (token == "--set") value_next = true;
    else if (token.rfind("--set=", 0) == 0) assignment = token.substr(6);
    if (!assignment.empty()) out.insert(assignment.substr(0, assignment.find('=')));
  }
  return out;
}

json meta_of(const json& run) {
  json m;
  for (const char* k :
       {"scenario", "description", "scenario_file", "scenario_hash", "seed", "start", "end", "version", "threads",
        "started", "finished", "wall_seconds", "world", "cities", "states", "networks_ever", "command_line"})
    if (run.contains(k)) m[k] = run[k];
  // Every parameter that differs from configs/defaults.yaml, and where it was
  // set, so that a variant never reads like the baseline.
  json overrides = json::array();
  if (run.contains("overrides") && run["overrides"].is_object()) {
    const auto set = set_on_command_line(run.value("command_line", ""));
    for (const auto& [path, value] : run["overrides"].items())
      overrides.push_back({{"path", path}, {"value", value}, {"from", set.count(path) ? "--set" : "scenario"}});
  }
  m["overrides"] = overrides;
  return m;
}

json finite_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json dictionary_of(const std::vector<std::string>& columns, std::string_view file) {
  return column_dictionary(columns, file);
}

// Series of every numeric column of a table with one row per year.
json global_series(const Table& g) {
  json out = json::object();
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
    out.push_back({{"year", whole(e.number(r, cy), e.source(), "year")},
                   {"kind", kind},
                   {"subject", subject},
                   {"detail", what},
                   {"label", label}});
  }
  return out;
}

// Per-state series, years x states, for the columns a reader compares.
json states_of(const Table& s, const std::vector<int>& years, const std::vector<std::string>& protagonists,
               const ReportOptions& o, std::vector<std::string>& problems) {
  const auto cy = s.column("year"), ci = s.column("iso3");
  const auto cg = s.find_column("gdp"), cn = s.find_column("name");
  std::vector<std::string> iso;
  std::map<std::string, double> gdp;
  std::map<std::string, std::string> names;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t r = 0; r < s.row_count(); ++r) {
    const std::string k(s.text(r, ci));
    if (index.emplace(k, iso.size()).second) iso.push_back(k);
    gdp[k] = cg ? s.number(r, *cg) : 0.0;
    if (cn) names[k] = s.text(r, *cn);
  }
  if (!cn)
    problems.push_back("states.csv has no name column (runs of urbis before 0.2): states are shown by ISO3 code only");
  std::unordered_map<int, std::size_t> year_index;
  for (std::size_t y = 0; y < years.size(); ++y) year_index[years[y]] = y;

  json series = json::object();
  for (std::size_t c = 0; c < s.columns().size(); ++c) {
    const std::string& h = s.columns()[c];
    if (h == "year" || h == "iso3" || h == "name" || h == "gdp" || h == "population") continue;
    std::vector<std::vector<double>> v(iso.size(), std::vector<double>(years.size(), NAN));
    for (std::size_t r = 0; r < s.row_count(); ++r) {
      const auto y = year_index.find(whole(s.number(r, cy), s.source(), "year"));
      if (y != year_index.end()) v[index[std::string(s.text(r, ci))]][y->second] = s.number(r, c);
    }
    json per_state = json::array();
    for (const auto& row : v) {
      json a = json::array();
      for (double x : row) a.push_back(number(x, 3));
      per_state.push_back(std::move(a));
    }
    series[h] = std::move(per_state);
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
  json gdp_bn = json::array(), name_list = json::array();
  for (const auto& k : iso) {
    gdp_bn.push_back(cg ? number(gdp[k] / 1e9, 3) : json(nullptr));
    name_list.push_back(cn ? names[k] : k);
  }
  return {{"iso3", iso},      {"names", name_list},           {"gdp_bn", gdp_bn},
          {"chosen", chosen}, {"protagonists", protagonists}, {"series", series}};
}

// Members per year of the networks (null while a network is not active):
// the named networks of the world data and the largest others, up to the
// limit; shown first, the named ones with the most members at their peak.
json networks_of(const Table& n, const std::vector<int>& years, const ReportOptions& o, std::set<std::string>& named,
                 std::vector<std::string>& thinned) {
  const auto cy = n.column("year"), cn = n.column("name"), cq = n.column("issue"), cm = n.column("members"),
             ca = n.column("active");
  const auto cnamed = n.find_column("named");
  struct Net {
    std::string name, issue;
    double peak = 0;
    bool named = false;
  };
  std::vector<Net> nets;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t r = 0; r < n.row_count(); ++r) {
    const std::string name(n.text(r, cn));
    auto [it, fresh] = index.emplace(name, nets.size());
    if (fresh) nets.push_back({name, std::string(n.text(r, cq))});
    Net& k = nets[it->second];
    k.peak = std::max(k.peak, n.number(r, cm));
    if (cnamed && n.number(r, *cnamed) > 0) k.named = true;
  }
  for (const auto& k : nets)
    if (k.named) named.insert(k.name);
  // Named first, then by peak; ties in the order of the file.
  std::vector<std::size_t> order(nets.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (nets[a].named != nets[b].named) return nets[a].named;
    return nets[a].peak > nets[b].peak;
  });
  if (order.size() > o.limits.networks) {
    thinned.push_back(
        fmt::format("the network chart offers the {} named networks and the largest others, {} of {} "
                    "networks (limit {})",
                    named.size(), o.limits.networks, nets.size(), o.limits.networks));
    order.resize(o.limits.networks);
  }
  std::vector<std::vector<double>> members(nets.size());
  std::vector<std::size_t> slot(nets.size(), static_cast<std::size_t>(-1));
  for (std::size_t i = 0; i < order.size(); ++i) slot[order[i]] = i, members[i].assign(years.size(), NAN);
  std::unordered_map<int, std::size_t> year_index;
  for (std::size_t y = 0; y < years.size(); ++y) year_index[years[y]] = y;
  for (std::size_t r = 0; r < n.row_count(); ++r) {
    const std::size_t s = slot[index[std::string(n.text(r, cn))]];
    const auto y = year_index.find(whole(n.number(r, cy), n.source(), "year"));
    if (s != static_cast<std::size_t>(-1) && y != year_index.end() && n.number(r, ca) > 0)
      members[s][y->second] = n.number(r, cm);
  }
  json list = json::array(), chosen = json::array();
  for (std::size_t i = 0; i < order.size(); ++i) {
    const Net& k = nets[order[i]];
    json a = json::array();
    for (double x : members[i]) a.push_back(number(x));
    list.push_back({{"name", k.name}, {"issue", k.issue}, {"named", k.named}, {"members", a}});
  }
  // Shown at first: the named networks with the most members at their peak,
  // then the largest others when there are fewer named ones than places.
  std::vector<std::size_t> by_peak = order;
  std::stable_sort(by_peak.begin(), by_peak.end(),
                   [&](std::size_t a, std::size_t b) { return nets[a].peak > nets[b].peak; });
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t k : by_peak)
      if (chosen.size() < static_cast<std::size_t>(o.top_networks) && nets[k].named == (pass == 0))
        chosen.push_back(nets[k].name);
  return {{"list", list}, {"chosen", chosen}, {"total", nets.size()}};
}

// The map: places, per-year values of each city (year-major arrays, in the
// order of `names`), and the membership changes of the networks it can link.
// A large run is thinned to the limits (ReportLimits): the largest cities
// and, if need be, fewer years; `thinned` says what was left out.
json cities_of(const RunSource& src, const ReportOptions& o, const std::map<std::string, std::string>& issue_of,
               const std::set<std::string>& named, json& dictionary, std::vector<std::string>& problems,
               std::vector<std::string>& thinned) {
  // Places, in the order of the world.
  std::vector<std::string> names, state;
  std::vector<double> lat, lon;
  {
    const auto p = src.places.open({"city", "state", "lat", "lon"}, {"city", "state", "lat", "lon"});
    while (p->next()) {
      names.emplace_back(p->text(0));
      state.emplace_back(p->text(1));
      lat.push_back(p->number(2));
      lon.push_back(p->number(3));
    }
  }
  const std::size_t n = names.size();
  // A city's place: cities.csv lists the cities of a year in the order of
  // places.csv, so the k-th row of a year is the k-th place; a name lookup
  // (built when first needed) covers any other order.
  std::unordered_map<std::string_view, std::size_t> lookup;
  auto place_of = [&](std::string_view city, std::size_t k) -> std::size_t {
    if (k < n && names[k] == city) return k;
    if (lookup.empty())
      for (std::size_t i = 0; i < n; ++i) lookup.emplace(names[i], i);
    const auto it = lookup.find(city);
    return it == lookup.end() ? n : it->second;
  };

  // Units chosen so that numbers stay short: GDP in billions of USD,
  // population in thousands. Population is carried only to size the dots
  // when there is no GDP.
  struct Var {
    const char *name, *column;
    double scale;
    int digits;
  };
  const std::vector<Var> candidates = {{"gdp_bn", "gdp", 1e-9, 3},
                                       {"population_k", "population", 1e-3, 3},
                                       {"cooperation", "cooperation", 1, 2},
                                       {"memberships", "memberships", 1, 3}};
  std::vector<std::string> columns = {"year", "city"};
  for (const auto& v : candidates) columns.emplace_back(v.column);
  std::vector<std::size_t> vars;  // indices into candidates of the columns present
  std::vector<std::string> present;
  {
    const auto rows = src.cities.open(columns, {"year", "city"});
    for (std::size_t v = 0; v < candidates.size(); ++v)
      if (rows->has(2 + v)) present.emplace_back(candidates[v].column);
    const bool gdp = rows->has(2), population = rows->has(3);
    for (std::size_t v = 0; v < candidates.size(); ++v)
      if (rows->has(2 + v) && !(v == 1 && gdp)) vars.push_back(v);
    const std::string source = src.cities.name();
    if (!gdp)
      problems.push_back(fmt::format("{} has no gdp column (output.cities.variables): the map sizes cities by {}",
                                     source, population ? "population" : "nothing (all dots one size)"));
    if (!rows->has(4))
      problems.push_back(
          fmt::format("{} has no cooperation column (output.cities.variables): the map's cities are "
                      "all one colour",
                      source));
    if (!rows->has(5))
      problems.push_back(
          fmt::format("{} has no memberships column (output.cities.variables): the map's tooltips "
                      "leave them out",
                      source));
  }
  dictionary = dictionary_of(present, "cities.csv");

  // Pass 1: the years, and each city's size in the last year it appears.
  const std::size_t size_var = vars.empty() || vars[0] > 1 ? candidates.size() : vars[0];  // gdp, else population
  std::vector<int> years;
  std::vector<double> size(n, 0.0);
  {
    const auto rows = src.cities.open(columns);
    std::size_t k = 0;
    int year = std::numeric_limits<int>::min();
    while (rows->next()) {
      const int y = whole(rows->number(0), src.cities.name(), "year");
      if (y != year) k = 0, year = y;
      if (years.empty() || years.back() != y) {
        if (!years.empty() && y < years.back())
          throw InputError({src.cities.name()},
                           fmt::format("rows are not in year order ({} after {})", y, years.back()));
        years.push_back(y);
      }
      const std::size_t i = place_of(rows->text(1), k++);
      if (i < n && size_var < candidates.size()) size[i] = rows->number(2 + size_var);
    }
  }

  // What fits: the largest cities, then fewer years if need be.
  const std::size_t per_city_year = std::max<std::size_t>(1, vars.size());
  std::size_t keep = std::min(n, o.limits.map_cities);
  const std::size_t min_cities = std::min<std::size_t>(keep, 2'000);
  if (!years.empty()) keep = std::max(min_cities, std::min(keep, o.limits.map_values / (years.size() * per_city_year)));
  std::vector<std::size_t> kept(n);
  std::iota(kept.begin(), kept.end(), 0);
  if (keep < n) {
    std::stable_sort(kept.begin(), kept.end(), [&](std::size_t a, std::size_t b) {
      const double sa = std::isfinite(size[a]) ? size[a] : -1, sb = std::isfinite(size[b]) ? size[b] : -1;
      return sa > sb;
    });
    kept.resize(keep);
    std::sort(kept.begin(), kept.end());
    thinned.push_back(fmt::format(
        "the map shows the {} largest of {} cities (by {} in {}; limit {} cities and {} "
        "values)",
        with_commas(keep), with_commas(n),
        size_var == 0   ? "GDP"
        : size_var == 1 ? "population"
                        : "place",
        years.empty() ? 0 : years.back(), with_commas(o.limits.map_cities), with_commas(o.limits.map_values)));
  }
  std::size_t stride = 1;
  while (stride < years.size() && keep * ((years.size() + stride - 1) / stride) * per_city_year > o.limits.map_values)
    ++stride;
  std::vector<int> shown_years;
  for (std::size_t y = 0; y < years.size(); y += stride) shown_years.push_back(years[y]);
  if (!years.empty() && shown_years.back() != years.back()) shown_years.push_back(years.back());
  if (stride > 1)
    thinned.push_back(fmt::format("the map shows one year in {} and the last ({} of {} years; limit {} values)", stride,
                                  shown_years.size(), years.size(), with_commas(o.limits.map_values)));
  std::unordered_map<int, std::size_t> year_slot;
  for (std::size_t y = 0; y < shown_years.size(); ++y) year_slot[shown_years[y]] = y;
  std::vector<std::size_t> slot(n, n);  // place -> position among the kept
  for (std::size_t j = 0; j < kept.size(); ++j) slot[kept[j]] = j;

  // Pass 2: the values of the kept cities in the shown years.
  std::vector<std::vector<std::vector<double>>> values(
      vars.size(), std::vector<std::vector<double>>(shown_years.size(), std::vector<double>(kept.size(), NAN)));
  {
    const auto rows = src.cities.open(columns);
    std::size_t k = 0;
    int year = std::numeric_limits<int>::min();
    while (rows->next()) {
      const int y = whole(rows->number(0), src.cities.name(), "year");
      if (y != year) k = 0, year = y;
      const std::size_t i = place_of(rows->text(1), k++);
      const auto ys = year_slot.find(y);
      if (i >= n || slot[i] >= kept.size() || ys == year_slot.end()) continue;
      for (std::size_t v = 0; v < vars.size(); ++v)
        values[v][ys->second][slot[i]] = rows->number(2 + vars[v]) * candidates[vars[v]].scale;
    }
  }
  json value_json = json::object();
  for (std::size_t v = 0; v < vars.size(); ++v) {
    json per_year = json::array();
    for (const auto& row : values[v]) {
      json j = json::array();
      for (double x : row) j.push_back(number(x, candidates[vars[v]].digits));
      per_year.push_back(std::move(j));
    }
    value_json[candidates[vars[v]].name] = std::move(per_year);
  }
  values.clear();

  json out_names = json::array(), out_state = json::array(), out_lat = json::array(), out_lon = json::array();
  for (std::size_t i : kept) {
    out_names.push_back(names[i]);
    out_state.push_back(state[i]);
    out_lat.push_back(std::round(lat[i] * 100) / 100);
    out_lon.push_back(std::round(lon[i] * 100) / 100);
  }

  // Links: the largest networks and the named ones, replayed from their
  // membership changes (two passes: sizes, then the changes of those chosen).
  json links = json::object(), link_issues = json::object();
  if (!src.memberships.present()) {
    problems.push_back("no memberships.csv in the run folder: the map cannot draw network links");
  } else {
    const std::vector<std::string> mcols = {"year", "network", "city", "change"};
    std::map<std::string, double> size_now, peak;
    {
      const auto rows = src.memberships.open(mcols, mcols);
      while (rows->next()) {
        const std::string network(rows->text(1));
        double& s = size_now[network];
        s += whole(rows->number(3), src.memberships.name(), "change");
        peak[network] = std::max(peak[network], s);
      }
    }
    std::vector<std::string> by_peak;
    for (const auto& [k, v] : peak) by_peak.push_back(k);
    std::stable_sort(by_peak.begin(), by_peak.end(), [&](const auto& a, const auto& b) { return peak[a] > peak[b]; });
    std::vector<std::string> chosen;
    for (const auto& k : by_peak)
      if (chosen.size() < static_cast<std::size_t>(o.map_networks)) chosen.push_back(k);
    for (const auto& k : by_peak)
      if (named.count(k) && peak[k] > 0 && std::find(chosen.begin(), chosen.end(), k) == chosen.end() &&
          chosen.size() < static_cast<std::size_t>(2 * o.map_networks))
        chosen.push_back(k);
    // Per network: flat [year, city, change, ...] of the kept cities.
    std::map<std::string, json, std::less<>> flat;
    for (const auto& k : chosen) flat[k] = json::array();
    {
      const auto rows = src.memberships.open(mcols, mcols);
      while (rows->next()) {
        const auto f = flat.find(rows->text(1));
        if (f == flat.end()) continue;
        const std::size_t i = place_of(rows->text(2), n);
        if (i >= n || slot[i] >= kept.size()) continue;
        f->second.push_back(whole(rows->number(0), src.memberships.name(), "year"));
        f->second.push_back(slot[i]);
        f->second.push_back(whole(rows->number(3), src.memberships.name(), "change"));
      }
    }
    for (const auto& k : chosen) {
      links[k] = std::move(flat[k]);
      const auto q = issue_of.find(k);
      link_issues[k] = q == issue_of.end() ? "" : q->second;
    }
  }
  return {{"names", out_names}, {"state", out_state},         {"lat", out_lat},
          {"lon", out_lon},     {"years", shown_years},       {"values", value_json},
          {"links", links},     {"link_issues", link_issues}, {"total", n}};
}

}  // namespace

// The views label their axes with these.
json column_dictionary(const std::vector<std::string>& columns, std::string_view file) {
  json out = json::object();
  const OutputFile& f = output_file(file);
  for (const auto& c : columns) {
    const Observable* o = find_observable(f, c);
    if (!o || o->is_text()) continue;
    out[c] = {{"unit", o->unit},
              {"range", o->range_text()},
              {"low", finite_or_null(o->low)},
              {"high", finite_or_null(o->high)},
              {"meaning", o->meaning}};
  }
  return out;
}

double round_sig(double v, int digits) { return round_significant(v, digits); }

const std::vector<std::string>& scenario_event_kinds() {
  static const std::vector<std::string> k = {"withdraw", "join",   "leave_union",  "join_union",
                                             "set",      "shock",  "salience",     "found_network",
                                             "fund",     "defund", "join_network", "leave_network"};
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
    const YAML::Node root = yamlin::load_file(file, "targets");
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
  std::vector<std::string> problems = src.problems, thinned;

  json data;
  data["kind"] = "run";
  data["schema"] = 2;
  data["meta"] = meta_of(src.run);
  data["years"] = years;
  data["columns"] = {{"global", dictionary_of(src.global->columns(), "global.csv")},
                     {"states", dictionary_of(src.states->columns(), "states.csv")},
                     {"networks", dictionary_of(src.networks->columns(), "networks.csv")},
                     {"cities", json::object()}};
  data["global"] = global_series(*src.global);
  // The calibration targets are the real world's: a synthetic world has none.
  const bool synthetic = data["meta"].value("world", "") == "synthetic";
  data["targets"] = {{"network_count", synthetic ? json::array() : src.network_targets}};
  data["events"] = events_of(*src.events);
  data["states"] = states_of(*src.states, years, protagonists, o, problems);
  const Table& networks = *src.networks;
  std::map<std::string, std::string> issue_of;
  const auto cn = networks.column("name"), cq = networks.column("issue");
  for (std::size_t r = 0; r < networks.row_count(); ++r)
    issue_of[std::string(networks.text(r, cn))] = networks.text(r, cq);
  std::set<std::string> named;
  data["networks"] = networks_of(networks, years, o, named, thinned);
  if (src.places.present() && src.cities.present())
    data["cities"] = cities_of(src, o, issue_of, named, data["columns"]["cities"], problems, thinned);
  else data["cities"] = nullptr;
  data["problems"] = problems;
  data["thinned"] = thinned;
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
  // They are streamed: a large run's cities.csv does not fit in memory.
  if (!fs::exists(dir / "cities.csv") || !fs::exists(dir / "places.csv")) {
    src.problems.push_back(fs::exists(dir / "cities.csv")
                               ? "no places.csv in the run folder (written by urbis 0.1 runs with cities.csv): no map"
                               : "no cities.csv in the run folder (the scenario's output.cities): no map");
  } else {
    src.places = RowSource::csv((dir / "places.csv").string());
    src.cities = RowSource::csv((dir / "cities.csv").string());
    if (fs::exists(dir / "memberships.csv")) src.memberships = RowSource::csv((dir / "memberships.csv").string());
  }
  return run_report_data(src, o);
}

std::vector<std::string> report_blockers(const json& data) {
  std::vector<std::string> out;
  const std::string kind = data.value("kind", "");
  if (kind == "run") {
    if (!data.contains("years") || data["years"].empty())
      out.push_back("global.csv has no rows: the run recorded no year, so there is nothing to chart");
  } else if (kind == "sweep") {
    if (data["meta"].value("runs", 0) == 0) out.push_back("runs.csv has no runs: there is nothing to chart");
  } else if (kind == "comparison") {
    if (!data.contains("years") || data["years"].empty())
      out.push_back("the comparison has no years in common: there is nothing to chart");
  } else {
    out.push_back("the report data has no kind (run, sweep or comparison)");
  }
  return out;
}

}  // namespace urbis
