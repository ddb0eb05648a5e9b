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
content() { python3 - "$1" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
w = rows[0].index("wall_seconds")
for r in [rows[0]] + sorted(rows[1:], key=lambda r: int(r[0])): print(",".join(r[:w] + r[w + 1:]))
PY
}
check "sweep with 1 thread" 0 "$bin" sweep "$sweep" -o one --threads 1
check "sweep with 4 threads" 0 "$bin" sweep "$sweep" -o four --threads 4
if cmp -s <(content one/runs.csv) <(content four/runs.csv); then ok "1 thread == 4 threads, run by run"
else bad "1 thread != 4 threads"; diff <(content one/runs.csv) <(content four/runs.csv) | head -5; fi
finish
