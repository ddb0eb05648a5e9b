#pragma once
// A file that appears under its name only once it is complete: written to a
// temporary name beside the target and renamed over it on commit(), so an
// interrupted run never leaves a truncated file that looks finished.
#include <cstdio>
#include <string>
#include <string_view>

namespace urbis {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path);
  ~AtomicFile();  // without commit(), removes the temporary file
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view text);
  // Flushes, syncs and renames to the final name; throws std::runtime_error
  // (with the path and the system's reason) if any write failed.
  void commit();
  const std::string& path() const { return path_; }

 private:
  std::string path_, temp_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

// Writes a whole file atomically.
void write_file_atomically(const std::string& path, std::string_view text);

// Quotes a CSV field when it holds a comma, quote or line break (RFC 4180).
std::string csv_field(std::string_view text);

}  // namespace urbis
