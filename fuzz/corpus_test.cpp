// The `fuzz` ctest: every input of fuzz/corpus and fuzz/regressions (the
// inputs the fuzzers once crashed on) through the fuzzers' own entry
// (fuzz_entry.hpp), in an ordinary build. Each must load or end in an
// InputError with file, line and column. Also the size caps, with inputs
// made here rather than committed: a 5 MiB scenario, a million-element list.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_entry.hpp"

namespace {

namespace fs = std::filesystem;
using urbis::fuzz::Outcome;
enum class Loader { scenario, sweep };

std::vector<fs::path> inputs(const std::string& kind) {
  std::vector<fs::path> out;
  for (const char* top : {"corpus", "regressions"}) {
    const fs::path dir = fs::path(URBIS_SOURCE_DIR) / "fuzz" / top / kind;
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file() && e.path().filename().string().front() != '.') out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Outcome feed(Loader loader, const std::string& bytes) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
  return loader == Loader::scenario ? urbis::fuzz::check_scenario_input(data, bytes.size())
                                    : urbis::fuzz::check_sweep_input(data, bytes.size());
}

void check_all(Loader loader, const std::string& kind) {
  const auto files = inputs(kind);
  ASSERT_GE(files.size(), 5u) << "the " << kind << " corpus is missing";
  int loaded = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
      const Outcome o = feed(loader, bytes);
      loaded += o.loaded;
      // URBIS_FUZZ_VERBOSE=1: how each input ended, to read the messages.
      if (std::getenv("URBIS_FUZZ_VERBOSE"))
        std::printf("%s: %s\n", f.filename().c_str(), o.loaded ? "loaded" : o.error.c_str());
    } catch (const urbis::fuzz::Violation& v) {
      ADD_FAILURE() << f << ": " << v.what();
    }
  }
  // The seeds from scenarios/ and configs/sweeps/ load: the corpus is not all errors.
  EXPECT_GE(loaded, 3) << kind;
}

std::string scenario_head() { return "name: big\ndescription: made by the test\ntime: {start: 2000, end: 2001}\n"; }

}  // namespace

TEST(FuzzCorpus, ScenarioInputs) { check_all(Loader::scenario, "scenario"); }
TEST(FuzzCorpus, SweepInputs) { check_all(Loader::sweep, "sweep"); }

TEST(FuzzCaps, FiveMebibyteScenarioIsRefused) {
  std::string s = scenario_head() + "# ";
  s.append(5u << 20, 'x');
  const Outcome o = feed(Loader::scenario, s);
  EXPECT_FALSE(o.loaded);
  EXPECT_NE(o.error.find("at most 4194304 bytes"), std::string::npos) << o.error;
}

TEST(FuzzCaps, MillionElementListIsRefused) {
  // Flow and block lists: both hit the node cap with a place to point at.
  for (const bool flow : {true, false}) {
    std::string s = scenario_head() + (flow ? "protagonists: [" : "protagonists:\n");
    for (int i = 0; i < 1'000'000; ++i) s += flow ? (i ? ",1" : "1") : "- 1\n";
    if (flow) s += "]\n";
    if (s.size() > (4u << 20)) s.resize(4u << 20);  // a block list this long is over the size cap anyway
    const Outcome o = feed(Loader::scenario, s);
    EXPECT_FALSE(o.loaded);
    EXPECT_FALSE(o.error.empty());
  }
}

TEST(FuzzCaps, SweepWithAMillionGridValuesIsFast) {
  // from/to/count makes a million values without a million nodes.
  const std::string s =
      "name: big\ndescription: d\nscenario: baseline\ndesign: {type: grid}\n"
      "parameters:\n  economy.club_benefit: {from: 0, to: 0.05, count: 1000000}\n"
      "metrics:\n  - {name: m, column: population}\n";
  const Outcome o = feed(Loader::sweep, s);
  (void)o;  // loads or is refused; the point is that it ends quickly
}
