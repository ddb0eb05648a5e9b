#include "sim/cli/output_folder.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>
#include <unistd.h>

#include "sim/core/input_error.hpp"

namespace fs = std::filesystem;

namespace urbis {

void prepare_output_folder(const std::string& dir, const std::string& option) {
  const SourcePlace where{option + " " + dir};
  std::error_code ec;
  const auto st = fs::status(dir, ec);
  if (fs::exists(st) && !fs::is_directory(st))
    throw InputError(where, "this is a file, not a folder; name a folder for the outputs");
  if (!fs::exists(st)) {
    // The first part of the path that exists must be a folder.
    fs::path p = fs::path(dir).lexically_normal();
    while (!p.empty() && p.has_parent_path() && !fs::exists(p, ec)) p = p.parent_path();
    if (!p.empty() && fs::exists(p, ec) && !fs::is_directory(p, ec))
      throw InputError(where, fmt::format("cannot create this folder: {} is a file (Not a directory)", p.string()));
    fs::create_directories(dir, ec);
    if (ec) throw InputError(where, fmt::format("cannot create this folder: {}", ec.message()));
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    throw InputError(where, fmt::format("cannot write into this folder: {}", std::strerror(errno)));
}

void check_output_file(const std::string& file, const std::string& option) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) throw InputError({option + " " + file}, "this is a folder; name the file to write");
  const fs::path parent = fs::path(file).parent_path();
  prepare_output_folder(parent.empty() ? std::string(".") : parent.string(), option);
}

}  // namespace urbis
