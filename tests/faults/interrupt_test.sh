#!/usr/bin/env bash
# SIGINT and SIGTERM, sent by `kill` at random moments to real processes of
# run, sweep, compare and calibrate. Each stops at a step boundary with one
# line on stderr and exit code 130 (SIGINT) or 143 (SIGTERM), or finishes
# first (exit 0) with complete outputs; no temporary file survives either
# way; an interrupted --force leaves the old run whole; a job started in the
# background from a script (SIGINT ignored at start) still stops on SIGINT;
# and the temporary files a killed process left are removed by the next job
# in that folder, while those of a live process are kept.
# Usage: interrupt_test.sh URBIS SOURCE_DIR
bin=$1
src=$2
. "$(dirname "$0")/lib.sh"
cd "$tmp"
cat > world.yaml <<'YAML'
name: interrupt_me
description: A synthetic run to interrupt.
world:
  synthetic: {cities: 20000, states: 40, regions: 5, networks: 20, seed: 7}
time: {start: 2000, end: 2009}
seed: 42
events:
  - {year: 2003, type: withdraw, state: S001, agreement: paris}
output:
  cities: {stride: 3}
YAML
scenario=$tmp/world.yaml

t0=$(now_ms)
check "uninterrupted run" 0 "$bin" run "$scenario" -o ref --threads 2 --no-progress
took=$(($(now_ms) - t0))
outputs=$(cd ref && ls)
echo "reference run: ${took} ms, outputs: $(echo $outputs)"

no_temps() {  # folder, description
  local left
  left=$(find "$1" -name '*.tmp.*' 2>/dev/null)
  [ -z "$left" ] && ok "$2: no temporary file left" || bad "$2: left $left"
}
# The interrupt is told in one line, the last. An empty stderr means the
# signal came before main() installed the handlers (a sanitized build on a
# busy machine can take longer than $settle ms to get there): the default
# action ended the process, silently, which is allowed; the checks that
# follow (nothing written, the old output whole) still apply. At least one
# interrupt of the whole test must be answered in words (checked at the end),
# so handlers that never speak still fail.
answered=0
one_line() {  # stderr file, signal name, description
  if [ ! -s "$1" ]; then ok "$3: ended at start-up, before the handlers (silent)"; return; fi
  if [ "$(grep -c interrupted "$1")" -eq 1 ] && tail -1 "$1" | grep -q "^urbis: interrupted by $2" && ! grep -q "error" "$1"
  then ok "$3: one line: $(tail -1 "$1")"; answered=$((answered + 1))
  else bad "$3: expected one last line 'urbis: interrupted by $2...', got: $(cat "$1")"; fi
}
expected_code() { [ "$1" = INT ] && echo 130 || echo 143; }
# Starts a command in the background, sends the signal after a random
# fraction (up to $max_ms) of its time, waits; sets $code. After $settle ms
# at least (0 unless set): a signal in the first milliseconds, before main()
# installs the handlers, ends the process by the default action (the run
# loop below allows for that; the other checks want the handlers' answer).
settle=0
interrupt() {  # signal, max_ms, stderr file, command...
  local sig=$1 max=$2 err=$3
  shift 3
  "$@" >/dev/null 2>"$err" &
  local pid=$!
  [ "$settle" -gt 0 ] && sleep "0.$(printf %03d "$settle")"
  random_sleep "$max"
  kill -"$sig" "$pid" 2>/dev/null
  wait "$pid"
  code=$?
}

# --- run: interrupted runs leave nothing; finished ones are whole -------------
for sig in INT TERM; do
  for i in 1 2 3; do
    d=run_${sig}_$i
    interrupt "$sig" $((took * 9 / 10)) err "$bin" run "$scenario" -o "$d" --threads 2 --no-progress
    if [ "$code" -eq "$(expected_code $sig)" ] && [ ! -s err ]; then
      # The signal came in the first milliseconds, before main() installed
      # the handlers: the default action ended the process, silently.
      [ -z "$(ls -A "$d" 2>/dev/null)" ] && ok "run SIG$sig $i: ended at start-up, nothing written" || bad "run SIG$sig $i: left $(ls -A "$d")"
    elif [ "$code" -eq "$(expected_code $sig)" ]; then
      one_line err "SIG$sig" "run SIG$sig $i"
      [ -z "$(ls -A "$d" 2>/dev/null)" ] && ok "run SIG$sig $i: nothing written" || bad "run SIG$sig $i: left $(ls -A "$d")"
    elif [ "$code" -eq 0 ]; then
      for f in $outputs; do [ "$f" = run.json ] || cmp -s "ref/$f" "$d/$f" || bad "run SIG$sig $i: finished, but $f differs"; done
      ok "run SIG$sig $i: finished before the signal, outputs whole"
    else
      bad "run SIG$sig $i: exit $code"; cat err
    fi
    no_temps "$d" "run SIG$sig $i"
  done
