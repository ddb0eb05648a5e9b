#pragma once
// Running a sweep: this process's share of the plan's runs (sim/sweep/plan.hpp)
// on its cores (sim/sweep/local_runner.hpp), or under mpirun over the job's
// ranks (sim/sweep/mpi_runner.hpp); each finished run leaves a record in the
// sweep's folder (sim/sweep/records.hpp), and runs.csv is assembled from
// them, so an interrupted sweep never leaves a torn line and --resume does
// only the missing runs. --shard I/N (or a Slurm array task) does a
// deterministic share.
#include <string>

#include "sim/sweep/plan.hpp"

namespace urbis::sweep {

struct SweepOptions {
  std::string output;  // DIR (default: the sweep's output.directory)
  bool resume = false;
  int shard_index = 0, shard_count = 1;
  bool progress = true;
  int threads = 1;  // TBB workers in force
};

// Runs the sweep (this shard's share, or all under MPI rank 0's direction).
// Returns 0 when every run it did succeeded, 1 when some failed; throws
// InputError for a folder that holds another sweep or finished runs without --resume.
int run_sweep(const SweepPlan& plan, const SweepOptions& options);

// Joins the records of DIR into runs.csv; prints which runs are missing
// (then writes runs.partial.csv instead and returns 1).
int merge_sweep(const std::string& dir);

}  // namespace urbis::sweep
