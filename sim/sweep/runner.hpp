#pragma once
// Running a sweep: the table of runs (point x replicate, with seeds derived
// from the sweep seed), one record per finished run written atomically into
// DIR/records/, and runs.csv assembled from the records, so an interrupted
// sweep never leaves a torn line and --resume does only the missing runs.
// Runs share the cores through TBB; --shard I/N (or a Slurm array task) does
// a deterministic share; under mpirun, rank 0 hands runs out one at a time.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/engine/run.hpp"
#include "sim/sweep/design.hpp"
#include "sim/sweep/spec.hpp"

namespace urbis::sweep {

// The runs of a sweep. A point is a parameter point with one scenario: with
// S scenarios, point = parameter point x S + scenario, so the scenarios of
// a parameter point are neighbours; run id = point x replicates + replicate.
// The seed depends on the parameter point and the replicate, not on the
// scenario: the scenarios of a point run with the same seeds (common random
// numbers) and their outcomes pair run by run.
struct SweepPlan {
  SweepSpec spec;
  std::vector<Scenario> bases;             // per scenario, with the sweep's `set:` applied
  std::vector<std::string> scenario_args;  // how `urbis run` names each in the records' commands
  Matrix points;             // parameter values of each parameter point
  RunContext context;        // world folder
  std::int64_t point_count() const { return static_cast<std::int64_t>(points.size() * bases.size()); }
  std::int64_t runs() const { return point_count() * spec.replicates; }
  std::vector<std::string> header() const;  // columns of runs.csv
};

SweepPlan make_plan(SweepSpec spec, std::vector<Scenario> bases, std::vector<std::string> scenario_args,
                    RunContext context);

struct SweepOptions {
  std::string output;        // DIR (default: the sweep's output.directory)
  bool resume = false;
  int shard_index = 0, shard_count = 1;
  bool progress = true;
  int threads = 1;           // TBB workers in force
};

// Runs the sweep (this shard's share, or all under MPI rank 0's direction).
// Returns 0 when every run it did succeeded, 1 when some failed; throws
// InputError for a folder that holds another sweep or finished runs without --resume.
int run_sweep(const SweepPlan& plan, const SweepOptions& options);

// Joins the records of DIR into runs.csv; prints which runs are missing
// (then writes runs.partial.csv instead and returns 1).
int merge_sweep(const std::string& dir);

// For each varied parameter, a run with it at its high end against a run
// with every parameter at its low end (same seed): the names of parameters
// whose change left every reported number the same.
std::vector<std::string> parameters_without_effect(const SweepPlan& plan);

// Whether this process was started by mpirun (and the build has MPI).
bool launched_by_mpi();
bool built_with_mpi();
// The number of processes an MPI launcher (mpirun, mpiexec) started, read
// from the environment it gives them (Open MPI, MPICH, Intel MPI, PMIx);
// 0 when no launcher started this one, -1 when one did but did not say how
// many. Known whether or not this build has MPI.
int mpi_launcher_size();

// runs.csv's fixed leading columns and the reading of sweep.json, shared with summarize/sensitivity.
std::string manifest_path(const std::string& dir);

}  // namespace urbis::sweep
