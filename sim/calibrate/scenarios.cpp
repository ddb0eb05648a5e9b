#include "sim/calibrate/scenarios.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "sim/scenario/load_scenario.hpp"

namespace fs = std::filesystem;

namespace urbis::calib {

namespace {

// `names` and the stems of the .yaml files in dir, sorted.
std::vector<std::string> yaml_names(const fs::path& dir, std::vector<std::string> names = {}) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".yaml") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::string resolve(const ScenarioRef& ref, const std::string& config_file, const std::string& scenario_dir) {
  const fs::path given(ref.name);
  std::vector<fs::path> candidates = {given, fs::path(config_file).parent_path() / given};
  if (!given.has_parent_path()) {
    fs::path lib = fs::path(scenario_dir) / given;
    if (lib.extension() != ".yaml") lib += ".yaml";
    candidates.push_back(lib);
  }
  for (const auto& c : candidates)
    if (fs::is_regular_file(c)) return c.string();
  const auto library = yaml_names(scenario_dir);
  const auto near = yaml_names(fs::path(config_file).parent_path(), library);
  throw InputError(ref.place, fmt::format("unknown scenario '{}': not a file, nor a library name{}; the library: {}",
                                          ref.name, did_you_mean(given.stem().string(), near), list_choices(library)));
}

}  // namespace

std::vector<Scenario> load_scenarios(const CalibConfig& config, const Params& defaults,
                                     const std::string& scenario_dir) {
  std::vector<Scenario> out;
  for (const auto& ref : config.scenarios())
    out.push_back(load_scenario(resolve(ref, config.file, scenario_dir), defaults, {scenario_dir}));
  return out;
}

}  // namespace urbis::calib
