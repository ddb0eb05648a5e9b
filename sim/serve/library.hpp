#pragma once
// The scenarios a server offers: the files of the scenario library, each
// loaded with its world once, at start-up. No request reads a file: names in
// requests are looked up here, never used as paths.
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/scenario/scenario.hpp"
#include "sim/world/world_data.hpp"

namespace urbis::serve {

struct LibraryEntry {
  std::string name;         // the file's stem: paris_withdrawal
  std::string description;  // the scenario's first line
  Scenario scenario;
  WorldData data;           // the world at the scenario's start
};

struct LibraryPaths {
  std::string scenario_dir;  // scenarios/
  std::string defaults_file;  // configs/defaults.yaml
  std::string world_dir;      // configs/world
  std::string targets_file;   // configs/calibration/targets.yaml ("" for none)
};

class Library {
 public:
  // Loads the *.yaml of paths.scenario_dir (all of them, or those named in
  // `only`), in parallel. A file that does not load is left out and its
  // error kept in problems(); throws InputError when nothing loads.
  static std::shared_ptr<const Library> load(const LibraryPaths& paths, const std::vector<std::string>& only = {});

  const LibraryEntry* find(const std::string& name) const;
  const std::vector<std::unique_ptr<LibraryEntry>>& entries() const { return entries_; }
  std::vector<std::string> names() const;
  const std::vector<std::string>& problems() const { return problems_; }
  const nlohmann::ordered_json& network_targets() const { return targets_; }

 private:
  std::vector<std::unique_ptr<LibraryEntry>> entries_;  // sorted by name; addresses stay put
  std::vector<std::string> problems_;
  nlohmann::ordered_json targets_ = nlohmann::ordered_json::array();
};

}  // namespace urbis::serve
