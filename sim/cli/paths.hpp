#pragma once
// Where urbis finds its own files (configs/, scenarios/): $URBIS_HOME, then
// beside an installed program (<prefix>/share/urbis), then the source tree it
// was built from.
#include <string>
#include <vector>

namespace urbis {

struct ProjectPaths {
  std::string home;           // folder holding configs/ and scenarios/
  std::string defaults_file;  // configs/defaults.yaml
  std::string world_dir;      // configs/world
  std::string scenario_dir;   // scenarios
};

ProjectPaths find_project_paths(const char* argv0);

// A scenario named on the command line: a path, or a bare name from the
// library. Throws InputError when it is neither, with the nearest library name.
std::string resolve_scenario_path(const std::string& arg, const ProjectPaths& paths);

// The names of the scenario library (scenarios/*.yaml without the extension), sorted.
std::vector<std::string> library_names(const ProjectPaths& paths);

}  // namespace urbis
