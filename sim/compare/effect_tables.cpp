#include "sim/compare/effect_tables.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "analysis/effects.hpp"
#include "sim/output/atomic_file.hpp"

namespace urbis::compare {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A value as read from a run's files: the shortest text that reads back to it.
std::string exact(double v) { return std::isnan(v) ? std::string() : fmt::format("{}", v); }
// A statistic over seeds: six significant digits are more than ten seeds carry.
std::string stat(double v) { return std::isnan(v) ? std::string() : fmt::format("{:.6g}", v); }

std::string key_fields(const SeriesKey& k) {
  return fmt::format("{},{},{}", csv_field(k.metric), level_name(k.level), csv_field(k.subject));
}

std::string effect_fields(const PairedEffect& e) {
  return fmt::format("{},{},{},{},{},{},{},{}", stat(e.mean_a), stat(e.mean_b), stat(e.difference), stat(e.relative),
                     stat(e.ci_low), stat(e.ci_high), e.n ? fmt::format("{}", e.same_sign) : "", e.n);
}

// The series in report order: level, then the selection's order of
// subjects, then the metrics in the order of the run's files.
std::vector<SeriesKey> ordered_keys(const PairedResult& runs, const Selection& sel) {
  std::set<SeriesKey> present;
  std::map<Level, std::vector<std::string>> metrics;
  for (const auto& side : runs.runs)
    for (const auto& t : side) {
      for (const auto& [k, v] : t.values) present.insert(k);
      for (const auto& [level, names] : t.metrics)
        for (const auto& m : names)
          if (std::find(metrics[level].begin(), metrics[level].end(), m) == metrics[level].end())
            metrics[level].push_back(m);
    }
  std::vector<SeriesKey> keys;
  auto add_level = [&](Level level, const std::vector<std::string>& subjects) {
    for (const auto& subject : subjects)
      for (const auto& m : metrics[level])
        if (SeriesKey k{level, subject, m}; present.count(k)) keys.push_back(k);
  };
  add_level(Level::global, {"world"});
  add_level(Level::state, sel.states);
  add_level(Level::network, sel.networks);
  add_level(Level::city, sel.cities);
  return keys;
}

const std::vector<double>* values(const Trajectories& t, const SeriesKey& k) {
  const auto it = t.values.find(k);
  return it == t.values.end() ? nullptr : &it->second;
}

}  // namespace

std::vector<std::string> effects_columns() {
  return {"metric",   "level",     "subject",   "year", "mean_a", "mean_b", "difference", "relative_difference",
          "ci95_low", "ci95_high", "same_sign", "seeds"};
}

std::vector<std::string> summary_columns() {
  return {"metric",   "level",     "subject",   "from", "to", "mean_a", "mean_b", "difference", "relative_difference",
          "ci95_low", "ci95_high", "same_sign", "seeds"};
}

ComparisonTables effect_tables(const PairedResult& runs, const std::vector<std::uint64_t>& seeds,
                               const Selection& selection) {
  ComparisonTables out;
  const std::vector<SeriesKey> keys = ordered_keys(runs, selection);
  const auto years = static_cast<std::size_t>(runs.end - runs.start + 1);
  const std::size_t n = seeds.size();
  // value(side, seed, key, year), NaN when absent.
  auto value = [&](std::size_t side, std::size_t i, const SeriesKey& k, std::size_t y) {
    const auto* v = values(runs.runs[side][i], k);
    return v && y < v->size() ? (*v)[y] : kNaN;
  };

  // The first year the sides differ, in any series and seed.
  std::size_t first = years;
  for (const auto& k : keys)
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t y = 0; y < first; ++y) {
        const double a = value(0, i, k, y), b = value(1, i, k, y);
        if (std::isnan(a) != std::isnan(b) || (!std::isnan(a) && a != b)) {
          first = y;
          break;
        }
      }
  out.diverges = first < years ? runs.start + static_cast<int>(first) : 0;
  out.from = first < years ? out.diverges : runs.start;
  out.to = runs.end;
  out.series = keys.size();

  const auto join = [](const std::vector<std::string>& c) { return fmt::format("{}\n", fmt::join(c, ",")); };
  out.effects = join(effects_columns());
  out.summary = join(summary_columns());
  out.seeds = "metric,level,subject,year,seed,a,b,difference\n";
  std::vector<double> a(n), b(n);
  for (const auto& k : keys) {
    const std::string key = key_fields(k);
    for (std::size_t y = 0; y < years; ++y) {
      for (std::size_t i = 0; i < n; ++i) a[i] = value(0, i, k, y), b[i] = value(1, i, k, y);
      if (std::all_of(a.begin(), a.end(), [](double x) { return std::isnan(x); }) &&
          std::all_of(b.begin(), b.end(), [](double x) { return std::isnan(x); }))
        continue;  // neither side has the series this year
      const int year = runs.start + static_cast<int>(y);
      out.effects += fmt::format("{},{},{}\n", key, year, effect_fields(paired_effect(a, b)));
      for (std::size_t i = 0; i < n; ++i)
        out.seeds += fmt::format("{},{},{},{},{},{}\n", key, year, seeds[i], exact(a[i]), exact(b[i]),
                                 std::isnan(a[i]) || std::isnan(b[i]) ? std::string() : exact(a[i] - b[i]));
    }
    // Each seed's mean over the years from the divergence on (years it has).
    for (std::size_t i = 0; i < n; ++i) {
      double sa = 0, sb = 0;
      int ca = 0, cb = 0;
      for (auto y = static_cast<std::size_t>(out.from - runs.start); y < years; ++y) {
        if (const double x = value(0, i, k, y); !std::isnan(x)) sa += x, ++ca;
        if (const double x = value(1, i, k, y); !std::isnan(x)) sb += x, ++cb;
      }
      a[i] = ca ? sa / ca : kNaN;
      b[i] = cb ? sb / cb : kNaN;
    }
    const PairedEffect e = paired_effect(a, b);
    out.summary += fmt::format("{},{},{},{}\n", key, out.from, out.to, effect_fields(e));
    out.summary_rows.emplace_back(k, e);
  }
  return out;
}

}  // namespace urbis::compare
