#pragma once
// Shared by the world tests: the source tree, the model defaults (read
// straight from configs/defaults.yaml through the parameter table, so these
// tests do not depend on the scenario loader), a scratch folder, the real
// world at a start year and a spoilable copy of its files (BadWorld).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "sim/core/input_error.hpp"
#include "sim/core/param_table.hpp"
#include "sim/core/params.hpp"
#include "sim/core/yaml_reader.hpp"
#include "sim/world/real_world.hpp"

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
    path_ =
        std::filesystem::temp_directory_path() / ("urbis-" + tag + "-" + std::to_string(rd()) + std::to_string(rd()));
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

namespace urbis {

// The real world of configs/world at a start year, loaded once per test program.
inline const WorldData& world_at(int year) {
  static std::map<int, WorldData> cache;
  auto it = cache.find(year);
  if (it == cache.end()) {
    RealWorldSpec spec;
    spec.directory = test::world_dir().string();
    it = cache.emplace(year, load_real_world(spec, year)).first;
  }
  return it->second;
}

inline int city_index(const World& w, const std::string& name) {
  const auto it = std::find(w.cities.name.begin(), w.cities.name.end(), name);
  return it == w.cities.name.end() ? -1 : static_cast<int>(it - w.cities.name.begin());
}
inline int state_index(const World& w, const std::string& iso3) {
  const auto it = std::find(w.states.iso3.begin(), w.states.iso3.end(), iso3);
  return it == w.states.iso3.end() ? -1 : static_cast<int>(it - w.states.iso3.begin());
}
inline const NetworkSeed* network(const WorldData& d, const std::string& name) {
  for (const auto& n : d.networks)
    if (n.name == name) return &n;
  return nullptr;
}
inline int count_problems(const WorldData& d, const std::string& a, const std::string& b = "") {
  return static_cast<int>(std::count_if(d.problems.begin(), d.problems.end(), [&](const std::string& p) {
    return p.find(a) != std::string::npos && (b.empty() || p.find(b) != std::string::npos);
  }));
}

// A copy of configs/world in a scratch folder, for tests that spoil one file.
class BadWorld : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& e : std::filesystem::directory_iterator(test::world_dir()))
      if (e.is_regular_file()) {
        const std::filesystem::path to = dir_.path() / e.path().filename();
        std::filesystem::copy_file(e.path(), to, std::filesystem::copy_options::overwrite_existing);
        std::filesystem::permissions(to, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                     std::filesystem::perm_options::add);
      }
  }

  std::string read(const std::string& name) const {
    std::ifstream f(dir_.path() / name, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream f(dir_.path() / name, std::ios::binary | std::ios::trunc);
    f << text;
  }
  // Replaces the first occurrence of `from` in a file (which must exist).
  void replace(const std::string& name, const std::string& from, const std::string& to) const {
    std::string text = read(name);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    write(name, text);
  }

  // Loads and returns the error (fails the test when none is thrown).
  InputError load_error() const {
    RealWorldSpec spec;
    spec.directory = dir_.path().string();
    try {
      load_real_world(spec, 2015);
    } catch (const InputError& e) {
      return e;
    }
    ADD_FAILURE() << "no InputError";
    return InputError({}, "none");
  }
  WorldData load() const {
    RealWorldSpec spec;
    spec.directory = dir_.path().string();
    return load_real_world(spec, 2015);
  }

  static bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
  }

  test::ScratchDir dir_{"world"};
};

}  // namespace urbis
