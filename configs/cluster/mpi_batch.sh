#!/bin/bash
# A urbis sweep over MPI ranks in one Slurm job (needs urbis built with
# -DURBIS_WITH_MPI=ON, see docs/SWEEPS.md). Rank 0 hands the runs out one at
# a time, so uneven run times balance, does runs itself between messages,
# and writes the one runs.csv; each rank loads the world once and runs its
# runs with its share of the node's cores.
#
#   sbatch configs/cluster/mpi_batch.sh
#
# What to change:
#   --nodes, --ntasks-per-node  ranks: one per core is simplest
#                  (--cpus-per-task=1); fewer ranks with more cores each
#                  also works (each rank runs its runs on its cores).
#   --time         the whole sweep: runs x seconds per run / ranks, plus margin.
#   SWEEP, OUT     the sweep file and its output folder (shared file system).
#   URBIS          the program, if it is not on PATH.
# If the job is killed, submit it again: --resume does only the missing runs.
# Outside Slurm: mpirun -np 8 urbis sweep SWEEP.yaml -o DIR
#SBATCH --job-name=urbis-sweep-mpi
#SBATCH --nodes=2
#SBATCH --ntasks-per-node=16
#SBATCH --cpus-per-task=1
#SBATCH --time=02:00:00
#SBATCH --output=urbis-sweep-mpi-%j.out
set -euo pipefail
URBIS=${URBIS:-urbis}
SWEEP=${SWEEP:-configs/sweeps/paris_withdrawal_lhs.yaml}
OUT=${OUT:-out/sweeps/paris_withdrawal_lhs}
# srun starts the ranks where Slurm's MPI support is set up; mpirun (Open MPI)
# reads the allocation from Slurm as well.
exec mpirun "$URBIS" sweep "$SWEEP" -o "$OUT" --resume --no-progress
