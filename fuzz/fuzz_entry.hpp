#pragma once
// The one entry point shared by the libFuzzer targets and the `fuzz` ctest
// (fuzz/corpus_test.cpp): it feeds one input to a loader and says how it
// ended. The contract (issue 7): every input ends in a valid result or an
// InputError that names the file, line and column -- never a crash, a hang,
// another exception or unbounded memory. Anything else is a Violation.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace urbis::fuzz {

// Thrown when an input breaks the contract (the fuzzers abort on it, the
// ctest fails on it); what() says how.
struct Violation : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// How an input ended: loaded, or refused with this message.
struct Outcome {
  bool loaded = false;
  std::string error;  // "file:line:column: message" when refused
};

// Write the bytes to a private temporary file (the loaders read files, and
// a file name is part of every message) and load it as a scenario or a
// sweep file. Scenario inputs may extend scenarios/ and the scenario corpus
// by name. Throw Violation. (Two functions in two sources, so the scenario
// fuzzer needs only the scenario loader, not the engine behind the sweeps.)
Outcome check_scenario_input(const std::uint8_t* data, std::size_t size);
Outcome check_sweep_input(const std::uint8_t* data, std::size_t size);

// What both share: writes the input to `name` in the private folder, calls
// load(path) and checks how it ended.
Outcome check_with(const std::uint8_t* data, std::size_t size, const char* name, void (*load)(const std::string& path));

}  // namespace urbis::fuzz
