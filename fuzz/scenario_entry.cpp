#include "fuzz/fuzz_entry.hpp"
#include "sim/scenario/load_scenario.hpp"

namespace urbis::fuzz {
namespace {

const Params& defaults() {
  static const Params p = load_defaults(URBIS_SOURCE_DIR "/configs/defaults.yaml");
  return p;
}

void load(const std::string& path) {
  load_scenario(path, defaults(), {URBIS_SOURCE_DIR "/scenarios", URBIS_SOURCE_DIR "/fuzz/corpus/scenario"});
}

}  // namespace

Outcome check_scenario_input(const std::uint8_t* data, std::size_t size) {
  return check_with(data, size, "input.yaml", load);
}

}  // namespace urbis::fuzz
