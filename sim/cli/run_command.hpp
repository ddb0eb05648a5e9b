#pragma once
// `urbis run`: one or more scenarios, each into its own folder.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/commands.hpp"
#include "sim/cli/paths.hpp"

namespace urbis {

struct RunOptions {
  std::vector<std::string> scenarios;
  std::string output;  // -o: folder (one scenario) or parent folder (several)
  std::optional<std::uint64_t> seed;
  std::vector<std::string> sets;  // --set path=value
  bool force = false;             // overwrite a folder that holds a finished run
  bool progress = true;
};

// Returns the exit code: 0 all succeeded, 2 bad input, 1 internal error.
int run_command(const RunOptions& options, const CliGlobals& globals);

// `urbis validate` (sim/cli/validate_command.cpp).
void add_validate_command(Commands& commands);

}  // namespace urbis
