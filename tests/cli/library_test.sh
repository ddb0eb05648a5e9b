#!/usr/bin/env bash
# One scenario of the library (scenarios/NAME.yaml) validates, runs to its
# end, and leaves complete outputs: every CSV with a header and one row per
# year (global.csv), and run.json written last. A scenario that names its
# counterfactual (compare_with:) is also compared with it (one seed).
#   library_test.sh URBIS_BINARY SOURCE_DIR NAME WORK_DIR
set -euo pipefail
bin=$1 src=$2 name=$3 work=$4
file="$src/scenarios/$name.yaml"
rm -rf "$work" && mkdir -p "$work"

"$bin" validate "$file"
"$bin" run "$file" -o "$work/out" --no-progress --threads 2

for f in global.csv states.csv networks.csv events.csv run.json; do
  [ -s "$work/out/$f" ] || { echo "FAIL: $name: $f missing or empty"; exit 1; }
done
# global.csv: one row per simulated year, start to end as the run record says.
years=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["end"] - r["start"] + 1)' "$work/out/run.json")
rows=$(($(wc -l < "$work/out/global.csv") - 1))
[ "$rows" -eq "$years" ] || { echo "FAIL: $name: global.csv has $rows rows, expected $years"; exit 1; }
# No temporary file left behind.
if ls -a "$work/out" | grep -q '\.tmp'; then echo "FAIL: $name: temporary files left"; exit 1; fi
if grep -q '^compare_with:' "$file"; then
  "$bin" compare "$file" --seeds 1 -o "$work/compare" --no-progress --threads 2 >/dev/null
  lines=$(($(wc -l < "$work/compare/effects.csv") - 1))
  [ "$lines" -gt "$rows" ] || { echo "FAIL: $name: effects.csv has $lines rows"; exit 1; }
  [ -s "$work/compare/comparison.json" ] || { echo "FAIL: $name: no comparison.json"; exit 1; }
  echo "ok: $name compared with its counterfactual ($lines rows of effects)"
fi
echo "ok: $name ($rows years)"
