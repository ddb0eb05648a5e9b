#include "sim/compare/series.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "sim/core/csv_reader.hpp"
#include "sim/core/input_error.hpp"

namespace fs = std::filesystem;

namespace urbis::compare {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double number_or_nan(const std::string& f) {
  double v = 0;
  const auto r = std::from_chars(f.data(), f.data() + f.size(), v);
  return f.empty() || r.ec != std::errc() || r.ptr != f.data() + f.size() ? kNaN : v;
}

// One file: rows whose `key` column (empty: every row) names a selected
// subject; every column but the year and the identity columns is a metric.
// Streamed a record at a time (the one CSV reader): cities.csv holds every
// city, and a comparison keeps a few.
void read_file(const fs::path& file, Level level, const std::string& key, const std::vector<std::string>& subjects,
               const std::vector<std::string>& identity, int start, int end, Trajectories& traj) {
  if (!fs::exists(file)) return;
  CsvReader r(file.string());
  if (!r.next()) throw InputError({file.string()}, "the file is empty (expected a header line)");
  const std::vector<std::string> header = r.fields();
  auto column = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end())
      throw InputError({file.string(), 1, 0}, fmt::format("no column '{}'{}", name, did_you_mean(name, header)));
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t year_col = column("year");
  const std::size_t key_col = key.empty() ? 0 : column(key);
  const std::set<std::string, std::less<>> wanted(subjects.begin(), subjects.end());
  std::vector<std::size_t> metrics;
  for (std::size_t c = 0; c < header.size(); ++c)
    if (c != year_col && std::find(identity.begin(), identity.end(), header[c]) == identity.end()) metrics.push_back(c);
  const auto years = static_cast<std::size_t>(end - start + 1);
  auto& out = traj.values;
  const std::string world = "world";
  while (r.next()) {
    const std::vector<std::string>& fields = r.fields();
    if (fields.size() != header.size())
      throw InputError(r.place(), fmt::format("{} fields where the header has {}", fields.size(), header.size()));
    const std::string& subject = key.empty() ? world : fields[key_col];
    if (!key.empty() && !wanted.count(subject)) continue;
    const double y = number_or_nan(fields[year_col]);
    if (!(y >= start && y <= end)) continue;
    const auto at = static_cast<std::size_t>(y - start);
    for (std::size_t c : metrics) {
      auto& v = out[SeriesKey{level, subject, header[c]}];
      if (v.empty()) v.assign(years, kNaN);
      v[at] = number_or_nan(fields[c]);
    }
  }
  // A column that is never a number (a text column) is no series.
  std::set<std::string> numeric;
  for (auto it = out.begin(); it != out.end();) {
    const bool none = std::all_of(it->second.begin(), it->second.end(), [](double x) { return std::isnan(x); });
    if (it->first.level == level && none) {
      it = out.erase(it);
    } else {
      if (it->first.level == level) numeric.insert(it->first.metric);
      ++it;
    }
  }
  for (std::size_t c : metrics)
    if (numeric.count(header[c])) traj.metrics[level].push_back(header[c]);
}

}  // namespace

std::string level_name(Level level) {
  switch (level) {
    case Level::global: return "global";
    case Level::state: return "state";
    case Level::network: return "network";
    case Level::city: return "city";
  }
  return "";
}

Trajectories read_trajectories(const std::string& run_dir, const Selection& sel, int start, int end) {
  const fs::path dir(run_dir);
  Trajectories out;
  read_file(dir / "global.csv", Level::global, "", {}, {}, start, end, out);
  if (!sel.states.empty()) read_file(dir / "states.csv", Level::state, "iso3", sel.states, {"iso3"}, start, end, out);
  if (!sel.networks.empty())
    read_file(dir / "networks.csv", Level::network, "name", sel.networks, {"name", "issue"}, start, end, out);
  if (!sel.cities.empty())
    read_file(dir / "cities.csv", Level::city, "city", sel.cities, {"city", "state"}, start, end, out);
  return out;
}

}  // namespace urbis::compare