done

settle=200
# --- an interrupted --force leaves the old run, or the new one whole ------------
for i in 1 2 3; do
  d=force_$i
  cp -r ref "$d"
  sums "$d" > old.sums
  interrupt INT $((took * 9 / 10)) err "$bin" run "$scenario" -o "$d" --force --seed 43 --threads 2 --no-progress
  if [ "$code" -eq 130 ]; then
    one_line err SIGINT "--force $i"
    grep -q "still in place" err && ok "--force $i: says the old run is still in place" || bad "--force $i: $(cat err)"
    cmp -s old.sums <(sums "$d") && ok "--force $i: the old run is whole" || bad "--force $i: the old run changed"
  elif [ "$code" -eq 0 ]; then
    python3 - "$d" $outputs <<'PY' && ok "--force $i: finished: the new run whole" || bad "--force $i: finished, but mixed"
import json, os, sys
d, files = sys.argv[1], sys.argv[2:]
r = json.load(open(os.path.join(d, "run.json")))
assert r["seed"] == 43, r["seed"]
assert sorted(r["files"] + ["run.json"]) == sorted(files), r["files"]
PY
  else
    bad "--force $i: exit $code"; cat err
  fi
  no_temps "$d" "--force $i"
done

# --- a background job of a script starts with SIGINT ignored -------------------
# Two and a half times the cities for ten times the years of the reference
# run: still running when the signal comes, however fast the machine (the
# signal cannot come sooner: the handlers must be installed first).
cat > long.yaml <<YAML
name: long
description: the run to interrupt, a larger world for a century
extends: world.yaml
world:
  synthetic: {cities: 50000, states: 40, regions: 5, networks: 20, seed: 7}
time: {end: 2099}
YAML
( trap '' INT; exec "$bin" run long.yaml -o background --threads 2 --no-progress ) >/dev/null 2>err &
pid=$!
ms=$((took / 3 > 300 ? took / 3 : 300))  # past the start, where the handlers are installed
sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"
kill -INT "$pid"
wait "$pid"
code=$?
[ "$code" -eq 130 ] && ok "a job started with SIGINT ignored stops on SIGINT (exit 130)" || bad "background job: exit $code"
one_line err SIGINT "background job"
no_temps background "background job"

# --- a command with no step to stop at ends at once, as usual ------------------------
# validate builds the world of a million cities, about 0.2 s on a fast machine:
# signalled sooner each time it finishes first, so that the signal comes
# mid-way. (A signal before main() ends it the same way.)
code=0
for delay in 0.3 0.1 0.03 0.01; do
  "$bin" validate "$src/configs/bench/synthetic_1e6.yaml" >/dev/null 2>err &
  pid=$!
  sleep "$delay"
  kill -TERM "$pid" 2>/dev/null  # (SIGINT: a background job of a script ignores it, and so does urbis validate, as it should)
  wait "$pid"
  code=$?
  [ "$code" -ne 0 ] && break  # signalled before it finished
done
[ "$code" -eq 143 ] && [ ! -s err ] && ok "urbis validate ends at once on SIGTERM (killed by it)" || bad "validate: exit $code, $(cat err)"

# --- sweep: the records so far are whole; --resume completes it -----------------
sweep=$src/configs/sweeps/synthetic_grid.yaml
t0=$(now_ms)
check "uninterrupted sweep" 0 "$bin" sweep "$sweep" -o sweep_ref --threads 2 --no-progress
sweep_took=$(($(now_ms) - t0))
for sig in INT TERM; do
  d=sweep_$sig
  interrupt "$sig" $((sweep_took * 8 / 10)) err "$bin" sweep "$sweep" -o "$d" --threads 2 --no-progress
  if [ "$code" -eq "$(expected_code $sig)" ]; then
    one_line err "SIG$sig" "sweep SIG$sig"
    grep -q -- "--resume" err && ok "sweep SIG$sig: says how to go on" || bad "sweep SIG$sig: $(cat err)"
    [ ! -e "$d/runs.csv" ] && ok "sweep SIG$sig: no runs.csv" || bad "sweep SIG$sig: runs.csv written"
    check "sweep SIG$sig: --resume" 0 "$bin" sweep "$sweep" -o "$d" --resume --threads 2 --no-progress
  elif [ "$code" -ne 0 ]; then
    bad "sweep SIG$sig: exit $code"; cat err
  fi
  cmp -s <(runs_content sweep_ref/runs.csv) <(runs_content "$d/runs.csv") && ok "sweep SIG$sig: runs.csv == uninterrupted" \
    || bad "sweep SIG$sig: runs.csv differs"
  no_temps "$d" "sweep SIG$sig"
done

