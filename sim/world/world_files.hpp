#pragma once
// What a real world's load depends on besides the start year: the files of
// its folder (the fixed ones and the members files networks.yaml names).
#include <string>

namespace urbis {

// One line per regular file under `directory` (its path relative to the
// folder, its size and the time of its last change), sorted by path. It
// changes whenever a file is edited, added or removed, so a cache keyed on it
// never serves a world whose files changed since it was loaded. Empty when
// the folder cannot be read (the load then reports why).
std::string world_files_fingerprint(const std::string& directory);

}  // namespace urbis
