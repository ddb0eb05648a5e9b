#include "sim/output/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>
#include <unistd.h>

namespace urbis {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  temp_ = fmt::format("{}.tmp.{}", path_, static_cast<long>(::getpid()));
  file_ = std::fopen(temp_.c_str(), "wb");
  if (!file_) throw std::runtime_error(fmt::format("cannot write {}: {}", temp_, std::strerror(errno)));
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

AtomicFile::~AtomicFile() {
  if (file_) {
    std::fclose(file_);
    std::remove(temp_.c_str());
  }
}

void AtomicFile::write(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) failed_ = true;
}

void AtomicFile::commit() {
  const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const int err = errno;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (failed_ || !flushed || !closed) {
    std::remove(temp_.c_str());
    throw std::runtime_error(fmt::format("cannot write {}: {}", path_, std::strerror(err ? err : EIO)));
  }
  if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
    const int e = errno;
    std::remove(temp_.c_str());
    throw std::runtime_error(fmt::format("cannot rename {} to {}: {}", temp_, path_, std::strerror(e)));
  }
}

void write_file_atomically(const std::string& path, std::string_view text) {
  AtomicFile f(path);
  f.write(text);
  f.commit();
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char ch : text) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

}  // namespace urbis
