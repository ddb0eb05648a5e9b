#pragma once
// Field readers shared by the scenario loader's parts (load_scenario.cpp,
// parse_event.cpp): ISO3 codes, issue names, parameter paths and values,
// each error at the field's file, line and column with the valid choices.
// Internal to sim/scenario.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"
#include "sim/core/issues.hpp"
#include "sim/core/param_table.hpp"
#include "sim/core/yaml_reader.hpp"

namespace urbis::scenario_io {

using yamlin::Entry;
using yamlin::find_entry;
using yamlin::Reader;

// Years a scenario may name.
constexpr int kFirstYear = 1900;
constexpr int kLastYear = 2200;

inline std::string issue_names_list() {
  std::vector<std::string> v(kIssueNames.begin(), kIssueNames.end());
  return list_choices(v);
}

inline std::vector<std::string> issue_names() { return {kIssueNames.begin(), kIssueNames.end()}; }

// A state code: ISO3 (three capital letters) in the real world; synthetic
// worlds number their states S001, S002, ... Whether the state exists is
// checked against the world when the run binds its events.
inline bool is_iso3(std::string_view s) {
  if (s.size() < 3 || s.size() > 8 || s[0] < 'A' || s[0] > 'Z') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

inline std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

inline std::string iso3_of(const Reader& r, const YAML::Node& n, std::string_view key) {
  const std::string s = r.text(n, key, "an ISO3 state code such as 'USA'");
  if (!is_iso3(s))
    r.fail(n, fmt::format(
                  "{}: expected a state code: ISO3 capital letters such as 'USA' (S001 in synthetic worlds), got '{}'",
                  key, s));
  return s;
}

// ---------------------------------------------------------------------------
// Parameter paths

// The names one level below `prefix` ("" or "economy."), in table order.
inline std::vector<std::string> param_children(const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& s : param_table()) {
    if (s.path.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = s.path.substr(prefix.size());
    const std::string head = rest.substr(0, rest.find('.'));
    if (std::find(out.begin(), out.end(), head) == out.end()) out.push_back(head);
  }
  return out;
}

// True when `path` names a group of parameters (some path starts with "path.").
inline bool param_group(const std::string& path) {
  const std::string p = path + ".";
  for (const auto& s : param_table())
    if (s.path.compare(0, p.size(), p) == 0) return true;
  return false;
}

inline std::vector<std::string> split_dots(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    out.push_back(s.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

// Explains why `path` is not a parameter: the first unknown part, the
// nearest valid name at that level, and the valid names there.
inline std::string unknown_param_message(const std::string& path) {
  std::string prefix;
  for (const auto& part : split_dots(path)) {
    const std::string here = prefix + part;
    if (find_param(here)) {
      return fmt::format("'{}' is a parameter, not a group: '{}' is not a parameter", here, path);
    }
    if (param_group(here)) {
      prefix = here + ".";
      continue;
    }
    const std::vector<std::string> kids = param_children(prefix);
    const std::string near = nearest_name(part, kids);
    const std::string group = prefix.empty() ? std::string("at the top level")
                                             : fmt::format("under '{}'", prefix.substr(0, prefix.size() - 1));
    return fmt::format("unknown parameter '{}'{}; valid names {}: {}", path,
                       near.empty() ? std::string() : fmt::format(" (did you mean '{}{}'?)", prefix, near), group,
                       list_choices(kids, 24));
  }
  // Every part is a group: the path stops short of a parameter.
  return fmt::format("'{}' is a group of parameters, not a parameter; it holds: {}", path,
                     list_choices(param_children(prefix), 24));
}

struct ParamHit {
  const ParamSpec* spec = nullptr;
  double value = 0;
  SourcePlace place;
};

// The value of a parameter: a number in the spec's range (flags: true/false
// or 0/1). `label` names it in messages (default: the parameter's path).
inline double read_param_value(const Reader& r, const YAML::Node& v, const ParamSpec& spec, std::string label = {}) {
  if (label.empty()) label = spec.path;
  double x = 0;
  if (spec.kind == ParamKind::flag) {
    if (const auto b = r.maybe_bool(v)) x = *b ? 1 : 0;
    else x = r.number(v, label, "true or false");
  } else {
    if (r.maybe_bool(v)) r.expected(v, label, "a number");
    x = r.number(v, label, "a number");
  }
  if (const std::string want = check_param_value(spec, x); !want.empty())
    r.fail(v, fmt::format("{}: expected {}, got {}", label, want, v.Scalar()));
  return x;
}

// Walks a nested mapping of parameters (keys may also be dotted paths, as
// "economy.club_benefit: 0.01"), checking each path and value.

}  // namespace urbis::scenario_io
