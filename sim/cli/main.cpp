// The urbis command: every face but the server, which runs as urbis-serve
// beside it (sim/cli/serve_forward.hpp); the body is sim/cli/program.cpp.
#include "sim/cli/huge_pages.hpp"
#include "sim/cli/program.hpp"
#include "sim/cli/serve_forward.hpp"

int main(int argc, char** argv) {
  using namespace urbis;
  forward_serve(argc, argv);  // before the restart: urbis-serve makes its own
  restart_with_huge_pages(argv);
  keep_freed_memory();
  return run_program(
      argc, argv,
      {add_run_commands, add_compare_commands, add_list_commands, add_sweep_commands, add_calibrate_commands,
       add_report_commands, add_serve_forward, add_replay_commands, add_outputs_commands});
}
