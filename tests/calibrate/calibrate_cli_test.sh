#!/usr/bin/env bash
# `urbis calibrate` end to end on the tiny world (tests/calibrate/data):
# ABC writes the same files whatever --threads; --check exits 0 when every
# target is met and 3 when one is missed; config mistakes exit 2 with the
# place and a suggestion; --markdown writes the table and --update-doc puts
# it between a document's markers, leaving the rest alone.
set -u
bin=$1
src=$2
data=$src/tests/calibrate/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
check() {  # description, expected exit code, command...
  local what=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"; cat "$tmp/out" "$tmp/err"; fails=$((fails + 1))
  else
    echo "ok: $what"
  fi
}
expect_text() {  # description, file, text
  if grep -qF -- "$3" "$2"; then echo "ok: $1"; else echo "FAIL: $1: no '$3' in:"; cat "$2"; fails=$((fails + 1)); fi
}

# ABC: byte-identical files with 1 and 2 threads.
check "abc, 1 thread" 0 "$bin" calibrate "$data/abc.yaml" -o "$tmp/abc1" --threads 1 --quiet
check "abc, 2 threads" 0 "$bin" calibrate "$data/abc.yaml" -o "$tmp/abc2" --threads 2 --quiet
for f in abc_points.csv posterior.csv posterior_summary.csv predictive.csv fit.csv; do
  if [ -s "$tmp/abc1/$f" ] && cmp -s "$tmp/abc1/$f" "$tmp/abc2/$f"; then echo "ok: $f same with 1 and 2 threads"
  else echo "FAIL: $f differs between 1 and 2 threads (or is missing)"; fails=$((fails + 1)); fi
done
# 16 points in each of 2 rounds, a quarter accepted in each.
rows=$(($(wc -l <"$tmp/abc1/abc_points.csv") - 1))
[ "$rows" -eq 32 ] && echo "ok: 32 ABC points" || { echo "FAIL: $rows ABC points, expected 32"; fails=$((fails + 1)); }
accepted=$(awk -F, 'NR > 1 && $1 == 1 && $6 == 1' "$tmp/abc1/abc_points.csv" | wc -l)
posterior=$(($(wc -l <"$tmp/abc1/posterior.csv") - 1))
[ "$posterior" -eq "$accepted" ] && [ "$posterior" -ge 1 ] && [ "$posterior" -le 4 ] &&
  echo "ok: posterior = the last round's $accepted accepted points" ||
  { echo "FAIL: posterior has $posterior rows, round 1 accepted $accepted"; fails=$((fails + 1)); }
expect_text "predictive bands of both series" "$tmp/abc1/predictive.csv" "network_8,tiny.yaml,members of Network 8,2004,"
# The --abc flag picks ABC for a config whose method is Nelder-Mead (a
# smaller design, to keep the test short under the sanitizers).
cp "$data/tiny.yaml" "$data/tiny_withdrawal.yaml" "$tmp/"
sed -e 's/^method: abc$//' -e 's/^abc: .*/abc: {points: 4, accept: 0.5}/' "$data/abc.yaml" > "$tmp/nm.yaml"
check "--abc overrides the method" 0 "$bin" calibrate "$tmp/nm.yaml" --abc -o "$tmp/abc3" --threads 2 --quiet
rows=$(($(wc -l <"$tmp/abc3/abc_points.csv") - 1))
[ "$rows" -eq 4 ] && [ ! -e "$tmp/abc3/evaluations.csv" ] && echo "ok: ABC's 4 points, no Nelder-Mead" ||
  { echo "FAIL: --abc wrote $rows points (or a Nelder-Mead log)"; fails=$((fails + 1)); }

# --check: every target met -> 0; one missed -> 3, after the table.
cat > "$tmp/met.yaml" <<'YAML'
scenario: tiny.yaml
seeds: [1, 2]
targets:
  - {name: networks_2008, measure: active_networks, year: 2008, low: 1, high: 100000}
YAML
check "--check, all met" 0 "$bin" calibrate "$tmp/met.yaml" --evaluate --check -o "$tmp/met"
cat > "$tmp/missed.yaml" <<'YAML'
scenario: tiny.yaml
seeds: [1, 2]
targets:
  - {name: networks_2008, measure: active_networks, year: 2008, low: 1, high: 100000,
     source: "wide | open"}
  - {name: impossible, measure: network_members, network: Network 8, year: 2008, value: -5, scale: 1}
