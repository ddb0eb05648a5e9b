// `urbis outputs [-o FILE]`: the data dictionary, every column of every file
// a run writes with its unit, range, precision and meaning, as Markdown: the
// text of docs/OUTPUTS.md (analysis/observables.hpp).
#include <memory>

#include <fmt/format.h>

#include "analysis/observables.hpp"
#include "sim/cli/commands.hpp"
#include "sim/output/atomic_file.hpp"

namespace urbis {

void add_outputs_commands(Commands& commands) {
  auto output = std::make_shared<std::string>();
  CLI::App* cmd = commands.add("outputs", "Print the data dictionary of a run's output files (docs/OUTPUTS.md)",
                               [output](const CliGlobals&) {
                                 const std::string md = outputs_markdown();
                                 if (output->empty()) fmt::print("{}", md);
                                 else write_file_atomically(*output, md);
                                 return 0;
                               });
  cmd->add_option("-o,--output", *output, "Write it to this file instead of printing it");
}

}  // namespace urbis
