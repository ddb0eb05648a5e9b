#pragma once
// YAML helpers for the world's files (networks.yaml, agreements.yaml,
// state_traits.yaml, drivers.yaml): thin names over the one YAML reader
// (sim/core/yaml_reader), so every error names file, line and column and
// the files are read as strictly as scenarios. Internal to sim/world.
#include <algorithm>
#include <filesystem>
#include <limits>
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

// Typed values through the one YAML reader's rules (yamlin::Reader): what
// counts as a number, a whole number or a boolean is decided there, for
// scenarios and world files alike; `what` names the value in messages.
inline std::string yaml_string(const std::string& file, const YAML::Node& n, std::string_view what) {
  return yamlin::Reader(file).text(n, what, "a text value");
}

inline double yaml_number(const std::string& file, const YAML::Node& n, std::string_view what) {
  return yamlin::Reader(file).number(n, what, "a number");
}

inline int yaml_int(const std::string& file, const YAML::Node& n, std::string_view what) {
  return static_cast<int>(yamlin::Reader(file).integer(n, what, "a whole number", std::numeric_limits<int>::min(),
                                                       std::numeric_limits<int>::max()));
}

inline bool yaml_bool(const std::string& file, const YAML::Node& n, std::string_view what) {
  return yamlin::Reader(file).boolean(n, what);
}

// Throws on the keys outside `valid` (all of them, with did-you-mean and the
// valid keys), as for a scenario.
inline void check_keys(const std::string& file, const YAML::Node& map, const std::vector<std::string>& valid,
                       std::string_view where) {
  const yamlin::Reader r(file);
  r.check_keys(r.mapping(map, where, "a mapping"), valid, fmt::format("in {}", where));
}

inline std::vector<std::string> issue_names() { return {kIssueNames.begin(), kIssueNames.end()}; }

inline Issue yaml_issue(const std::string& file, const YAML::Node& n) {
  const std::string s = yaml_string(file, n, "issue");
  const auto q = issue_from_name(s);
  if (!q) {
    const auto names = issue_names();
    throw InputError(place_of(file, n), fmt::format("unknown issue '{}'{}; valid issues: {}", s, did_you_mean(s, names),
                                                    list_choices(names)));
  }
  return *q;
}

}  // namespace urbis::world_io
