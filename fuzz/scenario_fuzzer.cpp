// libFuzzer target for the scenario loader: every input must end in a
// scenario or an InputError (file, line, column) -- never a crash, a hang,
// another exception or unbounded memory. Build with the `fuzz` preset (clang)
// and run: build/fuzz/fuzz/scenario_fuzzer fuzz/corpus/scenario -max_total_time=600
#include <cstdint>
#include <cstdio>
#include <string>

#include <unistd.h>

#include "sim/scenario/load_scenario.hpp"

namespace {
const urbis::Params& defaults() {
  static const urbis::Params p = urbis::load_defaults(URBIS_SOURCE_DIR "/configs/defaults.yaml");
  return p;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/urbis-fuzz-" + std::to_string(::getpid()) + ".yaml";
  if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  try {
    urbis::load_scenario(path, defaults(), {URBIS_SOURCE_DIR "/scenarios"});
  } catch (const urbis::InputError&) {
    // a clear error is a correct answer
  }
  return 0;
}
