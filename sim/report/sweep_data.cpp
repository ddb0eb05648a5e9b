// The data of a sweep report, from a sweep folder (`urbis sweep`):
//   runs.csv     run_id, point, replicate, seed, <parameter paths>, status,
//                wall_seconds, <metrics>, error, command
//   sweep.json   name, scenario, design, replicates, parameters, metrics (optional)
//   runs/<run_id>/global.csv   trajectories, when the sweep kept them
//   *.csv with columns metric, parameter and S1, ST (Sobol) or mu_star (Morris):
//                sensitivity indices with their confidence intervals
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "analysis/observables.hpp"
#include "sim/core/csv_reader.hpp"
#include "sim/core/input_error.hpp"
#include "sim/report/report_data.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace urbis {

namespace {

json num(double v, int digits = 4) {
  if (!std::isfinite(v)) return nullptr;
  return round_significant(v, digits);
}

double quantile(std::vector<double> v, double p) {  // R type 7; v non-empty
  std::sort(v.begin(), v.end());
  const double h = (static_cast<double>(v.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

// Fan charts: per design point, year and metric, the 5/25/50/75/95% quantiles across replicates.
json fans_of(const fs::path& dir, const CsvTable& runs, std::size_t c_point, std::size_t c_status, int max_points,
             json& thinned) {
  const auto c_id = runs.column("run_id");
  const std::vector<std::string> metrics = {"cooperation_index", "network_share", "active_networks",
                                            "mitigation",        "mean_tension",  "gini"};
  std::map<int, std::vector<std::size_t>> by_point;
  for (std::size_t r = 0; r < runs.rows.size(); ++r)
    if (runs.rows[r][c_status] == "ok" && fs::exists(dir / "runs" / runs.rows[r][c_id] / "global.csv"))
      by_point[static_cast<int>(runs.number(r, c_point))].push_back(r);
  if (by_point.empty()) return nullptr;
  std::vector<int> years;
  json points = json::array();
  if (by_point.size() > static_cast<std::size_t>(max_points))
    thinned.push_back(fmt::format("fan charts for the first {} of {} design points (limit {})", max_points,
                                  by_point.size(), max_points));
  for (const auto& [point, rows] : by_point) {
    if (static_cast<int>(points.size()) >= max_points) break;
    // metric -> year index -> values across replicates
    std::map<std::string, std::vector<std::vector<double>>> values;
    for (std::size_t r : rows) {
      const CsvTable g = read_csv((dir / "runs" / runs.rows[r][c_id] / "global.csv").string());
      const auto cy = g.column("year");
      if (years.empty())
        for (std::size_t i = 0; i < g.rows.size(); ++i) years.push_back(static_cast<int>(g.number(i, cy)));
      for (const auto& m : metrics) {
        const auto c = g.find_column(m);
        if (!c) continue;
        auto& v = values[m];
        v.resize(years.size());
        for (std::size_t i = 0; i < g.rows.size() && i < years.size(); ++i) {
          const double x = g.number(i, *c);
          if (std::isfinite(x)) v[i].push_back(x);
        }
      }
    }
    json per_metric;
    for (const auto& [m, v] : values) {
      json q = {{"q05", json::array()},
                {"q25", json::array()},
                {"q50", json::array()},
                {"q75", json::array()},
                {"q95", json::array()}};
      for (const auto& year_values : v) {
        for (const auto& [key, p] : std::vector<std::pair<const char*, double>>{
                 {"q05", 0.05}, {"q25", 0.25}, {"q50", 0.5}, {"q75", 0.75}, {"q95", 0.95}})
          q[key].push_back(year_values.empty() ? json(nullptr) : num(quantile(year_values, p)));
      }
      per_metric[m] = std::move(q);
    }
    points.push_back({{"point", point}, {"replicates", rows.size()}, {"metrics", per_metric}});
  }
  return {{"years", years}, {"points", points}};
}

// Sensitivity tables: every CSV of the folder with Sobol or Morris columns.
json indices_of(const fs::path& dir) {
  json out = json::array();
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".csv" && e.path().filename() != "runs.csv" &&
        e.path().filename() != "runs.partial.csv")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const CsvTable t = read_csv(f.string());
    if (!t.find_column("metric") || !t.find_column("parameter")) continue;
    struct Col {
      const char *name, *low, *high;
    };
    std::vector<Col> cols;
    std::string method;
    if (t.find_column("S1") && t.find_column("ST")) {
      method = "sobol";
      cols = {{"S1", "S1_low", "S1_high"}, {"ST", "ST_low", "ST_high"}};
    } else if (t.find_column("mu_star")) {
      method = "morris";
      cols = {{"mu_star", "mu_star_low", "mu_star_high"}, {"sigma", nullptr, nullptr}};
    } else {
      continue;
    }
    const auto cm = t.column("metric"), cp = t.column("parameter");
    json rows = json::array();
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      json row = {{"metric", t.rows[r][cm]}, {"parameter", t.rows[r][cp]}};
      for (const auto& c : cols) {
        if (const auto i = t.find_column(c.name)) row[c.name] = num(t.number(r, *i));
        if (c.low)
          if (const auto lo = t.find_column(c.low), hi = t.find_column(c.high); lo && hi)
            row[c.name + std::string("_ci")] = {num(t.number(r, *lo)), num(t.number(r, *hi))};
      }
      rows.push_back(std::move(row));
    }
    json names = json::array();
    for (const auto& c : cols) names.push_back(c.name);
    out.push_back({{"method", method}, {"file", f.filename().string()}, {"measures", names}, {"rows", rows}});
  }
  return out;
}

}  // namespace

