#pragma once
// Where urbis finds its own files (configs/, scenarios/), the first folder
// holding configs/defaults.yaml of: $URBIS_HOME; the installed files beside
// the program (<prefix>/bin/urbis reads <prefix>/share/urbis, as
// `cmake --install` lays them out); the source tree it was built from (a
// build-tree program such as build/release/urbis).
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
