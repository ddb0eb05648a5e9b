#include "sim/compare/series.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <limits>
#include <set>

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace urbis::compare {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double number_or_nan(const std::string& f) {
  double v = 0;
  const auto r = std::from_chars(f.data(), f.data() + f.size(), v);
  return f.empty() || r.ec != std::errc() || r.ptr != f.data() + f.size() ? kNaN : v;
}

// The fields of one CSV line (RFC 4180 quoting; the run writers quote a
// field only when it holds a comma, a quote or a line break).
void split_line(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') field += '"', ++i;
      else if (c == '"') quoted = false;
      else field += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  fields.push_back(std::move(field));
}

// The lines of a CSV file; a line break inside quotes continues the record.
std::vector<std::string_view> records_of(const std::string& text) {
  std::vector<std::string_view> out;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    else if (text[i] == '\n' && !quoted) {
      out.emplace_back(text.data() + start, i - start);
      start = i + 1;
    }
  }
  if (start < text.size()) out.emplace_back(text.data() + start, text.size() - start);
  return out;
}

// One file: rows whose `key` column (empty: every row) names a selected
// subject; every column but the year and the identity columns is a metric.
// Streamed line by line, splitting only the rows it keeps: cities.csv holds
// every city, and a comparison keeps a few.
void read_file(const fs::path& file, Level level, const std::string& key, const std::vector<std::string>& subjects,
               const std::vector<std::string>& identity, int start, int end, Trajectories& traj) {
  if (!fs::exists(file)) return;
  std::string text;
  {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::ostringstream s;
    s << in.rdbuf();
    text = s.str();
  }
  const auto lines = records_of(text);
  if (lines.empty()) throw std::runtime_error(file.string() + " is empty");
  std::vector<std::string> header, fields;
  split_line(lines[0], header);
  auto column = [&](const std::string& name) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) throw std::runtime_error(file.string() + ": no column '" + name + "'");
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
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (line.empty()) continue;
    if (!key.empty()) {
      // The key field without splitting the whole line (it is unquoted unless it holds a comma or quote).
      std::size_t from = 0;
      for (std::size_t c = 0; c < key_col && from != std::string_view::npos; ++c) {
        from = line.find(',', from);
        if (from != std::string_view::npos) ++from;
      }
      if (from != std::string_view::npos && from < line.size() && line[from] != '"') {
        const std::size_t to = line.find(',', from);
        if (!wanted.count(line.substr(from, to == std::string_view::npos ? line.size() - from : to - from))) continue;
      }
    }
    split_line(line, fields);
    if (fields.size() != header.size())
      throw std::runtime_error(fmt::format("{}: line {} has {} fields, the header {}", file.string(), i + 1,
                                           fields.size(), header.size()));
    const std::string subject = key.empty() ? "world" : fields[key_col];
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
