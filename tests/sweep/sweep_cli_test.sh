#!/usr/bin/env bash
# urbis run with several files, and urbis sweep end to end on the small
# synthetic world: records and runs.csv, three shards merged == unsharded
# run by run, kill -9 part-way then --resume == every run exactly once, the
# command in a record reproduces its run alone, summarize and sensitivity,
# and a varied parameter that changes nothing is reported.
# Usage: sweep_cli_test.sh URBIS SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/check.sh"
same_runs() {  # description, a/runs.csv, b/runs.csv
  if cmp -s <(runs_content "$2") <(runs_content "$3"); then ok "$1"; else bad "$1"; diff <(runs_content "$2") <(runs_content "$3") | head -5; fi
}

sweep=$src/configs/sweeps/synthetic_grid.yaml
cd "$tmp"

# --- batch runs ---------------------------------------------------------
cat > a.yaml <<YAML
name: a
description: small run a
extends: $src/configs/sweeps/small_world.yaml
time: {end: 2006}
YAML
sed 's/^name: a/name: b/' a.yaml > b.yaml
cat > broken.yaml <<'YAML'
name: broken
description: an unknown event type
extends: a.yaml
events:
  - {year: 2003, type: withdrawl, state: S001, agreement: paris}
YAML
check "run two files at once" 0 "$bin" run a.yaml b.yaml -o batch --threads 2
[ -s batch/a/run.json ] && [ -s batch/b/run.json ] && ok "each file into its own folder" || bad "batch folders"
check "one failing file: exit 2, the others still run" 2 "$bin" run a.yaml broken.yaml b.yaml -o batch2 --threads 2
[ -s batch2/a/run.json ] && [ -s batch2/b/run.json ] && [ ! -e batch2/broken/run.json ] && ok "failing file did not stop the others" || bad "batch with a failure"
grep -q "broken.yaml:5:" "$tmp/err" && ok "failure names file and line" || bad "failure message: $(cat "$tmp/err")"
check "two files into one folder is refused" 2 "$bin" run a.yaml a.yaml -o batch3

# --- a plain sweep ---------------------------------------------------------
check "sweep" 0 "$bin" sweep "$sweep" -o plain --threads 2
runs=$(($(wc -l < plain/runs.csv) - 1))
[ "$runs" -eq 18 ] && ok "18 runs in runs.csv" || bad "runs.csv has $runs runs"
[ "$(ls plain/records | wc -l)" -eq 18 ] && ok "one record per run" || bad "records"
python3 - plain/runs.csv <<'PY' && ok "runs.csv columns and values" || bad "runs.csv columns"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
need = ["run_id", "point", "replicate", "seed", "economy.club_benefit", "coalitions.review_probability", "status",
        "wall_seconds", "cooperation_final", "network_share_mean", "memberships_2010", "s001_climate_memberships",
        "year_150_networks", "error", "command"]
assert list(rows[0].keys()) == need, rows[0].keys()
assert [int(r["run_id"]) for r in rows] == list(range(18))
assert all(r["status"] == "ok" for r in rows)
assert len({r["seed"] for r in rows}) == 18
assert len({(r["economy.club_benefit"], r["coalitions.review_probability"]) for r in rows}) == 9
assert all(r["command"].startswith("urbis run ") and "--seed " + r["seed"] in r["command"] for r in rows)
assert len({r["cooperation_final"] for r in rows}) > 9
PY
check "a finished sweep is not redone without --resume" 2 "$bin" sweep "$sweep" -o plain
grep -q -- "--resume" "$tmp/err" && ok "says --resume" || bad "no hint to --resume"
check "--resume on a finished sweep does nothing" 0 "$bin" sweep "$sweep" -o plain --resume
grep -q "0 runs in" "$tmp/err" && ok "no run redone" || bad "resume redid runs: $(cat "$tmp/err")"

