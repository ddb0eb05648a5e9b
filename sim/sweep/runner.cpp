#include "sim/sweep/runner.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "sim/core/input_error.hpp"
#include "sim/sweep/local_runner.hpp"
#include "sim/sweep/mpi_runner.hpp"
#include "sim/sweep/records.hpp"

namespace fs = std::filesystem;

namespace urbis::sweep {

int run_sweep(const SweepPlan& plan, const SweepOptions& o) {
  const std::string dir = o.output.empty() ? plan.spec.output : o.output;
  if (launched_by_mpi()) return run_over_mpi(plan, o, dir);
  return run_local(plan, o, dir);
}

int merge_sweep(const std::string& dir) {
  if (!fs::exists(manifest_path(dir))) throw InputError({dir}, "no sweep.json here: not the output folder of a sweep");
  const auto missing = assemble(dir, true);
  if (missing.empty()) {
    fmt::print("runs.csv written: {} (every run recorded)\n", (fs::path(dir) / "runs.csv").string());
    return 0;
  }
  fmt::print(
      "{} runs missing: {}\nthe runs recorded so far are in {}; do the missing ones with: urbis sweep SWEEP.yaml "
      "-o {} --resume (with the same --shard, or without to do them all)\n",
      missing.size(), ranges(missing), (fs::path(dir) / "runs.partial.csv").string(), dir);
  return 1;
}

}  // namespace urbis::sweep
