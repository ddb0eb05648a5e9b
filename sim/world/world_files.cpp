#include "sim/world/world_files.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <vector>

#include <fmt/format.h>

namespace urbis {

std::string world_files_fingerprint(const std::string& directory) {
  namespace fs = std::filesystem;
  std::vector<std::string> lines;
  std::error_code ec;
  // Members files may sit in a subfolder, so the whole tree counts.
  for (fs::recursive_directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code fe;
    if (!it->is_regular_file(fe) || fe) continue;
    const auto size = it->file_size(fe);
    if (fe) continue;
    const auto changed = it->last_write_time(fe);
    if (fe) continue;
    lines.push_back(fmt::format("{} {} {}", fs::relative(it->path(), directory, fe).generic_string(), size,
                                changed.time_since_epoch().count()));
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& line : lines) out += line + '\n';
  return out;
}

}  // namespace urbis
