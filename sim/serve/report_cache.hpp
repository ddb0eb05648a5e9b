#pragma once
// The report data a room answers with (docs/CLASSROOM_API.md, data): the
// report of its live tables (sim/report/report_data.hpp) with the room's
// "version" and "changes", plain and gzipped. It changes with steps, resets
// and parameter changes, not with players' choices. The report part is
// rebuilt at most once per step, the answer once per change, both outside
// the room's lock (the room steps and answers meanwhile) and once for all the
// requests that wait for the same data.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "sim/serve/library.hpp"
#include "sim/serve/live_tables.hpp"

namespace urbis::serve {

class ReportCache {
 public:
  explicit ReportCache(std::shared_ptr<const Library> library) : library_(std::move(library)) {}

  // Under the room's lock. The data changed at room version `version`; with
  // `tables`, its tables did too (a step, a reset), not only its changes.
  void changed(std::uint64_t version, bool tables);
  std::uint64_t version() const { return data_version_; }  // under the room's lock

  // What the room holds now, read under its lock: its list of changes as
  // JSON, and a copy of its tables when `tables` is asked for.
  struct Snapshot {
    std::string changes;
    std::shared_ptr<const LiveTables> tables;
  };
  // The data; nullptr when it has not changed since version `since` (and
  // `since` is not from the future: <= `room_version`). `room_lock` holds the
  // room's mutex on entry and on return; it is released while building.
  std::shared_ptr<const std::string> answer(std::unique_lock<std::mutex>& room_lock, std::optional<std::uint64_t> since,
                                            std::uint64_t room_version, bool gzipped,
                                            const std::function<Snapshot(bool tables)>& snapshot);

 private:
  const std::shared_ptr<const Library> library_;
  // Under the room's lock: data_version_ is the room's version at the data's
  // last change (what `answer` returns with, and what makes a poll 304);
  // data_epoch_ counts the changes of its tables.
  std::uint64_t data_version_ = 1, data_epoch_ = 1, body_version_ = 0;
  std::shared_ptr<const std::string> body_, body_gz_;
  // One build at a time: build_mutex_ guards the report part and its epoch.
  std::mutex build_mutex_;
  std::uint64_t prefix_epoch_ = 0;
  std::shared_ptr<const std::string> prefix_;
};

}  // namespace urbis::serve
