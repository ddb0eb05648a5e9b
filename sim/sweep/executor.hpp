#pragma once
// Does one run of a sweep's plan and returns its runs.csv line: the run's
// scenario (the point's parameters set, its seed), the outcome metrics, and
// when the sweep asks for trajectories, the run's own folder with its CSV
// files and run.json. Used by every runner (local threads, MPI ranks).
// Thread-safe: several threads may call run() at once.
#include <cstdint>
#include <string>

#include "sim/sweep/plan.hpp"
#include "sim/sweep/world_cache.hpp"

namespace urbis::sweep {

// `context` with the interrupt check at every step boundary: after SIGINT or
// SIGTERM a run stops at the next year and throws Interrupted.
RunContext interruptible(RunContext context);

class Executor {
 public:
  Executor(const SweepPlan& plan, std::string dir);

  // Runs the run and returns its record line; ok tells whether it succeeded.
  // Throws Interrupted (at a step boundary) after SIGINT or SIGTERM: the run
  // is then not recorded.
  std::string run(std::int64_t id, bool& ok);
  void write_record(std::int64_t id, const std::string& line) const;

 private:
  // A point's parameter point and scenario.
  std::size_t param_point(std::int64_t point) const { return static_cast<std::size_t>(point) / plan_.bases.size(); }
  std::size_t scenario(std::int64_t point) const { return static_cast<std::size_t>(point) % plan_.bases.size(); }
  Scenario scenario_of(std::int64_t point, std::uint64_t seed) const;
  // The `urbis run` command that reproduces the run.
  std::string command(std::int64_t point, std::uint64_t seed) const;

  const SweepPlan& plan_;
  std::string dir_;
  WorldCache worlds_;
};

}  // namespace urbis::sweep
