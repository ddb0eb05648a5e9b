#include "fuzz/fuzz_entry.hpp"
#include "sim/sweep/spec.hpp"

namespace urbis::fuzz {
namespace {

void load(const std::string& path) { sweep::load_sweep(path); }

}  // namespace

Outcome check_sweep_input(const std::uint8_t* data, std::size_t size) {
  return check_with(data, size, "sweep.yaml", load);
}

}  // namespace urbis::fuzz
