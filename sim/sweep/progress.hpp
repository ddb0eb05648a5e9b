#pragma once
// The progress of a sweep's share: runs done and failed, and on a terminal a
// status line once a second (rate, time left); at the end, the summary line
// and runs.csv assembled from the records.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace urbis::sweep {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;
  // `show`: print the status line (see show_progress).
  Progress(std::int64_t total, bool show);
  ~Progress() { stop(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void add(bool ok) {
    ++done_;
    if (!ok) ++failed_;
  }
  // Ends the status line (and its thread); called again, does nothing.
  void stop();
  std::int64_t done() const { return done_; }
  std::int64_t failed() const { return failed_; }
  double seconds() const { return std::chrono::duration<double>(Clock::now() - t0_).count(); }
  // "12/40 runs done, 0 failed, 30.0 runs/min, 56 s left".
  std::string line() const;

 private:
  void loop();
  std::int64_t total_;
  bool show_;
  Clock::time_point t0_;
  std::atomic<std::int64_t> done_{0}, failed_{0};
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopped_ = false;
  std::thread thread_;
};

// Whether to show the status line: asked for, stderr a terminal, not under CI.
bool show_progress(bool wanted);

// The end of a share: logs the counts, assembles runs.csv when every run of
// the sweep is recorded and says what is left otherwise (`sharded`: other
// shards may still be running). Returns 1 when a run of this share failed.
int finish_share(const std::string& dir, const Progress& progress, bool sharded);

}  // namespace urbis::sweep