# --- the record's command reproduces the run alone ----------------------
python3 - plain/runs.csv > cmd.txt <<'PY'
import csv, sys
r = list(csv.DictReader(open(sys.argv[1])))[7]
print(r["command"]); print(r["cooperation_final"]); print(r["memberships_2010"])
PY
cmd=$(sed -n 1p cmd.txt); coop=$(sed -n 2p cmd.txt); mem=$(sed -n 3p cmd.txt)
(cd "$src" && eval "\"$bin\" ${cmd#urbis } -o \"$tmp/alone\" --threads 1") >/dev/null 2>&1
python3 - "$tmp/alone/global.csv" "$coop" "$mem" <<'PY' && ok "the printed command reproduces the run's metrics" || bad "reproduction"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
# global.csv carries six significant digits (docs/OUTPUTS.md); runs.csv the metric's full value.
written, metric = float(rows[-1]["cooperation_index"]), float(sys.argv[2])
assert abs(written - metric) <= 5e-6 * abs(metric), (written, metric)
assert [r for r in rows if r["year"] == "2010"][0]["memberships"] == sys.argv[3]
PY

# --- three shards merged == unsharded ------------------------------------
for i in 0 1 2; do check "shard $i/3" 0 "$bin" sweep "$sweep" -o sharded --shard $i/3 --threads 1; done
check "merge" 0 "$bin" sweep merge sharded
same_runs "three shards merged == unsharded, run by run" plain/runs.csv sharded/runs.csv
check "shards from SLURM_ARRAY_TASK_ID/COUNT" 0 env SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=2 "$bin" sweep "$sweep" -o slurmenv
check "merge with a missing shard exits 1" 1 "$bin" sweep merge slurmenv
grep -q "9 runs missing: 0, 2, 4" "$tmp/out" && ok "merge lists the missing runs" || bad "missing list: $(cat "$tmp/out")"
[ ! -e slurmenv/runs.csv ] && ok "no runs.csv while runs are missing" || bad "partial runs.csv"

# --- kill -9 part-way, then --resume -------------------------------------
"$bin" sweep "$sweep" -o killed --threads 1 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1200); do [ "$(ls killed/records 2>/dev/null | grep -c '\.csv$')" -ge 5 ] && break; sleep 0.05; done
kill -9 $pid; wait $pid 2>/dev/null
before=$(ls killed/records | grep -c '\.csv$')
[ "$before" -ge 5 ] && [ "$before" -lt 18 ] && ok "killed part-way ($before of 18 recorded)" || bad "kill timing: $before records"
[ ! -e killed/runs.csv ] && ok "no runs.csv from a killed sweep" || bad "runs.csv after kill"
check "resume after kill -9" 0 "$bin" sweep "$sweep" -o killed --resume --threads 2
grep -q "$((18 - before)) runs in" "$tmp/err" && ok "resume did only the $((18 - before)) missing runs" || bad "resume count: $(cat "$tmp/err")"
python3 - killed/runs.csv <<'PY' && ok "every run exactly once" || bad "runs after resume"
import csv, sys
ids = [int(r["run_id"]) for r in csv.DictReader(open(sys.argv[1]))]
assert sorted(ids) == list(range(18)) and len(ids) == 18, ids
PY
same_runs "killed and resumed == uninterrupted" plain/runs.csv killed/runs.csv

# --- summaries, sensitivity --------------------------------------------
check "summarize" 0 "$bin" summarize plain
python3 - plain/summary.csv <<'PY' && ok "summary: one row per point and metric" || bad "summary.csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 9 * 5, len(rows)
assert {"mean", "sd", "ci95_low", "ci95_high", "q05", "median", "q95"} <= set(rows[0])
assert all(r["n"] == "2" for r in rows if r["metric"] == "cooperation_final")
PY
check "sensitivity needs a morris or saltelli design" 2 "$bin" sensitivity plain
check "morris sweep" 0 "$bin" sweep "$src/configs/sweeps/synthetic_morris.yaml" -o morris --threads 2
check "sensitivity (morris)" 0 "$bin" sensitivity morris
[ "$(wc -l < morris/morris.csv)" -eq 9 ] && ok "morris.csv: 2 metrics x 4 parameters" || bad "morris.csv"

# --- a varied parameter that changes nothing ---------------------------
check "every varied parameter of the example changes something" 0 "$bin" sweep "$sweep" --check-effects
cat > ignored.yaml <<YAML
name: ignored
description: states.exit_probability does nothing while states.endogenous_exit is false
scenario: $src/configs/sweeps/small_world.yaml
design: {type: grid}
parameters:
  economy.club_benefit: {values: [0.001, 0.01]}
  states.exit_probability: {values: [0.0, 0.9]}
