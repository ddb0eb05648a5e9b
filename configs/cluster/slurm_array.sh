#!/bin/bash
# A urbis sweep as a Slurm job array: each array task does a deterministic
# share of the runs (urbis reads SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT
# and SLURM_ARRAY_TASK_MIN), writing one record per run into the shared
# output folder. When every task has finished, join the records:
#
#   jobid=$(sbatch --parsable configs/cluster/slurm_array.sh)
#   sbatch --dependency=afterany:$jobid --wrap "urbis sweep merge out/sweeps/paris_withdrawal_lhs"
#
# or run `urbis sweep merge DIR` yourself; it lists runs that are missing
# (a task that failed or hit its time limit). Re-submitting the same array
# does only the missing runs (--resume below), never a finished one twice.
#
# What to change:
#   --array        the number of tasks N: --array=0-(N-1). More tasks than
#                  runs leaves some idle; about runs / 20 is a good start.
#   --cpus-per-task  cores per task; urbis runs that many runs at once.
#   --time, --mem  per task: a task does about runs / N runs; paris_withdrawal
#                  takes about half a second and 100 MB per run per core.
#   SWEEP, OUT     the sweep file and its output folder, on a file system
#                  every node sees (export them, or edit the defaults).
#   URBIS          the program, if it is not on PATH on the compute nodes.
#SBATCH --job-name=urbis-sweep
#SBATCH --array=0-3
#SBATCH --cpus-per-task=1
#SBATCH --mem=1G
#SBATCH --time=01:00:00
#SBATCH --output=urbis-sweep-%A_%a.out
set -euo pipefail
URBIS=${URBIS:-urbis}
SWEEP=${SWEEP:-configs/sweeps/paris_withdrawal_lhs.yaml}
OUT=${OUT:-out/sweeps/paris_withdrawal_lhs}
exec "$URBIS" sweep "$SWEEP" -o "$OUT" --resume --threads "${SLURM_CPUS_PER_TASK:-1}" --no-progress
