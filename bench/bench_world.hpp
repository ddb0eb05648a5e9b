#pragma once
// Worlds for the benchmarks, built once per size and kept while the
// benchmarks of that size run (they are registered size by size, so at most
// one size is held at a time: a 10^6-city world is a few hundred MB).
#include <cstdint>
#include <memory>
#include <string>

#include "sim/core/random.hpp"
#include "sim/engine/timeline.hpp"

namespace urbis::bench {

std::string source(const std::string& relative);

// A synthetic world of `cities` cities (configs/bench/synthetic_1e4.yaml with
// its city count changed, and its count of start networks when `networks` >
// 0), initialised and stepped once, so that every per-step column holds a
// mid-run value. `world` is the pristine copy a benchmark restores before
// each timed iteration; `loaded` is the world as loaded, before start-up.
struct Prepared {
  std::unique_ptr<Scenario> scenario;  // the timeline refers to it
  std::unique_ptr<WorldData> data;
  std::unique_ptr<Timeline> timeline;
  std::unique_ptr<Timeline> loaded_timeline;  // the timeline before start-up
  World loaded;
  World world;
  Params params;
  Streams rng{0};
};

const Prepared& prepared(std::int64_t cities, std::int64_t networks = 0);

// The scenario library's paris_withdrawal and its loaded world.
struct Real {
  std::unique_ptr<Scenario> scenario;
  std::unique_ptr<WorldData> data;
};
Real load_paris_withdrawal();

}  // namespace urbis::bench
