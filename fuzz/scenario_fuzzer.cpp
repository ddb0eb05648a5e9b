// libFuzzer target for the scenario loader: every input must end in a
// scenario or an InputError (file, line, column) -- never a crash, a hang,
// another exception or unbounded memory (README, "Check presets").
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    urbis::fuzz::check_scenario_input(data, size);
  } catch (const urbis::fuzz::Violation& v) {
    std::fprintf(stderr, "contract violated: %s\n", v.what());
    std::abort();
  }
  return 0;
}
