#include "sim/report/comparison_data.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "sim/core/csv_reader.hpp"
#include "sim/core/input_error.hpp"
#include "sim/report/report_data.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace urbis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

json num(double v) { return std::isfinite(v) ? json(round_sig(v, 5)) : json(nullptr); }

using Key = std::tuple<std::string, std::string, std::string>;  // level, subject, metric

struct Series {
  std::vector<double> mean_a, mean_b, diff, lo, hi, min_a, max_a, min_b, max_b, same, n;
};

// One event list from both sides: an event in both (same year and label)
// once, the others marked with their side.
json merged_events(const json& a, const json& b) {
  json out = json::array();
  auto same = [](const json& x, const json& y) {
    return x.at("year") == y.at("year") && x.at("label") == y.at("label");
  };
  for (const auto& e : a) {
    const bool both = std::any_of(b.begin(), b.end(), [&](const json& f) { return same(e, f); });
    out.push_back({{"year", e.at("year")},
                   {"label", e.at("label").get<std::string>() + (both ? "" : " (scenario only)")},
                   {"side", both ? "both" : "a"}});
  }
  for (const auto& f : b)
    if (std::none_of(a.begin(), a.end(), [&](const json& e) { return same(e, f); }))
      out.push_back({{"year", f.at("year")},
                     {"label", f.at("label").get<std::string>() + " (counterfactual only)"},
                     {"side", "b"}});
  std::stable_sort(out.begin(), out.end(), [](const json& x, const json& y) { return x.at("year") < y.at("year"); });
  return out;
}

json comparison_data(const fs::path& d);

}  // namespace

bool is_comparison_folder(const std::string& dir) { return fs::exists(fs::path(dir) / "comparison.json"); }

json comparison_report_data(const std::string& dir) {
  try {
    return comparison_data(fs::path(dir));
  } catch (const json::exception& e) {
    throw InputError({(fs::path(dir) / "comparison.json").string()},
                     fmt::format("a field is missing or malformed ({}); the comparison folder is damaged", e.what()));
  }
}

