// Golden files: a real-world run (paris_withdrawal to 2030) and a synthetic
// one must give exactly the outputs recorded in tests/engine/golden/. An
// optimisation of the engine must not change a single byte; a change of the
// model that is meant to change results regenerates them
// (tests/engine/golden/README.md).
//
// Every output file is checked by its size and a 64-bit FNV-1a digest of its
// bytes (digests.txt); the smaller files are also kept whole, so that a
// failure shows the first line that differs. (The whole files of both runs
// would be about 15 MB; the digests keep the folder small.)
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "tests/engine/run_support.hpp"

namespace urbis::test {
namespace {

const char* const kFiles[] = {"global.csv", "states.csv", "networks.csv",
                              "events.csv", "cities.csv", "memberships.csv"};

std::string digest(const std::string& bytes) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a, 64 bits
  for (unsigned char ch : bytes) h = (h ^ ch) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return std::to_string(bytes.size()) + " " + hex;
}

// First line (1-based) where a and b differ, with both lines.
std::string first_difference(const std::string& a, const std::string& b) {
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size() && a[i] == b[i]; ++i)
    if (a[i] == '\n') ++line, start = i + 1;
  auto line_at = [&](const std::string& s) {
    if (start >= s.size()) return std::string("(end of file)");
    const auto end = s.find('\n', start);
    return s.substr(start, end == std::string::npos ? std::string::npos : end - start);
  };
  return "line " + std::to_string(line) + "\n  golden: " + line_at(a) + "\n  now:    " + line_at(b);
}

bool updating() {
  const char* v = std::getenv("URBIS_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

// Runs tests/engine/golden/<name>.yaml and compares its outputs with
// tests/engine/golden/<name>/; `whole` are the files kept whole.
void check_golden(const std::string& name, const std::set<std::string>& whole) {
  const auto golden = std::filesystem::path(source("tests/engine/golden")) / name;
  const Scenario s = load("tests/engine/golden/" + name + ".yaml");
  const auto dir = fresh_dir("golden-" + name);
  run_into(s, dir, 2);  // any thread count gives the same bytes (Determinism.*)

  if (updating()) {
    std::filesystem::remove_all(golden);
    std::filesystem::create_directories(golden);
    std::ofstream digests(golden / "digests.txt");
    for (const char* f : kFiles) {
      digests << f << " " << digest(slurp(dir / f)) << "\n";
      if (whole.count(f)) std::filesystem::copy_file(dir / f, golden / f);
    }
    std::filesystem::remove_all(dir);
    GTEST_SKIP() << "regenerated " << golden;
  }

  std::map<std::string, std::string> recorded;
  {
    std::ifstream in(golden / "digests.txt");
    std::string file, size, hash;
    while (in >> file >> size >> hash) recorded[file] = size + " " + hash;
  }
  ASSERT_FALSE(recorded.empty()) << golden / "digests.txt"
                                 << " is missing; see tests/engine/golden/README.md";
  bool same = true;
  for (const char* f : kFiles) {
    const std::string now = slurp(dir / f);
    if (whole.count(f)) {
      const std::string want = slurp(golden / f);
      EXPECT_TRUE(want == now) << name << "/" << f << " differs from the golden file at "
                               << first_difference(want, now);
    }
    const bool match = recorded[f] == digest(now);
    EXPECT_TRUE(match) << name << "/" << f << ": size and digest " << digest(now) << ", golden " << recorded[f];
    same = same && match;
  }
  if (same) {
    std::filesystem::remove_all(dir);
  } else {
    ADD_FAILURE() << "The engine's results changed; this run's files are kept in " << dir
                  << ". An optimisation must not change them. If a model change is meant to, regenerate "
                     "the golden files as tests/engine/golden/README.md says.";
  }
}

TEST(Golden, ParisWithdrawalTo2030IsByteIdentical) {
  check_golden("paris_withdrawal_2030", {"global.csv", "events.csv"});
}

TEST(Golden, Synthetic9kIsByteIdentical) {
  check_golden("synthetic_9k", {"global.csv", "states.csv", "networks.csv", "events.csv", "memberships.csv"});
}

}  // namespace
}  // namespace urbis::test
