#pragma once
// The subcommands of `urbis`. Each face of the program (run, sweep, report,
// serve, ...) lives in its own file and registers itself here, so main.cpp
// stays a list and the faces do not know each other.
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/cli/paths.hpp"
#include "sim/core/input_error.hpp"

namespace urbis {

// What every subcommand may use, known once the command line is parsed.
struct CliGlobals {
  ProjectPaths paths;
  int threads = 1;           // worker threads in force (after --threads)
  std::string command_line;  // as typed, for run records
};

class Commands {
 public:
  explicit Commands(CLI::App& app) : app_(app) {}
  // Adds a subcommand; `run` is called when it is the one chosen and
  // returns the exit code (0 ok, 2 bad input, 1 internal error).
  CLI::App* add(const std::string& name, const std::string& help, std::function<int(const CliGlobals&)> run);
  int dispatch(const CliGlobals& globals) const;

 private:
  CLI::App& app_;
  std::vector<std::pair<CLI::App*, std::function<int(const CliGlobals&)>>> commands_;
};

// Prints every mistake an InputError carries, one "urbis: error: ..." line each.
void log_input_error(const InputError& error);

// run (sim/cli/run_command.cpp), validate (sim/cli/validate_command.cpp)
void add_run_commands(Commands& commands);

// compare (sim/cli/compare_command.cpp)
void add_compare_commands(Commands& commands);

// list, list cities|states|networks (sim/cli/list_command.cpp)
void add_list_commands(Commands& commands);

// sweep, sweep merge, summarize, sensitivity (sim/cli/sweep_command.cpp)
void add_sweep_commands(Commands& commands);

// calibrate (sim/cli/calibrate_command.cpp)
void add_calibrate_commands(Commands& commands);

// report (sim/cli/report_command.cpp)
void add_report_commands(Commands& commands);

// serve (sim/cli/serve_command.cpp)
void add_serve_commands(Commands& commands);

// replay (sim/cli/replay_command.cpp)
void add_replay_commands(Commands& commands);

// outputs: the data dictionary (sim/cli/outputs_command.cpp)
void add_outputs_commands(Commands& commands);

}  // namespace urbis