namespace {

json comparison_data(const fs::path& d) {
  json record;
  {
    std::ifstream in(d / "comparison.json");
    if (!in) throw InputError({(d / "comparison.json").string()}, "cannot read this file");
    try {
      record = json::parse(in);
    } catch (const json::parse_error& e) {
      throw InputError({(d / "comparison.json").string()}, fmt::format("not valid JSON: {}", e.what()));
    }
  }
  const int start = record.at("start"), end = record.at("end");
  const auto years = static_cast<std::size_t>(end - start + 1);

  std::map<Key, Series> series;
  std::vector<Key> order;
  auto series_of = [&](const CsvTable& t, std::size_t r, std::size_t cl, std::size_t cs, std::size_t cm) -> Series& {
    const Key k{t.rows[r][cl], t.rows[r][cs], t.rows[r][cm]};
    auto [it, fresh] = series.try_emplace(k);
    if (fresh) {
      order.push_back(k);
      for (auto* v :
           {&it->second.mean_a, &it->second.mean_b, &it->second.diff, &it->second.lo, &it->second.hi, &it->second.min_a,
            &it->second.max_a, &it->second.min_b, &it->second.max_b, &it->second.same, &it->second.n})
        v->assign(years, kNaN);
    }
    return it->second;
  };
  auto year_index = [&](double y) -> std::size_t {
    return y >= start && y <= end ? static_cast<std::size_t>(y - start) : years;
  };

  const CsvTable effects = read_csv((d / "effects.csv").string());
  {
    const auto cl = effects.column("level"), cs = effects.column("subject"), cm = effects.column("metric"),
               cy = effects.column("year"), ca = effects.column("mean_a"), cb = effects.column("mean_b"),
               cd = effects.column("difference"), clo = effects.column("ci95_low"), chi = effects.column("ci95_high"),
               csame = effects.column("same_sign"), cn = effects.column("seeds");
    for (std::size_t r = 0; r < effects.rows.size(); ++r) {
      const std::size_t y = year_index(effects.number(r, cy));
      if (y >= years) continue;
      Series& s = series_of(effects, r, cl, cs, cm);
      s.mean_a[y] = effects.number(r, ca);
      s.mean_b[y] = effects.number(r, cb);
      s.diff[y] = effects.number(r, cd);
      s.lo[y] = effects.number(r, clo);
      s.hi[y] = effects.number(r, chi);
      s.same[y] = effects.number(r, csame);
      s.n[y] = effects.number(r, cn);
    }
  }
  // The range over seeds of each side, for the bands.
  const CsvTable seeds = read_csv((d / "seeds.csv").string());
  {
    const auto cl = seeds.column("level"), cs = seeds.column("subject"), cm = seeds.column("metric"),
               cy = seeds.column("year"), ca = seeds.column("a"), cb = seeds.column("b");
    for (std::size_t r = 0; r < seeds.rows.size(); ++r) {
      const std::size_t y = year_index(seeds.number(r, cy));
      if (y >= years) continue;
      Series& s = series_of(seeds, r, cl, cs, cm);
      auto widen = [&](std::vector<double>& lo, std::vector<double>& hi, double v) {
        if (std::isnan(v)) return;
        lo[y] = std::isnan(lo[y]) ? v : std::min(lo[y], v);
        hi[y] = std::isnan(hi[y]) ? v : std::max(hi[y], v);
      };
      widen(s.min_a, s.max_a, seeds.number(r, ca));
      widen(s.min_b, s.max_b, seeds.number(r, cb));
    }
  }

  json out;
  out["kind"] = "comparison";
  json meta;
  for (const char* k :
       {"a", "b", "seeds", "start", "end", "diverges", "summary_years", "difference", "interval", "relative_difference",
        "same_sign", "common_random_numbers", "version", "threads", "finished", "wall_seconds", "command_line"})
    if (record.contains(k)) meta[k] = record[k];
  for (const char* side : {"a", "b"})
    if (meta.contains(side)) meta[side].erase("events");
  out["meta"] = meta;
  json ys = json::array();
  for (int y = start; y <= end; ++y) ys.push_back(y);
  out["years"] = ys;
  out["events"] =
      merged_events(record.at("a").value("events", json::array()), record.at("b").value("events", json::array()));
  std::vector<std::string> protagonists;
  for (const char* side : {"a", "b"})
    for (const auto& p : record.at(side).value("protagonists", json::array()))
      if (std::find(protagonists.begin(), protagonists.end(), p.get<std::string>()) == protagonists.end())
        protagonists.push_back(p.get<std::string>());
  out["protagonists"] = protagonists;

  json list = json::array();
  auto array = [](const std::vector<double>& v) {
    json a = json::array();
    for (double x : v) a.push_back(num(x));
    return a;
  };
  for (const auto& k : order) {
    const Series& s = series.at(k);
    list.push_back({{"level", std::get<0>(k)},
                    {"subject", std::get<1>(k)},
                    {"metric", std::get<2>(k)},
                    {"a", {{"mean", array(s.mean_a)}, {"min", array(s.min_a)}, {"max", array(s.max_a)}}},
                    {"b", {{"mean", array(s.mean_b)}, {"min", array(s.min_b)}, {"max", array(s.max_b)}}},
                    {"d", {{"mean", array(s.diff)}, {"low", array(s.lo)}, {"high", array(s.hi)}}},
                    {"same_sign", array(s.same)},
                    {"seeds", array(s.n)}});
  }
  out["series"] = list;

  const CsvTable summary = read_csv((d / "effects_summary.csv").string());
  json rows = json::array();
  for (std::size_t r = 0; r < summary.rows.size(); ++r) {
    json row;
    for (const char* c : {"level", "subject", "metric"}) row[c] = summary.rows[r][summary.column(c)];
    for (const char* c : {"from", "to", "mean_a", "mean_b", "difference", "relative_difference", "ci95_low",
                          "ci95_high", "same_sign", "seeds"})
      row[c] = num(summary.number(r, summary.column(c)));
    rows.push_back(row);
  }
  out["summary"] = rows;
  return out;
}

}  // namespace
}  // namespace urbis