metrics:
  - {name: c, column: cooperation_index}
YAML
check "a parameter the model ignores is detected (exit 1)" 1 "$bin" sweep ignored.yaml --check-effects
grep -q "states.exit_probability" "$tmp/err" && ok "names the ignored parameter" || bad "ignored parameter not named"

# --- replicates only, and scenarios as a factor (common random numbers) ----
cat > reps.yaml <<YAML
name: reps
description: replicates alone, no parameters
scenario: $src/configs/sweeps/small_world.yaml
seed: 4
replicates: 3
metrics:
  - {name: coop, column: cooperation_index}
YAML
check "a sweep of replicates only" 0 "$bin" sweep reps.yaml -o reps --threads 2
[ "$(($(wc -l < reps/runs.csv) - 1))" -eq 3 ] && ok "reps: 3 runs" || bad "reps: $(cat reps/runs.csv)"
# The same scenario twice under two names, and a third that differs from 2010:
# runs of one parameter point and replicate share their seed, so the two
# copies agree exactly and the third matches them until its event.
sed 's/^name: small_world/name: copy/' "$src/configs/sweeps/small_world.yaml" > copy.yaml
sed 's/^name: small_world/name: later/; s/^events:$/events:\n  - {year: 2010, type: set, target: "state:S002", parameter: populism, value: 0.95}/' \
  "$src/configs/sweeps/small_world.yaml" > later.yaml
cat > factor.yaml <<YAML
name: factor
description: three scenarios, paired by seed
scenarios: [$src/configs/sweeps/small_world.yaml, copy.yaml, later.yaml]
seed: 9
replicates: 2
design: {type: grid}
parameters:
  economy.club_benefit: {values: [0.002, 0.008]}
metrics:
  - {name: coop_2009, column: cooperation_index, stat: at, year: 2009}
  - {name: coop_final, column: cooperation_index}
  - {name: s002_populism, column: populism, state: S002}
YAML
check "validate a sweep with a scenarios factor" 0 "$bin" validate factor.yaml
check "a sweep with a scenarios factor" 0 "$bin" sweep factor.yaml -o factor --threads 2
python3 - factor/runs.csv <<'PY' && ok "scenarios of a point share seeds; equal until the difference" || bad "scenarios factor"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 2 * 3 * 2, len(rows)
assert [r["scenario"] for r in rows[:6]] == [rows[0]["scenario"]] * 2 + [rows[2]["scenario"]] * 2 + [rows[4]["scenario"]] * 2, rows[:6]
by = {}
for r in rows:
    point = int(r["point"])
    by[(point // 3, point % 3, int(r["replicate"]))] = r
for p in range(2):
    for rep in range(2):
        base, copy, later = (by[(p, s, rep)] for s in range(3))
        assert base["seed"] == copy["seed"] == later["seed"], (base, copy, later)
        assert base["coop_final"] == copy["coop_final"] and base["coop_2009"] == copy["coop_2009"]
        assert base["coop_2009"] == later["coop_2009"], (base, later)   # before the event: identical
        assert later["s002_populism"] == "0.95" and base["s002_populism"] != "0.95"
assert by[(0, 0, 0)]["seed"] != by[(0, 0, 1)]["seed"] != by[(1, 0, 0)]["seed"]
assert "urbis run copy.yaml --seed" in by[(0, 1, 0)]["command"], by[(0, 1, 0)]["command"]
PY
check "summarize names the scenario of each point" 0 "$bin" summarize factor
head -1 factor/summary.csv | grep -q '^point,scenario,economy.club_benefit,metric' && ok "summary.csv has a scenario column" || bad "$(head -1 factor/summary.csv)"

# --- mistakes in a sweep file -------------------------------------------
sed 's/cooperation_index}/cooperaton_index}/' "$sweep" > typo.yaml
sed -i "s|scenario: small_world.yaml|scenario: $src/configs/sweeps/small_world.yaml|" typo.yaml
check "a typo in a sweep file exits 2" 2 "$bin" sweep typo.yaml -o typo
grep -q "typo.yaml:15:.*did you mean 'cooperation_index'" "$tmp/err" && ok "file:line and suggestion" || bad "message: $(cat "$tmp/err")"
check "bad --shard exits 2" 2 "$bin" sweep "$sweep" -o x --shard 3/3

finish sweep_cli
