#!/usr/bin/env bash
# kill -9 a run at random moments (5 times). Afterwards every output file
# present is complete -- byte-identical to an uninterrupted run's, since the
# same scenario and seed give the same bytes whatever --threads -- or absent;
# run.json (written last) is there only with all the others; the temporary
# files a killed run leaves (NAME.tmp.PID) are not named like outputs; and a
# re-run with --force completes.
# Usage: run_kill_test.sh URBIS SOURCE_DIR
bin=$1
src=$2
. "$(dirname "$0")/lib.sh"
cd "$tmp"
# Big enough that every phase splits over threads, small enough for 11 runs
# in well under a minute, even under the sanitizers.
cat > world.yaml <<'YAML'
name: kill_me
description: A synthetic run to interrupt.
world:
  synthetic: {cities: 9000, states: 30, regions: 5, networks: 20, seed: 7}
time: {start: 2000, end: 2006}
seed: 42
events:
  - {year: 2002, type: withdraw, state: S001, agreement: paris}
output:
  cities: {stride: 2}
YAML
scenario=$tmp/world.yaml

t0=$(now_ms)
check "uninterrupted run" 0 "$bin" run "$scenario" -o ref --threads 1
took=$(($(now_ms) - t0))
outputs=$(cd ref && ls)
echo "reference run: ${took} ms, outputs: $(echo $outputs)"

same_as_ref() {  # folder: every final output present equals the reference's
  local d=$1 f
  for f in $outputs; do
    [ -e "$d/$f" ] || continue
    if [ "$f" = run.json ]; then
      python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$d/$f" || { bad "$d/run.json does not parse"; continue; }
    elif ! cmp -s "ref/$f" "$d/$f"; then
      bad "$d/$f is present but not complete ($(wc -l <"$d/$f") of $(wc -l <"ref/$f") lines)"
    fi
  done
}

for i in 1 2 3 4 5; do
  d=killed$i
  "$bin" run "$scenario" -o "$d" --threads 2 >/dev/null 2>&1 &
  pid=$!
  random_sleep $((took * 11 / 10))
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  present=$(ls "$d" 2>/dev/null | tr '\n' ' ')
  echo "kill $i: left [$present]"
  same_as_ref "$d"
  for f in $(ls "$d" 2>/dev/null); do
    case " $(echo $outputs) " in
      *" $f "*) ;;
      *) case "$f" in
           *.tmp.[0-9]*) ;;  # a temporary file: named so no reader takes it for an output
           *) bad "kill $i: unexpected file $d/$f" ;;
         esac ;;
    esac
  done
  if [ -e "$d/run.json" ]; then
    for f in $outputs; do [ -e "$d/$f" ] || bad "kill $i: run.json without $f"; done
  fi
  check "kill $i: re-run with --force" 0 "$bin" run "$scenario" -o "$d" --force --threads 2
  for f in $outputs; do [ -e "$d/$f" ] || bad "kill $i: $f missing after the re-run"; done
  same_as_ref "$d"
  python3 - "$d/run.json" <<'PY' || bad "kill $i: run.json lists a temporary file"
import json, sys
files = json.load(open(sys.argv[1])).get("files", [])
assert files and not any(".tmp." in f for f in files), files
PY
done
finish
