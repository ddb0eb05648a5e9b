#pragma once
// Worlds for the benchmarks, built once per size and kept while the
// benchmarks of that size run (they are registered size by size, so at most
// one size is held at a time: a 10^6-city world is a few hundred MB).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "sim/engine/run.hpp"

namespace urbis::bench {

std::string source(const std::string& relative);

// A synthetic world of `cities` cities (configs/bench/synthetic_1e4.yaml with
// its city count changed, and its count of start networks when `networks` >
// 0), initialised and stepped once, so that every
// per-step column holds a mid-run value. `run` is the pristine copy a
// benchmark restores before each timed iteration; its world's year is the
// next one, as the phases see it when called one by one.
struct Prepared {
  std::unique_ptr<Scenario> scenario;  // the run refers to it
  std::unique_ptr<WorldData> data;
  std::optional<Run> run;
};

const Prepared& prepared(std::int64_t cities, std::int64_t networks = 0);

// The scenario library's paris_withdrawal and its loaded world.
struct Real {
  std::unique_ptr<Scenario> scenario;
  std::unique_ptr<WorldData> data;
};
Real load_paris_withdrawal();

}  // namespace urbis::bench
