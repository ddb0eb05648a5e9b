#include "sim/serve/rate_limit.hpp"

#include <algorithm>

namespace urbis::serve {

RateLimiter::RateLimiter(double per_second, double burst, std::size_t max_clients)
    : rate_(per_second), burst_(burst), max_clients_(max_clients) {}

void RateLimiter::forget_full(Clock::time_point now) {
  // A bucket that has refilled is the same as no bucket.
  std::erase_if(buckets_, [&](const auto& kv) {
    const double idle = std::chrono::duration<double>(now - kv.second.last).count();
    return kv.second.tokens + idle * rate_ >= burst_;
  });
}

bool RateLimiter::allow(const std::string& client, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) forget_full(now);
    const std::string& key = buckets_.size() >= max_clients_ ? std::string("(others)") : client;
    it = buckets_.try_emplace(key, Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  const double idle = std::chrono::duration<double>(now - b.last).count();
  b.tokens = std::min(burst_, b.tokens + std::max(0.0, idle) * rate_);
  b.last = now;
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

}  // namespace urbis::serve
