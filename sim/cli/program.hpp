#pragma once
// The body of the urbis programs: `urbis`, and `urbis-serve`, which `urbis
// serve` hands over to (sim/cli/serve_forward.hpp). Each program's main
// names the faces it carries; the command line, the logging, the threads,
// the refusals and the exit codes are the same in both.
#include <initializer_list>

#include "sim/cli/commands.hpp"

namespace urbis {

using AddCommands = void (*)(Commands&);

// Parses argv against the commands the faces add, runs the chosen one and
// returns the process's exit code.
int run_program(int argc, char** argv, std::initializer_list<AddCommands> faces);

}  // namespace urbis
