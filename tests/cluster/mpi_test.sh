#!/usr/bin/env bash
# mpirun -np 2 urbis sweep (an MPI build) writes the same runs.csv content as
# the single-process sweep (all but wall_seconds), with every run once.
# Fails, never skips, when mpirun is missing or the program has no MPI.
# Usage: mpi_test.sh URBIS SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/check.sh"
command -v mpirun >/dev/null || { echo "FAIL: mpirun not found (Debian: openmpi-bin; scripts/install-deps.sh installs it)"; exit 1; }
flags=(--oversubscribe -np 2)
[ "$(id -u)" -eq 0 ] && flags+=(--allow-run-as-root)
sweep=$src/configs/sweeps/synthetic_grid.yaml
"$bin" sweep "$sweep" -o "$tmp/single" --threads 2 --no-progress >/dev/null 2>"$tmp/err1" || { echo "FAIL: single-process sweep"; cat "$tmp/err1"; exit 1; }
mpirun "${flags[@]}" "$bin" sweep "$sweep" -o "$tmp/mpi" --no-progress >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && ok "mpirun -np 2 urbis sweep" || { bad "mpirun exit $rc"; cat "$tmp/out" "$tmp/err"; }
if grep -q "over 2 MPI ranks" "$tmp/err"; then ok "rank 0 shared the runs over 2 ranks"; else
  bad "no sign of MPI (is this an MPI build? configure with -DURBIS_WITH_MPI=ON)"; cat "$tmp/err"; fi
if [ -f "$tmp/mpi/runs.csv" ] && cmp -s <(runs_content "$tmp/single/runs.csv") <(runs_content "$tmp/mpi/runs.csv"); then
  ok "mpirun runs.csv == single-process runs.csv"
else
  bad "runs.csv differ"; diff <(runs_content "$tmp/single/runs.csv") <(runs_content "$tmp/mpi/runs.csv") | head
fi
finish sweep_mpi