YAML
check "--check, one missed" 3 "$bin" calibrate "$tmp/missed.yaml" --evaluate --check -o "$tmp/missed" \
  --markdown "$tmp/table.md"
expect_text "the table is printed before the exit" "$tmp/out" "impossible"
expect_text "the miss is said" "$tmp/err" "1 of 2 targets missed"
check "without --check a miss is not an error" 0 "$bin" calibrate "$tmp/missed.yaml" --evaluate -o "$tmp/missed"
check "search without parameters is refused" 2 "$bin" calibrate "$tmp/missed.yaml" -o "$tmp/missed"

# The Markdown table and its place in a document.
expect_text "markdown header" "$tmp/table.md" "| pattern | source | target | model: mean ± sd over 2 seeds | met |"
expect_text "markdown miss" "$tmp/table.md" "| -5 ± 1 |"
expect_text "markdown pipes escaped" "$tmp/table.md" "wide \\| open"
printf '# Doc\n\nabove\n<!-- validation-table:begin -->\nstale\n<!-- validation-table:end -->\nbelow\n' > "$tmp/doc.md"
check "--update-doc" 0 "$bin" calibrate "$tmp/met.yaml" --evaluate --update-doc "$tmp/doc.md" -o "$tmp/met"
grep -q stale "$tmp/doc.md" && { echo "FAIL: the old table is still there"; fails=$((fails + 1)); } || echo "ok: old table replaced"
head -4 "$tmp/doc.md" | cmp -s - <(printf '# Doc\n\nabove\n<!-- validation-table:begin -->\n') &&
  tail -2 "$tmp/doc.md" | cmp -s - <(printf '<!-- validation-table:end -->\nbelow\n') &&
  echo "ok: the rest of the document kept" || { echo "FAIL: document around the table changed:"; cat "$tmp/doc.md"; fails=$((fails + 1)); }
expect_text "table in the document" "$tmp/doc.md" "| networks_2008: active networks, 2008 |"
printf 'no markers\n' > "$tmp/nomarkers.md"
check "--update-doc without markers exits 2" 2 "$bin" calibrate "$tmp/met.yaml" --evaluate --update-doc "$tmp/nomarkers.md" -o "$tmp/met"
expect_text "says what is missing" "$tmp/err" "no table markers"
grep -qx 'no markers' "$tmp/nomarkers.md" && echo "ok: document left alone" || { echo "FAIL: document changed"; fails=$((fails + 1)); }

# Config mistakes: exit 2, file:line:column, the nearest valid name.
cat > "$tmp/bad_measure.yaml" <<'YAML'
scenario: tiny.yaml
seeds: [1]
targets:
  - {name: a, measure: state_member, state: S001, issue: climate, year: 2005, value: 1, scale: 1}
YAML
check "unknown measure exits 2" 2 "$bin" calibrate "$tmp/bad_measure.yaml" --evaluate -o "$tmp/bad"
expect_text "unknown measure: place" "$tmp/err" "bad_measure.yaml:4:"
expect_text "unknown measure: suggestion" "$tmp/err" "did you mean 'state_members'"
cat > "$tmp/bad_paired.yaml" <<'YAML'
scenario: tiny.yaml
seeds: [1]
targets:
  - {name: a, measure: active_networks, year: 2005, value: 1, scale: 1,
     scenario: tiny_withdrawal.yaml, difference: absolute}
YAML
check "paired target without compare_with exits 2" 2 "$bin" calibrate "$tmp/bad_paired.yaml" --evaluate -o "$tmp/bad"
expect_text "paired: place and reason" "$tmp/err" "bad_paired.yaml:5:"
expect_text "paired: names the key" "$tmp/err" "needs 'compare_with'"
cat > "$tmp/bad_scenario.yaml" <<'YAML'
scenario: tiny.yaml
seeds: [1]
targets:
  - {name: a, measure: active_networks, year: 2005, value: 1, scale: 1,
     scenario: tiny_withdrawel.yaml, compare_with: tiny.yaml}
YAML
check "unknown scenario exits 2" 2 "$bin" calibrate "$tmp/bad_scenario.yaml" --evaluate -o "$tmp/bad"
expect_text "unknown scenario: place" "$tmp/err" "bad_scenario.yaml:4:"
expect_text "unknown scenario: suggestion" "$tmp/err" "did you mean 'tiny_withdrawal'"
[ ! -e "$tmp/bad/fit.csv" ] && echo "ok: nothing written for a bad config" || { echo "FAIL: wrote a fit"; fails=$((fails + 1)); }

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
