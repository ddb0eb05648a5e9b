#include "sim/cli/paths.hpp"

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace urbis {

namespace {
bool has_configs(const fs::path& p) { return fs::exists(p / "configs" / "defaults.yaml"); }
}  // namespace

ProjectPaths find_project_paths(const char* argv0) {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("URBIS_HOME")) candidates.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / "share" / "urbis");
  candidates.emplace_back(URBIS_SOURCE_DIR);
  fs::path home = candidates.back();
  for (const auto& c : candidates)
    if (has_configs(c)) {
      home = c;
      break;
    }
  ProjectPaths p;
  p.home = home.string();
  p.defaults_file = (home / "configs" / "defaults.yaml").string();
  p.world_dir = (home / "configs" / "world").string();
  p.scenario_dir = (home / "scenarios").string();
  return p;
}

std::string resolve_scenario_path(const std::string& arg, const ProjectPaths& paths) {
  if (fs::exists(arg)) return arg;
  // A bare name ("paris_withdrawal") means the library's file.
  if (arg.find('/') == std::string::npos) {
    fs::path lib = fs::path(paths.scenario_dir) / arg;
    if (lib.extension() != ".yaml") lib += ".yaml";
    if (fs::exists(lib)) return lib.string();
  }
  return arg;  // the loader reports it as missing
}

}  // namespace urbis
