#pragma once
// Ctrl-C (SIGINT) and SIGTERM as a request to stop at the next step
// boundary. The handler only records the signal; long loops (the yearly step
// through RunContext::progress, a sweep's runs, a calibration's evaluations)
// call throw_if_interrupted(), and the exception unwinds through the output
// writers, whose temporary files are removed as they are destroyed. The
// command line turns it into one message and exit code 128 + signal (130,
// 143). A second signal while the first is being honoured ends the process
// at once, as if no handler were installed (the next run in that folder
// removes what it left).
#include <stdexcept>
#include <string>

namespace urbis {

class Interrupted : public std::runtime_error {
 public:
  Interrupted(int signal, const std::string& what) : std::runtime_error(what), signal_(signal) {}
  int signal() const { return signal_; }
  int exit_code() const { return 128 + signal_; }

 private:
  int signal_;
};

// Installs the handlers for SIGINT and SIGTERM, also when the process
// started with them ignored (a job a shell script put in the background
// starts with SIGINT ignored). Called first thing, so the window in which a
// signal still has its inherited effect is the program's start alone.
void install_interrupt_handlers();

// Gives SIGINT and SIGTERM back the dispositions the process started with,
// for a command with no step boundary to stop at (one Ctrl-C ends it at
// once). A signal received in between is acted on as that disposition says.
void restore_inherited_signal_dispositions();

// The signal received (SIGINT, SIGTERM), or 0.
int interrupt_signal();

// "SIGINT", "SIGTERM".
std::string signal_name(int signal);

// Throws Interrupted when a signal has been received.
void throw_if_interrupted();

// For tests: forgets a received signal.
void clear_interrupt();

}  // namespace urbis
