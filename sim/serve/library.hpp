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

// A scenario's files as they were read at start-up (the extends: chain, base
// first), so that a class's record can carry them and be replayed anywhere.
struct ScenarioSource {
  std::string file;  // the file's name, without its folder
  std::string text;
};

struct LibraryEntry {
  std::string name;         // the file's stem: paris_withdrawal
  std::string description;  // the scenario's first line
  Scenario scenario;
  WorldData data;      // the world at the scenario's start
  bool given = false;  // named on the command line (offered first), not only in the library
  std::string hash;    // of its files (as run.json's scenario_hash)
  std::vector<ScenarioSource> sources;
};

struct LibraryPaths {
  std::string scenario_dir;   // scenarios/
  std::string defaults_file;  // configs/defaults.yaml
  std::string world_dir;      // configs/world
  std::string targets_file;   // configs/calibration/targets.yaml ("" for none)
  // Scenario files named on the command line (`serve --scenario my.yaml`):
  // offered besides the library, first, each by its file's stem (replacing a
  // library scenario of the same name). Unlike the library's, a mistake in
  // one of these stops the start-up with its InputError.
  std::vector<std::string> files;
};

class Library {
 public:
  // Loads the *.yaml of paths.scenario_dir (all of them, or those named in
  // `only`), in parallel, and paths.files. A library file that does not load
  // is left out and its error kept in problems(); throws InputError when
  // nothing loads or a file of paths.files does not.
  static std::shared_ptr<const Library> load(const LibraryPaths& paths, const std::vector<std::string>& only = {});

  const LibraryEntry* find(const std::string& name) const;
  // Loads one scenario file with its world (throws InputError).
  static std::unique_ptr<LibraryEntry> load_entry(const std::string& file, const Params& defaults,
                                                  const LibraryPaths& paths);
  const std::vector<std::unique_ptr<LibraryEntry>>& entries() const { return entries_; }
  std::vector<std::string> names() const;
  const std::vector<std::string>& problems() const { return problems_; }
  const nlohmann::ordered_json& network_targets() const { return targets_; }

 private:
  std::vector<std::unique_ptr<LibraryEntry>> entries_;  // given first, then by name; addresses stay put
  std::vector<std::string> problems_;
  nlohmann::ordered_json targets_ = nlohmann::ordered_json::array();
};

}  // namespace urbis::serve
