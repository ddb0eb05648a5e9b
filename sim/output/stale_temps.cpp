#include "sim/output/stale_temps.hpp"

#include <cerrno>
#include <filesystem>
#include <signal.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace urbis {

namespace {

bool alive(long pid) {
  if (pid == static_cast<long>(::getpid())) return true;
  if (::kill(static_cast<pid_t>(pid), 0) == 0) return true;
  return errno == EPERM;  // someone else's process: alive
}

}  // namespace

long temp_owner(const std::string& name) {
  const auto at = name.rfind(".tmp.");
  if (at == std::string::npos || at == 0) return 0;
  const std::string digits = name.substr(at + 5);
  if (digits.empty() || digits.size() > 9) return 0;
  long pid = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

std::vector<std::string> remove_stale_temps(const std::string& dir, std::chrono::seconds min_age) {
  std::vector<std::string> removed;
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const long pid = temp_owner(name);
    if (pid <= 0 || alive(pid)) continue;
    if (min_age.count() > 0) {
      std::error_code tec;
      const auto t = fs::last_write_time(entry.path(), tec);
      if (tec || now - t < min_age) continue;
    }
    std::error_code rec;
    fs::remove_all(entry.path(), rec);
    if (!rec) removed.push_back(name);
  }
  return removed;
}

}  // namespace urbis
