#include "sim/cli/work_folder.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace urbis {

WorkFolder::WorkFolder(const fs::path& dir, const std::string& name)
    : path_(dir / fmt::format(".{}.tmp.{}", name, ::getpid())) {
  fs::remove_all(path_);
  fs::create_directories(path_);
}

WorkFolder::~WorkFolder() {
  std::error_code ignore;
  fs::remove_all(path_, ignore);
}

void WorkFolder::move_in(const fs::path& dir, const std::vector<std::string>& entries, const std::string& record,
                         const std::vector<std::string>& old_entries) {
  fs::remove(dir / record);
  for (const auto& e : entries) {
    if (fs::is_directory(dir / e) && !fs::is_symlink(dir / e)) fs::remove_all(dir / e);
    fs::rename(path_ / e, dir / e);
  }
  fs::rename(path_ / record, dir / record);
  for (const auto& e : old_entries)
    if (std::find(entries.begin(), entries.end(), e) == entries.end()) {
      std::error_code ignore;
      fs::remove_all(dir / e, ignore);
    }
}

}  // namespace urbis
