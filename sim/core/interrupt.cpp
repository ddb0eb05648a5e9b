#include "sim/core/interrupt.hpp"

#include <atomic>
#include <csignal>

#include <fmt/format.h>

namespace urbis {

namespace {

// Lock-free, so safe to touch from a signal handler.
std::atomic<int> received{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_signal(int sig) {
  int none = 0;
  if (!received.compare_exchange_strong(none, sig)) {
    // A second signal: the user insists. Default action (terminate) now.
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
}

}  // namespace

namespace {
struct sigaction inherited_int {
}, inherited_term{};
bool installed = false;
}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // a write in progress is not cut short by EINTR
  // Installed whatever the disposition at start: a shell starts background
  // jobs of a script with SIGINT ignored, and `kill -INT` must still stop them cleanly.
  sigaction(SIGINT, &action, &inherited_int);
  sigaction(SIGTERM, &action, &inherited_term);
  installed = true;
}

void restore_inherited_signal_dispositions() {
  if (!installed) return;
  sigaction(SIGINT, &inherited_int, nullptr);
  sigaction(SIGTERM, &inherited_term, nullptr);
  installed = false;
  // A signal that came while the handler was in place: as if it came now.
  if (const int sig = received.exchange(0)) {
    const struct sigaction& a = sig == SIGINT ? inherited_int : inherited_term;
    if (a.sa_handler != SIG_IGN) std::raise(sig);
  }
}

int interrupt_signal() { return received.load(); }

std::string signal_name(int signal) {
  switch (signal) {
    case SIGINT: return "SIGINT";
    case SIGTERM: return "SIGTERM";
    default: return fmt::format("signal {}", signal);
  }
}

void throw_if_interrupted() {
  if (const int sig = received.load()) throw Interrupted(sig, fmt::format("interrupted by {}", signal_name(sig)));
}

void clear_interrupt() { received.store(0); }

}  // namespace urbis
