#!/usr/bin/env bash
# The question of issue 12, as a user asks it: "Did Canada's withdrawal from
# the Paris Agreement make Canadian cities join more climate networks?" One
# command (urbis compare canada_withdrawal --seeds 1-10) and one report; the
# answer, CAN's memberships_climate with its 95% interval over the ten
# seeds, is in effects_summary.csv and on the page (checked in headless
# Chromium: summary table, finding, both charts with the 2019 event marked).
# The effect's size is the model's (it changes as the model does), so the
# test checks that it is there with its interval, not its value.
# Usage: canada_test.sh URBIS SOURCE_DIR ARTEFACT_DIR
set -euo pipefail
bin=$1 src=$2 art=$3
mkdir -p "$art"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chromium=${URBIS_CHROMIUM:-}
[ -x "$chromium" ] || chromium=$(command -v chromium || true)
[ -n "$chromium" ] || { echo "compare_canada: chromium not found (scripts/install-deps.sh installs it)" >&2; exit 1; }

cd "$work"
"$bin" compare canada_withdrawal --seeds 1-10 --no-progress | tee answer.txt
dir=out/compare/canada_withdrawal-vs-baseline
grep -E '^  memberships_climate +CAN ' answer.txt
python3 - "$dir" <<'PY'
import csv, os, sys
rows = [r for r in csv.DictReader(open(os.path.join(sys.argv[1], "effects_summary.csv")))
        if r["metric"] == "memberships_climate" and r["subject"] == "CAN"]
assert len(rows) == 1, rows
r = rows[0]
assert r["level"] == "state" and r["from"] == "2019" and r["seeds"] == "10", r
lo, d, hi = float(r["ci95_low"]), float(r["difference"]), float(r["ci95_high"])
assert lo <= d <= hi and hi > lo, r
print(f"answer: CAN memberships_climate {r['from']}-{r['to']}: {d:+.3g} [{lo:+.3g}, {hi:+.3g}], "
      f"{r['same_sign']} of {r['seeds']} seeds")
PY
"$bin" report "$dir" -o "$art/canada_withdrawal.html"
NODE_PATH="$src/web/node_modules" CHROMIUM="$chromium" \
  node "$src/tests/compare/browser_test.cjs" "$art/canada_withdrawal.html" "$art/canada_withdrawal.png" CAN memberships_climate 2019
