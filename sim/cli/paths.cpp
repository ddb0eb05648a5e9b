#include "sim/cli/paths.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"

namespace fs = std::filesystem;

namespace urbis {

namespace {
bool has_configs(const fs::path& p) { return fs::exists(p / "configs" / "defaults.yaml"); }
}  // namespace

ProjectPaths find_project_paths(const char* argv0) {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("URBIS_HOME"); env && *env) {
    // Asked for by name: a folder without the files is a mistake, not a hint.
    if (!has_configs(env))
      throw InputError({"URBIS_HOME=" + std::string(env)},
                       "no configs/defaults.yaml there (URBIS_HOME names a folder holding configs/ and scenarios/, "
                       "as <prefix>/share/urbis does; unset it to use the installed or source tree's)");
    candidates.emplace_back(env);
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back((exe.parent_path() / URBIS_HOME_FROM_BIN).lexically_normal());
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
  const bool bare = arg.find('/') == std::string::npos;
  if (bare) {
    fs::path lib = fs::path(paths.scenario_dir) / arg;
    if (lib.extension() != ".yaml") lib += ".yaml";
    if (fs::exists(lib)) return lib.string();
  }
  const std::string stem = fs::path(arg).stem().string();
  throw InputError({arg},
                   fmt::format("no such scenario file{}{}", bare ? ", and no scenario of that name in the library" : "",
                               did_you_mean(stem, library_names(paths))));
}

std::vector<std::string> library_names(const ProjectPaths& paths) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(paths.scenario_dir, ec))
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace urbis
