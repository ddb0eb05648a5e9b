// urbis-serve: `urbis serve`, the live view and the participatory classroom
// over HTTP, in a program of its own so that only it loads the HTTP library
// (sim/cli/serve_forward.hpp). urbis starts it with its own command line
// ("urbis serve ..."); `urbis-serve serve ...` is the same.
#include "sim/cli/huge_pages.hpp"
#include "sim/cli/program.hpp"

int main(int argc, char** argv) {
  using namespace urbis;
  restart_with_huge_pages(argv);
  keep_freed_memory();
  return run_program(argc, argv, {add_serve_commands});
}
