#include "sim/serve/stepper.hpp"

#include <spdlog/spdlog.h>

namespace urbis::serve {

Stepper::Stepper(std::mutex& mutex, std::function<std::optional<Clock::time_point>()> due, std::function<void()> step)
    : mutex_(mutex), due_(std::move(due)), step_(std::move(step)), thread_([this] { loop(); }) {}

void Stepper::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Stepper::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const auto when = due_();
    if (!when) {
      cv_.wait(lock);
      continue;
    }
    if (Clock::now() < *when) {
      cv_.wait_until(lock, *when);
      continue;  // woken or due: ask again (the plan may have changed)
    }
    try {
      step_();
    } catch (const std::exception& e) {
      // A step that fails must not take the server down: the room stops
      // where it is (step_ is expected to have paused it) and says why in the log.
      spdlog::error("serve: a background step failed: {}", e.what());
    }
  }
}

}  // namespace urbis::serve
