#pragma once
// Steps a room in the background: sleeps until its room says a step is due
// (playing at a speed, or a round timer), takes it, and so on until stopped.
// Both callbacks run with the room's mutex held, so a step never overlaps a
// request; between steps the mutex is free for requests.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace urbis::serve {

class Stepper {
 public:
  using Clock = std::chrono::steady_clock;
  Stepper(std::mutex& mutex, std::function<std::optional<Clock::time_point>()> due, std::function<void()> step);
  ~Stepper() { stop(); }
  Stepper(const Stepper&) = delete;
  Stepper& operator=(const Stepper&) = delete;

  // The plan changed (play, pause, speed, a new player): look at due() again.
  void wake() { cv_.notify_all(); }
  // Ends the thread; call without the mutex held.
  void stop();

 private:
  void loop();
  std::mutex& mutex_;
  std::function<std::optional<Clock::time_point>()> due_;
  std::function<void()> step_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace urbis::serve
