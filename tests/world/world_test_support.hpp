#pragma once
// Shared by the world tests: the source tree, the model defaults (read
// straight from configs/defaults.yaml through the parameter table, so these
// tests do not depend on the scenario loader) and a scratch folder.
#include <filesystem>
#include <random>
#include <sstream>
#include <string>

#include <yaml-cpp/yaml.h>

#include "sim/core/param_table.hpp"
#include "sim/core/params.hpp"
#include "sim/core/yaml_reader.hpp"

namespace urbis::test {

inline std::filesystem::path source_dir() { return std::filesystem::path(URBIS_SOURCE_DIR); }
inline std::filesystem::path world_dir() { return source_dir() / "configs" / "world"; }

inline Params default_params() {
  const YAML::Node root = yamlin::load_file((source_dir() / "configs" / "defaults.yaml").string(), "defaults");
  Params p{};
  for (const ParamSpec& spec : param_table()) {
    YAML::Node n;
    n.reset(root);
    std::stringstream path(spec.path);
    std::string part;
    while (std::getline(path, part, '.')) {
      const YAML::Node& parent = n;
      const YAML::Node child = parent[part];
      n.reset(child);
    }
    spec.ref(p) = spec.kind == ParamKind::flag ? (n.as<bool>() ? 1.0 : 0.0) : n.as<double>();
  }
  return p;
}

// A fresh folder under the system temp directory, removed on destruction.
class ScratchDir {
 public:
  explicit ScratchDir(const std::string& tag) {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("urbis-" + tag + "-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace urbis::test
