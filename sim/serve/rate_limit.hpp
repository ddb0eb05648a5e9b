#pragma once
// Requests per client, as a token bucket: `burst` requests at once, then
// `per_second` on average. Clients are counted up to a cap; beyond it, new
// ones share one bucket, so that a flood of addresses cannot grow the table.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace urbis::serve {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  RateLimiter(double per_second, double burst, std::size_t max_clients = 4096);
  // Takes one request from the client's bucket; false when it is empty.
  bool allow(const std::string& client, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;
  };
  void forget_full(Clock::time_point now);
  double rate_, burst_;
  std::size_t max_clients_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace urbis::serve
