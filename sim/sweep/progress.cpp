#include "sim/sweep/progress.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include "sim/sweep/records.hpp"

namespace fs = std::filesystem;

namespace urbis::sweep {

Progress::Progress(std::int64_t total, bool show) : total_(total), show_(show), t0_(Clock::now()) {
  if (show_) thread_ = std::thread([this] { loop(); });
}

void Progress::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    stopped_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (show_) fmt::print(stderr, "\r{:100}\r", "");
}

std::string Progress::line() const {
  const double t = seconds();
  const double d = static_cast<double>(done_);
  const double rate = t > 0 ? d / t * 60 : 0;
  std::string left = "?";
  if (d > 0) {
    const double s = (static_cast<double>(total_) - d) * t / d;
    left = s >= 3600 ? fmt::format("{:.1f} h", s / 3600)
           : s >= 60 ? fmt::format("{:.1f} min", s / 60)
                     : fmt::format("{:.0f} s", s);
  }
  return fmt::format("{}/{} runs done, {} failed, {:.1f} runs/min, {} left", done_.load(), total_, failed_.load(), rate,
                     left);
}

void Progress::loop() {
  std::unique_lock lock(mutex_);
  while (!stopped_) {
    fmt::print(stderr, "\r{:<100}", line());
    std::fflush(stderr);
    cv_.wait_for(lock, std::chrono::seconds(1));
  }
}

bool show_progress(bool wanted) { return wanted && ::isatty(STDERR_FILENO) && !std::getenv("CI"); }

int finish_share(const std::string& dir, const Progress& p, bool sharded) {
  spdlog::info("{} runs in {:.1f} s ({:.1f} runs/min), {} failed", p.done(), p.seconds(),
               p.seconds() > 0 ? static_cast<double>(p.done()) / p.seconds() * 60 : 0.0, p.failed());
  const auto missing = assemble(dir, false);
  if (missing.empty()) fmt::print("runs.csv written: {}\n", (fs::path(dir) / "runs.csv").string());
  else if (sharded)
    fmt::print(
        "shard done; {} runs of other shards not yet recorded. When every shard has finished: urbis sweep merge {}\n",
        missing.size(), dir);
  else fmt::print("{} runs missing ({}); run again with --resume\n", missing.size(), ranges(missing));
  return p.failed() > 0 ? 1 : 0;
}

}  // namespace urbis::sweep
