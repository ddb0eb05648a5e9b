#!/usr/bin/env bash
# urbis compare on cases whose answers are known:
# - a scenario compared with itself: every difference exactly 0, in every
#   series, year and seed, and no year in which they diverge;
# - a `set` of a state variable (populism, which nothing else moves) from
#   2002: before 2002 every series of every seed is identical on both sides
#   (common random numbers: the event is the only difference), and from 2002
#   the variable differs by exactly the set value minus its old value, in
#   every seed, with an interval of no width;
# - compare_with names the counterfactual; a finished comparison is not
#   overwritten without --force; the tables are the same whatever --threads;
#   --keep-runs keeps run folders whose recorded command redoes the run.
# Usage: compare_test.sh URBIS SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/check.sh"
cd "$tmp"  # check writes out and err here

cat > tiny.yaml <<'YAML'
name: tiny
description: a small synthetic world
world:
  synthetic: {cities: 800, states: 10, regions: 3, networks: 8, seed: 3}
time: {start: 2000, end: 2008}
seed: 5
protagonists: [S001]
output:
  cities: {variables: [cooperation, memberships, tension], stride: 1}
YAML
cat > populist.yaml <<'YAML'
name: populist
description: S001's government turns populist in 2002
extends: tiny.yaml
compare_with: tiny.yaml
events:
  - {year: 2002, type: set, target: "state:S001", parameter: populism, value: 0.9, label: S001 turns populist}
YAML

# --- a scenario against itself ---------------------------------------------------
check "compare tiny with itself" 0 "$bin" compare tiny.yaml tiny.yaml --seeds 1-4 -o self --threads 2 --no-progress
grep -q "give the same numbers in every series, year and seed" out && ok "says nothing differs" || bad "headline: $(cat out)"
python3 - self <<'PY' && ok "every difference exactly 0, every interval [0, 0], no divergence" || bad "self-comparison not zero"
import csv, json, os, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(os.path.join(d, "effects.csv"))))
assert len(rows) > 100, len(rows)
levels = {r["level"] for r in rows}
assert levels == {"global", "state", "network", "city"}, levels
for r in rows:
    assert r["difference"] == "0" and r["ci95_low"] == "0" and r["ci95_high"] == "0", r
    # A network is counted in the seeds where it is alive that year (start
    # networks of a synthetic world end in some seeds and not in others).
    assert r["same_sign"] == r["seeds"] and (r["seeds"] == "4" or r["level"] == "network"), r
for r in csv.DictReader(open(os.path.join(d, "seeds.csv"))):
    assert r["difference"] in ("0", "") and r["a"] == r["b"], r
c = json.load(open(os.path.join(d, "comparison.json")))
assert c["diverges"] is None and c["seeds"] == [1, 2, 3, 4], c
PY

# --- a set of populism from 2002: the known difference, and nothing before -------------
check "compare a set of populism (compare_with)" 0 "$bin" compare populist.yaml --seeds 1-5 -o set --threads 2 --no-progress
python3 - set <<'PY' && ok "before 2002 identical; from 2002 populism differs by exactly 0.9 - its old value" || bad "set: wrong answer"
import csv, json, os, sys
d = sys.argv[1]
c = json.load(open(os.path.join(d, "comparison.json")))
assert c["b"]["scenario"] == "tiny" and c["a"]["scenario"] == "populist", c["b"]
assert c["diverges"] == 2002, c["diverges"]
seen = 0
for r in csv.DictReader(open(os.path.join(d, "seeds.csv"))):
    y = int(r["year"])
    if y < 2002:
        assert r["a"] == r["b"] and r["difference"] == "0", r  # common random numbers
    if r["metric"] == "populism" and r["subject"] == "S001" and y >= 2002:
        assert float(r["a"]) == 0.9 and float(r["difference"]) == 0.9 - float(r["b"]), r
        seen += 1
assert seen == 5 * 7, seen
for r in csv.DictReader(open(os.path.join(d, "effects.csv"))):
    if r["metric"] == "populism" and r["subject"] == "S001":
        if int(r["year"]) < 2002:
            assert r["difference"] == "0", r
        else:
            assert r["difference"] == r["ci95_low"] == r["ci95_high"] != "0", r
            assert r["same_sign"] == r["seeds"] == "5", r
            assert abs(float(r["difference"]) - (0.9 - float(r["mean_b"]))) < 1e-6, r
# Something else moved too (tension follows populism), so the comparison is not trivially empty.
moved = [r for r in csv.DictReader(open(os.path.join(d, "effects_summary.csv"))) if r["difference"] not in ("0", "")]
assert len(moved) > 3, moved
PY
grep -q "populism" out && ok "the headline shows the protagonist's effects" || bad "headline: $(cat out)"

# --- the tables do not depend on --threads -----------------------------------------------
check "the same with one thread" 0 "$bin" compare populist.yaml --seeds 1-5 -o set1 --threads 1 --no-progress
for f in effects.csv effects_summary.csv seeds.csv; do
  cmp -s "set/$f" "set1/$f" && ok "$f: 1 thread == 2 threads" || bad "$f differs with the thread count"
done

# --- a finished comparison is kept unless --force ------------------------------------------
check "a finished comparison is not overwritten" 2 "$bin" compare populist.yaml --seeds 1-2 -o set --no-progress
grep -q -- "--force" err && ok "says how to replace it" || bad "$(cat err)"
check "--force replaces it" 0 "$bin" compare populist.yaml --seeds 1-2 -o set --force --no-progress
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["seeds"] == [1, 2]' set/comparison.json \
  && ok "the new comparison is in place" || bad "--force did not replace"
[ -z "$(find set -name '*.tmp.*')" ] && ok "no temporary files" || bad "temporary files left"

# --- --keep-runs: run folders whose command redoes the run ----------------------------------
check "--keep-runs" 0 "$bin" compare populist.yaml --seeds 3 -o kept --keep-runs --no-progress
[ -s kept/runs/a/3/run.json ] && [ -s kept/runs/b/3/global.csv ] && ok "runs/a/3 and runs/b/3 kept" || bad "no run folders: $(ls -R kept | head)"
cmd=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["command_line"])' kept/runs/a/3/run.json)
echo "recorded: $cmd"
check "the recorded command redoes run a/3" 0 "$bin" ${cmd#urbis } -o redo --no-progress
cmp -s redo/states.csv kept/runs/a/3/states.csv && ok "the same states.csv" || bad "the redone run differs"

# --- the report ----------------------------------------------------------------------------
if [ "${URBIS_WITH_WEB:-ON}" = OFF ]; then
  # A build without the web front-end refuses, saying how to get one.
  check "urbis report refused without the web front-end" 2 "$bin" report set
  grep -q -- "-DURBIS_WITH_WEB=ON" err && [ ! -e set/report.html ] && ok "the refusal says how to build it" ||
    bad "refusal without the way out (or a report written)"
else
  check "urbis report of a comparison" 0 "$bin" report set
  [ -s set/report.html ] && grep -q '"kind":"comparison"' set/report.html && ok "report.html holds the comparison" || bad "report"
fi
finish compare
