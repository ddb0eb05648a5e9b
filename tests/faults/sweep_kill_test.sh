#!/usr/bin/env bash
# kill -9 a sweep at random moments, again and again (each restart with
# --resume), then --resume to the end: every run is in runs.csv exactly
# once, with the same results as an uninterrupted sweep, and every record
# left by a killed sweep is whole. (tests/sweep/sweep_cli_test.sh kills once
# at a chosen moment; this kills several times at random ones.)
# Usage: sweep_kill_test.sh URBIS SOURCE_DIR
bin=$1
src=$2
. "$(dirname "$0")/lib.sh"
cd "$tmp"
sweep=$src/configs/sweeps/synthetic_grid.yaml  # 18 runs
runs=18

t0=$(now_ms)
check "uninterrupted sweep" 0 "$bin" sweep "$sweep" -o plain --threads 2
took=$(($(now_ms) - t0))
echo "uninterrupted sweep: ${took} ms"

resume=""
for i in 1 2 3 4 5; do
  "$bin" sweep "$sweep" -o killed --threads 2 $resume >/dev/null 2>&1 &
  pid=$!
  random_sleep $((took / 2))
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  n=$(ls killed/records 2>/dev/null | grep -c '\.csv$')
  echo "kill $i: $n of $runs runs recorded"
  # A record is one line per run, written whole or not at all.
  for r in killed/records/*.csv; do
    [ -e "$r" ] || continue
    python3 - "$r" <<'PY' || bad "kill $i: damaged record $r"
import sys
text = open(sys.argv[1]).read()
assert text.endswith("\n") and text.count("\n") >= 1, repr(text[-80:])
PY
  done
  [ -e killed/runs.csv ] && [ "$n" -lt "$runs" ] && bad "kill $i: runs.csv before every run is recorded"
  [ -e killed/runs.csv ] && break  # finished before the kill
  resume=--resume
done
before=$(ls killed/records 2>/dev/null | grep -c '\.csv$')
check "--resume after the kills" 0 "$bin" sweep "$sweep" -o killed --resume --threads 2
if [ ! -e killed/runs.csv ] || [ "$before" -lt "$runs" ]; then
  grep -q "$((runs - before)) runs in" "$tmp/err" && ok "resume did only the $((runs - before)) missing runs" \
    || bad "resume count: $(cat "$tmp/err")"
fi
python3 - killed/runs.csv "$runs" <<'PY' && ok "every run exactly once" || bad "runs after resume"
import csv, sys
ids = [int(r["run_id"]) for r in csv.DictReader(open(sys.argv[1]))]
assert sorted(ids) == list(range(int(sys.argv[2]))), ids
PY
# runs.csv without wall_seconds (the only field that differs between executions), sorted by run.
if cmp -s <(runs_content plain/runs.csv by_run) <(runs_content killed/runs.csv by_run); then ok "killed and resumed == uninterrupted"
else bad "killed and resumed != uninterrupted"; diff <(runs_content plain/runs.csv by_run) <(runs_content killed/runs.csv by_run) | head -5; fi
finish
