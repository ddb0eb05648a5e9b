#!/usr/bin/env bash
# The sweep runner with threads (runs side by side through TBB): the same
# runs.csv, run by run, with 1 and with 4 threads. Named Parallel* in ctest
# so the tsan preset runs it under ThreadSanitizer, where any report makes
# urbis exit non-zero.
# Usage: sweep_threads_test.sh URBIS SOURCE_DIR
bin=$1
src=$2
. "$(dirname "$0")/lib.sh"
cd "$tmp"
sweep=$src/configs/sweeps/synthetic_grid.yaml
check "sweep with 1 thread" 0 "$bin" sweep "$sweep" -o one --threads 1
check "sweep with 4 threads" 0 "$bin" sweep "$sweep" -o four --threads 4
if cmp -s <(runs_content one/runs.csv by_run) <(runs_content four/runs.csv by_run); then ok "1 thread == 4 threads, run by run"
else bad "1 thread != 4 threads"; diff <(runs_content one/runs.csv by_run) <(runs_content four/runs.csv by_run) | head -5; fi
finish
