#pragma once
// Shared by the core and agents tests: the model defaults, read straight from
// configs/defaults.yaml by walking the dotted paths of param_table() (so these
// tests use the real defaults without depending on the scenario loader).
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>

#include <yaml-cpp/yaml.h>

#include "sim/core/param_table.hpp"
#include "sim/core/params.hpp"
#include "sim/core/yaml_reader.hpp"

namespace urbis::test {

inline std::filesystem::path source_dir() { return std::filesystem::path(URBIS_SOURCE_DIR); }
inline std::filesystem::path defaults_path() { return source_dir() / "configs" / "defaults.yaml"; }

// The node at a dotted path, or an undefined node when a part is missing.
inline YAML::Node yaml_at(const YAML::Node& root, const std::string& dotted) {
  YAML::Node n;
  n.reset(root);
  std::stringstream path(dotted);
  std::string part;
  while (std::getline(path, part, '.')) {
    if (!n.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    const YAML::Node& parent = n;
    const YAML::Node child = parent[part];
    if (!child) return YAML::Node(YAML::NodeType::Undefined);
    n.reset(child);
  }
  return n;
}

// Every field of Params, filled from configs/defaults.yaml. Throws when a
// path of the table is missing from the file.
inline Params default_params() {
  const YAML::Node root = yamlin::load_file(defaults_path().string(), "defaults");
  Params p{};
  for (const ParamSpec& spec : param_table()) {
    const YAML::Node n = yaml_at(root, spec.path);
    if (!n || !n.IsScalar()) throw std::runtime_error("defaults.yaml lacks " + spec.path);
    spec.ref(p) = spec.kind == ParamKind::flag ? (n.as<bool>() ? 1.0 : 0.0) : n.as<double>();
  }
  return p;
}

}  // namespace urbis::test