json sweep_report_data(const std::string& dir_name, const ReportOptions& o) {
  const fs::path dir(dir_name);
  const CsvTable runs = read_csv((dir / "runs.csv").string());
  const auto c_point = runs.column("point"), c_status = runs.column("status");
  const auto c_seed = runs.column("seed"), c_wall = runs.column("wall_seconds"), c_error = runs.column("error");
  if (!(c_seed < c_status && c_wall < c_error))
    throw InputError({runs.file, 1, 0},
                     "unexpected column order (expected run_id, point, replicate, seed, "
                     "parameters..., status, wall_seconds, metrics..., error, command)");
  std::vector<std::string> params(runs.header.begin() + static_cast<long>(c_seed) + 1,
                                  runs.header.begin() + static_cast<long>(c_status));
  std::vector<std::string> metrics(runs.header.begin() + static_cast<long>(c_wall) + 1,
                                   runs.header.begin() + static_cast<long>(c_error));

  json manifest = json::object();
  if (fs::exists(dir / "sweep.json")) {
    std::ifstream in(dir / "sweep.json");
    manifest = json::parse(in, nullptr, false);
    if (manifest.is_discarded()) manifest = json::object();
  }
  json meta = {{"sweep", manifest.value("name", dir.filename().string())},
               {"scenario", manifest.value("scenario", "")},
               {"design", manifest.value("design", "")},
               {"replicates", manifest.value("replicates", 0)},
               {"seed", manifest.value("seed", json(nullptr))},
               {"runs", runs.rows.size()}};
  std::size_t failed = 0;
  for (const auto& row : runs.rows) failed += row[c_status] != "ok";
  meta["failed"] = failed;

  // Every ok run: its parameter values and metrics (for the scatter plots).
  json values;
  for (const auto& name : params) values[name] = json::array();
  for (const auto& name : metrics) values[name] = json::array();
  json point = json::array();
  for (std::size_t r = 0; r < runs.rows.size(); ++r) {
    if (runs.rows[r][c_status] != "ok") continue;
    point.push_back(static_cast<int>(runs.number(r, c_point)));
    for (const auto& name : params) values[name].push_back(num(runs.number(r, runs.column(name)), 5));
    for (const auto& name : metrics) values[name].push_back(num(runs.number(r, runs.column(name)), 4));
  }
  // Each design point by its parameter values (as runs.csv writes them:
  // numbers, or the text of a factor such as a scenario), for its name.
  json point_values = json::object();
  for (std::size_t r = 0; r < runs.rows.size(); ++r) {
    const std::string key = runs.rows[r][c_point];
    if (point_values.contains(key)) continue;
    json v = json::object();
    for (const auto& name : params) {
      const std::string& text = runs.rows[r][runs.column(name)];
      const double x = runs.number(r, runs.column(name));
      v[name] = std::isfinite(x) ? json(num(x, 6)) : json(text);
    }
    point_values[key] = std::move(v);
  }
  // How each parameter was sampled (sweep.json): log-scaled ones are drawn
  // on log axes.
  json scales = json::object();
  for (const auto& name : params) scales[name] = "linear";
  if (manifest.contains("parameters") && manifest["parameters"].is_array())
    for (const auto& p : manifest["parameters"])
      if (p.is_object() && p.contains("path") && p["path"].is_string() && scales.contains(p["path"].get<std::string>()))
        scales[p["path"].get<std::string>()] = p.value("scale", "linear");
  json data;
  data["kind"] = "sweep";
  data["schema"] = 2;
  data["meta"] = meta;
  data["parameters"] = params;
  data["metrics"] = metrics;
  data["runs"] = {{"point", point}, {"values", values}};
  data["point_values"] = point_values;
  data["scales"] = scales;
  json thinned = json::array();
  data["fans"] = fans_of(dir, runs, c_point, c_status, 60, thinned);
  data["columns"] = {{"global", column_dictionary({"cooperation_index", "network_share", "active_networks",
                                                   "mitigation", "mean_tension", "gini"},
                                                  "global.csv")}};
  data["indices"] = indices_of(dir);
  data["targets"] = {{"network_count", read_targets(o.targets_file)}};
  json problems = json::array();
  if (data["fans"].is_null())
    problems.push_back(
        "no trajectories in this sweep (runs/<run_id>/global.csv): no fan charts; "
        "keep them with the sweep's trajectories option");
  data["problems"] = problems;
  data["thinned"] = thinned;
  return data;
}

}  // namespace urbis
