#!/usr/bin/env bash
# The urbis command as a user meets it: exit codes (0 ok, 2 bad input),
# messages that name the file, line and column with a suggestion, --help on
# every subcommand, and a finished run that is not overwritten without --force.
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/check.sh"

check "--version" 0 "$bin" --version
expect_text "version printed" "$tmp/out" "urbis "
for sub in run validate list; do check "$sub --help" 0 "$bin" "$sub" --help; done
check "no subcommand is a usage error" 2 "$bin"
check "list" 0 "$bin" list
expect_text "list shows paris_withdrawal" "$tmp/out" "paris_withdrawal"
check "validate the library" 0 "$bin" validate "$src/scenarios/baseline.yaml" "$src/scenarios/paris_withdrawal.yaml"

# Large blocks in 2 MiB pages where the kernel gives them on request
# (sim/cli/huge_pages.hpp): urbis restarts itself with glibc told to ask,
# and says so with -v; URBIS_HUGE_PAGES=0 keeps 4 KiB pages.
check "-v says which memory pages" 0 "$bin" -v validate "$src/scenarios/baseline.yaml"
if grep -qF "sanitizer's allocator" "$tmp/err"; then
  ok "a sanitized build keeps its own allocator"
elif grep -qF "[madvise]" /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null; then
  expect_text "huge pages asked for (kernel in madvise mode)" "$tmp/err" "memory: large blocks in 2 MiB"
  URBIS_HUGE_PAGES=0 check "URBIS_HUGE_PAGES=0" 0 "$bin" -v validate "$src/scenarios/baseline.yaml"
  expect_text "URBIS_HUGE_PAGES=0 keeps 4 KiB pages" "$tmp/err" "memory: 4 KiB pages"
else
  expect_text "no huge pages asked for (kernel not in madvise mode)" "$tmp/err" "memory: 4 KiB pages"
fi

# `urbis serve` is handed over to urbis-serve beside urbis
# (sim/cli/serve_forward.hpp), with urbis's options before it too; without
# urbis-serve it says what is missing.
check "-v serve --help is handed over" 0 "$bin" -v serve --help
expect_text "serve's own help" "$tmp/out" "--classroom"
mkdir "$tmp/alone" && cp "$bin" "$tmp/alone/urbis"
check "serve without urbis-serve beside urbis" 1 "$tmp/alone/urbis" serve --port 0
expect_text "names the missing program" "$tmp/err" "$tmp/alone/urbis-serve, which could not be started"

cat > "$tmp/typo.yaml" <<'YAML'
name: typo
description: a typo in an event type
extends: paris_withdrawal
events:
  - {year: 2018, type: withdrawl, state: USA, agreement: paris}
YAML
check "bad scenario exits 2" 2 "$bin" run "$tmp/typo.yaml" -o "$tmp/typo"
expect_text "message names file:line:col" "$tmp/err" "typo.yaml:5:"
expect_text "message suggests the nearest type" "$tmp/err" "did you mean 'withdraw'"
[ ! -e "$tmp/typo/run.json" ] && ok "nothing written for a bad scenario" || bad "wrote a run"

cat > "$tmp/state.yaml" <<'YAML'
name: state
description: an unknown state
extends: paris_withdrawal
events:
  - {year: 2018, type: withdraw, state: USB, agreement: paris}
YAML
check "unknown state exits 2" 2 "$bin" validate "$tmp/state.yaml"
expect_text "unknown state suggestion" "$tmp/err" "did you mean 'USA'"

check "unknown --set parameter exits 2" 2 "$bin" run paris_withdrawal -o "$tmp/set" --set economy.club_benfit=0.1
expect_text "--set suggestion" "$tmp/err" "economy.club_benefit"

check "a short synthetic run" 0 "$bin" run "$src/tests/engine/data/synthetic_20k.yaml" -o "$tmp/run" --set founding.rate=5 --threads 2
for f in global.csv states.csv networks.csv events.csv cities.csv run.json; do
  [ -s "$tmp/run/$f" ] && ok "$f written" || bad "$f missing"
done
expect_text "run.json records the override" "$tmp/run/run.json" '"founding.rate": 5'
cp "$tmp/run/global.csv" "$tmp/global.before"
check "a finished run is not overwritten" 2 "$bin" run "$src/tests/engine/data/synthetic_20k.yaml" -o "$tmp/run"
expect_text "says how to replace it" "$tmp/err" "--force"
cmp -s "$tmp/global.before" "$tmp/run/global.csv" && ok "earlier results intact" || bad "results changed"

# --force replaces the run: the new record, and files of the old run that the
# new one does not write (here a stale.csv the old record lists) removed.
sed -i 's/"files": \[/"files": ["stale.csv", /' "$tmp/run/run.json"
echo "old" > "$tmp/run/stale.csv"
echo "mine" > "$tmp/run/notes.txt"
check "--force replaces a finished run" 0 "$bin" run "$src/tests/engine/data/synthetic_20k.yaml" -o "$tmp/run" --force --threads 2
[ ! -e "$tmp/run/stale.csv" ] && ok "the old run's stale file removed" || bad "stale.csv left"
[ -e "$tmp/run/notes.txt" ] && ok "a file the run did not write is kept" || bad "notes.txt removed"
grep -q stale.csv "$tmp/run/run.json" && bad "new run.json lists stale.csv" || ok "new run.json"

# --- names at hand: urbis list cities|states|networks ---------------------------
check "list cities of a state" 0 "$bin" list cities --state CAN
expect_text "Canada's cities, as events name them" "$tmp/out" "London (CAN)"
expect_text "with their state and population" "$tmp/out" "Toronto                                  CAN"
[ "$(grep -c ' CAN ' "$tmp/out")" -eq "$(($(wc -l < "$tmp/out") - 1))" ] && ok "only Canada's" || bad "other states listed"
check "list cities, accents ignored" 0 "$bin" list cities --match "sao paulo"
expect_text "'sao paulo' finds São Paulo" "$tmp/out" "São Paulo"
check "list cities, a stroke ignored" 0 "$bin" list cities --match LODZ
expect_text "'LODZ' finds Łódź" "$tmp/out" "Łódź"
check "list states" 0 "$bin" list states --match canada
expect_text "Canada by name" "$tmp/out" "CAN    Canada"
check "list networks" 0 "$bin" list networks --match c40
expect_text "C40 with its issue and founding year" "$tmp/out" "C40"
grep -qE '^C40 +climate +2005' "$tmp/out" && ok "C40, climate, 2005" || bad "$(cat "$tmp/out")"
check "list networks of a state's cities" 0 "$bin" list networks --state DEU
expect_text "the Union of the Baltic Cities takes German cities" "$tmp/out" "Union of the Baltic Cities"

finish cli
