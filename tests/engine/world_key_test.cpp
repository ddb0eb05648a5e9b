// The world cache key (sim/engine/run.hpp world_key) holds what the loaders
// read and nothing else. A world loaded under other parameters (or another
// seed, end year or count of start networks) must run exactly like the one
// loaded under the scenario's own: otherwise a loader reads a parameter, and
// the sweep and calibration, which load one world per key, would run stale
// worlds. An edited world file must change the key.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "sim/core/param_table.hpp"
#include "tests/engine/run_support.hpp"

namespace urbis::test {
namespace {

namespace fs = std::filesystem;

// Another valid value of a parameter: halfway to the far end of its range
// (a whole number for counts), the other value of a flag.
double other_value(const ParamSpec& spec, double v) {
  if (spec.kind == ParamKind::flag) return v == 0 ? 1 : 0;
  const double hi = std::isfinite(spec.max) ? spec.max : v + 1 + std::abs(v);
  const double far = v == hi ? spec.min : hi;
  const double w = v + (far - v) / 2;
  return spec.kind == ParamKind::count ? (std::round(w) == v ? far : std::round(w)) : w;
}

// The bytes of every output file of a short run of `s` on `data`.
std::string run_bytes(const Scenario& s, const WorldData& data, const std::string& tag) {
  const fs::path dir = fresh_dir("world-key-" + tag);
  {
    CsvOutput out(dir.string(), s);
    run_loaded(s, data, out, context());
  }
  std::string bytes;
  for (const char* f : {"global.csv", "states.csv", "networks.csv", "events.csv", "cities.csv", "memberships.csv"})
    bytes += std::string(f) + "\n" + slurp(dir / f);
  fs::remove_all(dir);
  return bytes;
}

// `s` with everything but its world and start year changed.
Scenario everything_else_changed(Scenario s) {
  for (const ParamSpec& spec : param_table()) spec.ref(s.params) = other_value(spec, spec.ref(s.params));
  s.seed += 1;
  s.end += 5;
  s.world.real.initial_networks += 3;
  return s;
}

void expect_loaders_read_no_parameter(const std::string& scenario_file) {
  const Scenario s = load(scenario_file);
  const Scenario other = everything_else_changed(s);
  EXPECT_EQ(world_key(s, context()), world_key(other, context()));

  const WorldData own = load_world(s, context());
  const std::string want = run_bytes(s, own, "own");
  ASSERT_GT(want.size(), 1000u);
  const WorldData loaded_otherwise = load_world(other, context());
  EXPECT_EQ(own.problems, loaded_otherwise.problems);
  if (run_bytes(s, loaded_otherwise, "other") == want) return;

  // Name the parameters a loader reads.
  std::string read;
  for (const ParamSpec& spec : param_table()) {
    Scenario one = s;
    spec.ref(one.params) = other_value(spec, spec.ref(one.params));
    if (run_bytes(s, load_world(one, context()), "one") != want) read += (read.empty() ? "" : ", ") + spec.path;
  }
  ADD_FAILURE() << scenario_file << ": a world loaded under other parameters runs differently; the loaders read "
                << (read.empty() ? std::string("the seed, end year or initial_networks") : read)
                << ". Loaders read data only: apply parameters in agents/ at initialisation, or the world cache "
                   "(world_key) serves stale worlds.";
}

TEST(WorldKey, RealWorldLoadReadsNoParameter) {
  expect_loaders_read_no_parameter("tests/engine/golden/paris_withdrawal_2030.yaml");
}

TEST(WorldKey, SyntheticWorldLoadReadsNoParameter) {
  expect_loaders_read_no_parameter("tests/engine/golden/synthetic_9k.yaml");
}

TEST(WorldKey, StartYearAndSyntheticSpecChangeTheKey) {
  const Scenario s = load("tests/engine/golden/synthetic_9k.yaml");
  const std::string key = world_key(s, context());
  Scenario later = s;
  later.start += 1;
  EXPECT_NE(world_key(later, context()), key);
  for (auto change : std::vector<void (*)(SyntheticWorldSpec&)>{
           [](SyntheticWorldSpec& w) { w.cities += 1; }, [](SyntheticWorldSpec& w) { w.states += 1; },
           [](SyntheticWorldSpec& w) { w.regions += 1; }, [](SyntheticWorldSpec& w) { w.networks += 1; },
           [](SyntheticWorldSpec& w) { w.seed += 1; }, [](SyntheticWorldSpec& w) { w.zipf_exponent += 0.125; }}) {
    Scenario t = s;
    change(t.world.synthetic);
    EXPECT_NE(world_key(t, context()), key);
  }
}

TEST(WorldKey, AnEditedWorldFileChangesTheKey) {
  const fs::path dir = fresh_dir("world-key-files");
  fs::create_directories(dir / "members");
  for (const auto& e : fs::directory_iterator(source("configs/world")))
    if (e.is_regular_file()) fs::copy_file(e.path(), dir / e.path().filename());
  std::ofstream(dir / "members" / "extra.csv") << "city,iso3\n";
  Scenario s = load("tests/engine/golden/paris_withdrawal_2030.yaml");
  s.world.real.directory = dir.string();
  const std::string key = world_key(s, context());
  EXPECT_EQ(world_key(s, context()), key);  // nothing changed: the same key
  Scenario later = s;
  later.start += 1;
  EXPECT_NE(world_key(later, context()), key);

  // Edited (a longer file), then the same size but changed again later.
  const fs::path traits = dir / "state_traits.yaml";
  const std::string text = slurp(traits);
  std::ofstream(traits, std::ios::app) << "# edited\n";
  const std::string edited = world_key(s, context());
  EXPECT_NE(edited, key);
  std::ofstream(traits, std::ios::trunc) << text;
  fs::last_write_time(traits, fs::last_write_time(traits) + std::chrono::seconds(10));
  EXPECT_NE(world_key(s, context()), key);
  EXPECT_NE(world_key(s, context()), edited);

  // A file in a subfolder (members files may be there) and a new file count too.
  const std::string before = world_key(s, context());
  std::ofstream(dir / "members" / "extra.csv", std::ios::app) << "Paris,FRA\n";
  EXPECT_NE(world_key(s, context()), before);
  const std::string with_extra = world_key(s, context());
  std::ofstream(dir / "more-members.csv") << "city,iso3\n";
  EXPECT_NE(world_key(s, context()), with_extra);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace urbis::test