# --- compare: nothing written, or a --force'd comparison left whole ------------
# The same world without the withdrawal: the counterfactual.
sed '/withdraw/d; /^events:$/d; s/^name: interrupt_me/name: other/' world.yaml > other.yaml
check "uninterrupted compare" 0 "$bin" compare world.yaml other.yaml --seeds 1-2 -o cmp_ref --threads 2 --no-progress
sums cmp_ref > cmp.sums
interrupt INT $((took * 2)) err "$bin" compare world.yaml other.yaml --seeds 1-2 -o cmp_new --threads 2 --no-progress
if [ "$code" -eq 130 ]; then
  one_line err SIGINT "compare"
  [ -z "$(ls -A cmp_new 2>/dev/null)" ] && ok "compare: nothing written" || bad "compare: left $(ls -A cmp_new)"
elif [ "$code" -ne 0 ]; then bad "compare: exit $code"; fi
no_temps cmp_new "compare"
interrupt TERM $((took * 2)) err "$bin" compare world.yaml other.yaml --seeds 3-4 -o cmp_ref --force --threads 2 --no-progress
if [ "$code" -eq 143 ]; then
  one_line err SIGTERM "compare --force"
  cmp -s cmp.sums <(sums cmp_ref) && ok "compare --force: the old comparison is whole" || bad "compare --force: changed"
elif [ "$code" -eq 0 ]; then
  grep -q '"seeds": \[' cmp_ref/comparison.json && python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["seeds"] == [3, 4]' cmp_ref/comparison.json \
    && ok "compare --force: finished: the new comparison" || bad "compare --force: mixed"
else bad "compare --force: exit $code"; fi
no_temps cmp_ref "compare --force"

# --- calibrate: the evaluations so far, no fit ---------------------------------
cat > calib.yaml <<YAML
scenario: $scenario
seeds: [1, 2]
parameters:
  - {path: economy.club_benefit, start: 0.004, min: 0.001, max: 0.02}
targets:
  - {name: networks_2009, measure: active_networks, year: 2009, value: 30, scale: 5}
max_evaluations: 40
YAML
interrupt TERM $((took * 4)) err "$bin" -q calibrate calib.yaml -o calib --threads 2
if [ "$code" -eq 143 ]; then
  one_line err SIGTERM "calibrate"
  [ ! -e calib/fit.csv ] && ok "calibrate: no fit.csv" || bad "calibrate: fit.csv written"
  python3 - calib/evaluations.csv <<'PY' && ok "calibrate: evaluations.csv holds whole lines" || bad "calibrate: damaged evaluations.csv"
import sys
text = open(sys.argv[1]).read()
assert text.endswith("\n")
rows = [l.split(",") for l in text.splitlines()]
assert all(len(r) == len(rows[0]) for r in rows), rows
PY
elif [ "$code" -ne 0 ]; then bad "calibrate: exit $code"; cat err; fi
no_temps calib "calibrate"

# --- stale temporary files: a dead process's go, a live one's stay ----------------
sleep 0 & dead=$!; wait "$dead"  # a process id no process has now
sleep 30 & live=$!
cleanup_hooks+=("kill $live 2>/dev/null")
mkdir -p stale/.replacement.tmp.$dead
echo partial > stale/global.csv.tmp.$dead
echo partial > stale/.replacement.tmp.$dead/states.csv
echo writing > stale/notes.csv.tmp.$live
check "a run in a folder with stale temporary files" 0 "$bin" run "$scenario" -o stale --threads 2 --no-progress
[ ! -e stale/global.csv.tmp.$dead ] && [ ! -e stale/.replacement.tmp.$dead ] && ok "a dead process's temporary files removed" \
  || bad "stale files left: $(ls -A stale)"
[ -e stale/notes.csv.tmp.$live ] && ok "a live process's temporary file kept" || bad "removed a live process's file"
grep -q "removed global.csv.tmp.$dead" "$tmp/err" && ok "says what it removed" || bad "no word of the removal: $(cat "$tmp/err")"
# In a sweep folder (shared with shards on other machines) a minute's quiet as well.
mkdir -p sweep_stale/records
cp sweep_ref/sweep.json sweep_stale/
echo old > sweep_stale/records/3.csv.tmp.$dead && touch -d '2 minutes ago' sweep_stale/records/3.csv.tmp.$dead
echo new > sweep_stale/records/4.csv.tmp.$dead
check "a sweep in a folder with stale records" 0 "$bin" sweep "$sweep" -o sweep_stale --threads 2 --no-progress
[ ! -e sweep_stale/records/3.csv.tmp.$dead ] && ok "sweep: an old temporary record of a dead process removed" || bad "sweep: old record left"
[ -e sweep_stale/records/4.csv.tmp.$dead ] && ok "sweep: a fresh one kept (it may be another machine's)" || bad "sweep: fresh record removed"
[ "$answered" -gt 0 ] && ok "$answered interrupts answered in one line" || bad "no interrupt was answered in words"
finish
