#pragma once
// A sweep under mpirun: rank 0 prepares the folder and hands runs out one at
// a time (and does runs itself on another thread); the other ranks ask for a
// run, do it, and send its record back with the next request. Also how to
// tell whether an MPI launcher started this process.
#include <string>

#include "sim/sweep/runner.hpp"

namespace urbis::sweep {

// Whether this process was started by mpirun (and the build has MPI).
bool launched_by_mpi();
bool built_with_mpi();
// The number of processes an MPI launcher (mpirun, mpiexec) started, read
// from the environment it gives them (Open MPI, MPICH, Intel MPI, PMIx);
// 0 when no launcher started this one, -1 when one did but did not say how
// many. Known whether or not this build has MPI.
int mpi_launcher_size();

// Runs the sweep over the ranks of this MPI job (a job of one rank runs it
// as run_local does); returns as run_sweep does. Call only when launched_by_mpi().
int run_over_mpi(const SweepPlan& plan, const SweepOptions& options, const std::string& dir);

}  // namespace urbis::sweep
