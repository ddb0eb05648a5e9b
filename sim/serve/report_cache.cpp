#include "sim/serve/report_cache.hpp"

#include <fmt/format.h>

#include "sim/serve/free_memory.hpp"
#include "sim/serve/gzip.hpp"

namespace urbis::serve {

void ReportCache::changed(std::uint64_t version, bool tables) {
  data_version_ = version;
  if (tables) ++data_epoch_;
}

std::shared_ptr<const std::string> ReportCache::answer(std::unique_lock<std::mutex>& lock,
                                                       std::optional<std::uint64_t> since, std::uint64_t room_version,
                                                       bool gzipped,
                                                       const std::function<Snapshot(bool tables)>& snapshot) {
  if (since && *since >= data_version_ && *since <= room_version) return nullptr;
  if (body_ && body_version_ == data_version_) return gzipped ? body_gz_ : body_;
  lock.unlock();

  // Building the report of the real world takes a while: not under the
  // room's lock, and once for all the requests that wait for the same data.
  std::lock_guard build(build_mutex_);
  lock.lock();
  if (body_ && body_version_ == data_version_) return gzipped ? body_gz_ : body_;
  const std::uint64_t version = data_version_, epoch = data_epoch_;
  Snapshot now = snapshot(!prefix_ || prefix_epoch_ != epoch);
  lock.unlock();

  if (now.tables) {
    std::string text = run_report_data(now.tables->source(library_->network_targets()), ReportOptions{}).dump();
    text.pop_back();  // the closing brace: "version" and "changes" follow
    prefix_ = std::make_shared<const std::string>(std::move(text));
    prefix_epoch_ = epoch;
    now.tables.reset();
    release_free_memory();
  }
  auto body = std::make_shared<std::string>();
  body->reserve(prefix_->size() + now.changes.size() + 40);
  *body += *prefix_;
  *body += fmt::format(",\"version\":{},\"changes\":{}}}", version, now.changes);
  // The teacher's page and the projector poll this: compressed once here,
  // a few megabytes become a few hundred kilobytes on the school's Wi-Fi.
  auto body_gz = std::make_shared<const std::string>(gzip(*body, 5));

  lock.lock();
  if (data_version_ == version) {
    body_ = body;
    body_gz_ = body_gz;
    body_version_ = version;
  }
  if (gzipped) return body_gz;
  return body;
}

}  // namespace urbis::serve
