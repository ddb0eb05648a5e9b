#!/usr/bin/env bash
# The report's views on the runs that used to break or mislead them, in
# headless Chromium (views_test.cjs): a small synthetic world written with
# each subset of the city variables the map draws (population, gdp,
# cooperation, memberships; the other variables change nothing in the
# report, which report_tests checks for all 511 subsets), with none of them,
# and without cities.csv; a variant with --set; and a sweep with a
# log-scaled parameter. Also `urbis report` itself: it warns about what a run
# lacks, and refuses, exit 2, a folder whose page would show nothing.
# Usage: views_test.sh URBIS SOURCE_DIR ARTEFACT_DIR
set -euo pipefail
urbis=$1 src=$2 art=$3
mkdir -p "$art"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
fail=0
bad() { echo "FAIL $*"; fail=1; }

chromium=${URBIS_CHROMIUM:-}
[ -x "$chromium" ] || chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then
  echo "report_views: chromium not found (scripts/install-deps.sh installs it)" >&2
  exit 1
fi

cat > tiny.yaml <<'EOF'
name: tiny
description: A small synthetic world for the report's views test.
world:
  synthetic: {cities: 60, states: 6, regions: 3, networks: 6, seed: 3}
time: {start: 2000, end: 2008}
seed: 5
protagonists: [S001]
events:
  - {year: 2003, type: withdraw, state: S001, agreement: paris, label: "S001 leaves Paris"}
  - {year: 2005, type: salience, issue: climate, delta: 0.2}
output:
  cities: {stride: 1}
EOF

mkdir pages
report() {  # name scenario [run options...]
  local name=$1 scenario=$2
  shift 2
  "$urbis" -q run "$scenario" -o "runs/$name" --no-progress "$@" >/dev/null
  "$urbis" report "runs/$name" -o "pages/$name.html" 2> "runs/$name.err" >/dev/null
}

# Each subset of the variables the map draws (the empty one: tension alone).
vars=(population gdp cooperation memberships)
for mask in $(seq 0 15); do
  chosen=()
  for b in 0 1 2 3; do (( mask >> b & 1 )) && chosen+=("${vars[$b]}"); done
  if [ ${#chosen[@]} -eq 0 ]; then name=cities-tension; list=tension
  else name=cities-$(IFS=+; echo "${chosen[*]}"); list=$(IFS=,; echo "${chosen[*]}"); fi
  printf 'name: tiny\ndescription: tiny, some city variables.\nextends: tiny.yaml\noutput:\n  cities: {variables: [%s]}\n' "$list" > "s$mask.yaml"
  report "$name" "s$mask.yaml"
  if [[ " ${chosen[*]} " != *" gdp "* ]]; then
    grep -q "no gdp column" "runs/$name.err" || bad "urbis report does not warn that $name has no gdp"
  fi
done
printf 'name: tiny\ndescription: tiny, no city output.\nextends: tiny.yaml\noutput:\n  cities: false\n' > none.yaml
report cities-none none.yaml
report variant tiny.yaml --set economy.club_benefit=0.02 2>/dev/null
python3 - runs/variant/run.json <<'PY' || bad "run.json has no units of the files written"
import json, sys
j = json.load(open(sys.argv[1]))
assert j["world"] == "synthetic", j["world"]
assert j["units"]["global.csv"]["mean_tension"] == "index", j["units"]["global.csv"]
assert list(j["units"]["cities.csv"]) == ["year", "city", "state", "population", "gdp", "gdp_pc", "cooperation",
                                          "autonomy", "reputation", "tension", "openness", "memberships"]
PY

# A sweep over a log-scaled parameter, with its trajectories.
cat > sweep.yaml <<'EOF'
name: tiny_sweep
description: Three points of a log-scaled parameter, two replicates each.
scenario: tiny.yaml
seed: 3
replicates: 2
design: {type: grid}
parameters:
  economy.club_benefit: {from: 0.001, to: 0.1, count: 3, scale: log}
metrics:
  - {name: cooperation_final, column: cooperation_index}
output: {trajectories: true}
EOF
"$urbis" -q sweep sweep.yaml -o sweep --threads 2 >/dev/null 2>&1
"$urbis" -q report sweep -o pages/sweep.html >/dev/null

# A run that recorded no year: refused with a reason, nothing written.
mkdir empty && cp runs/variant/run.json runs/variant/states.csv runs/variant/networks.csv runs/variant/events.csv empty/
head -1 runs/variant/global.csv > empty/global.csv
set +e
"$urbis" report empty -o empty.html > empty.out 2>&1
code=$?
set -e
[ "$code" -eq 2 ] || bad "urbis report of a run with no year exits $code, not 2"
grep -q "urbis: error:.*no rows" empty.out || bad "no reason given: $(cat empty.out)"
[ ! -e empty.html ] || bad "a report was written for a run with no year"

cp pages/cities-population+gdp+cooperation+memberships.html pages/sweep.html pages/variant.html "$art/"
NODE_PATH="$src/web/node_modules" CHROMIUM="$chromium" node "$src/tests/report/views_test.cjs" pages/*.html || fail=1
exit $fail
