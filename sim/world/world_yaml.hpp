#pragma once
// YAML helpers for the world's files (networks.yaml, agreements.yaml,
// state_traits.yaml): every error names file, line and column, and the files
// are read as strictly as scenarios. Internal to sim/world.
#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "sim/core/input_error.hpp"
#include "sim/core/issues.hpp"
#include "sim/core/yaml_reader.hpp"

namespace urbis::world_io {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// YAML helpers: every error names file, line and column (1-based).

inline SourcePlace place_of(const std::string& file, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  if (m.is_null()) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}

// Read as strictly as a scenario (yamlin::load_file): the size, node and
// alias limits, UTF-8 only, one document.
inline YAML::Node load_yaml(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) throw InputError(SourcePlace{path}, "cannot open the file");
  return yamlin::load_file(path, "world");
}

inline std::string yaml_string(const std::string& file, const YAML::Node& n, std::string_view what) {
  if (!n.IsScalar()) throw InputError(place_of(file, n), fmt::format("{} must be a text value", what));
  return n.Scalar();
}

inline double yaml_number(const std::string& file, const YAML::Node& n, std::string_view what) {
  try {
    if (!n.IsScalar()) throw YAML::BadConversion(n.Mark());
    const double v = n.as<double>();
    if (!std::isfinite(v)) throw YAML::BadConversion(n.Mark());
    return v;
  } catch (const YAML::BadConversion&) {
    throw InputError(place_of(file, n), fmt::format("{} must be a number", what));
  }
}

inline int yaml_int(const std::string& file, const YAML::Node& n, std::string_view what) {
  try {
    if (!n.IsScalar()) throw YAML::BadConversion(n.Mark());
    return n.as<int>();
  } catch (const YAML::BadConversion&) {
    throw InputError(place_of(file, n), fmt::format("{} must be a whole number", what));
  }
}

inline bool yaml_bool(const std::string& file, const YAML::Node& n, std::string_view what) {
  try {
    if (!n.IsScalar()) throw YAML::BadConversion(n.Mark());
    return n.as<bool>();
  } catch (const YAML::BadConversion&) {
    throw InputError(place_of(file, n), fmt::format("{} must be true or false", what));
  }
}

// Throws on a key outside `valid` (with did-you-mean and the valid keys).
inline void check_keys(const std::string& file, const YAML::Node& map, const std::vector<std::string>& valid,
                std::string_view where) {
  for (const auto& kv : map) {
    const std::string key = kv.first.Scalar();
    if (std::find(valid.begin(), valid.end(), key) == valid.end())
      throw InputError(place_of(file, kv.first),
                       fmt::format("unknown key '{}' in {}{}; valid keys: {}", key, where,
                                   did_you_mean(key, valid), list_choices(valid)));
  }
}

inline std::vector<std::string> issue_names() {
  return {kIssueNames.begin(), kIssueNames.end()};
}

inline Issue yaml_issue(const std::string& file, const YAML::Node& n) {
  const std::string s = yaml_string(file, n, "issue");
  const auto q = issue_from_name(s);
  if (!q) {
    const auto names = issue_names();
    throw InputError(place_of(file, n), fmt::format("unknown issue '{}'{}; valid issues: {}", s,
                                                    did_you_mean(s, names), list_choices(names)));
  }
  return *q;
}

}  // namespace urbis::world_io
