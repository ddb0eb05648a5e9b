#!/usr/bin/env bash
# `urbis calibrate` end to end on the tiny world (tests/calibrate/data):
# ABC writes the same files whatever --threads; --check exits 0 when every
# target is met and 3 when one is missed; --evaluate's means and sds are
# those of `urbis run` over the same seeds; config mistakes exit 2 with the
# place and a suggestion; --markdown writes the table and --update-doc puts
# it between a document's markers, leaving the rest alone.
set -u
bin=$1
src=$2
data=$src/tests/calibrate/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/check.sh"

# ABC: byte-identical files with 1 and 2 threads.
check "abc, 1 thread" 0 "$bin" calibrate "$data/abc.yaml" -o "$tmp/abc1" --threads 1 --quiet
check "abc, 2 threads" 0 "$bin" calibrate "$data/abc.yaml" -o "$tmp/abc2" --threads 2 --quiet
for f in abc_points.csv posterior.csv posterior_summary.csv predictive.csv fit.csv; do
  if [ -s "$tmp/abc1/$f" ] && cmp -s "$tmp/abc1/$f" "$tmp/abc2/$f"; then ok "$f same with 1 and 2 threads"
  else bad "$f differs between 1 and 2 threads (or is missing)"; fi
done
# 16 points in each of 2 rounds, a quarter accepted in each.
rows=$(($(wc -l <"$tmp/abc1/abc_points.csv") - 1))
[ "$rows" -eq 32 ] && ok "32 ABC points" || bad "$rows ABC points, expected 32"
accepted=$(awk -F, 'NR > 1 && $1 == 1 && $6 == 1' "$tmp/abc1/abc_points.csv" | wc -l)
posterior=$(($(wc -l <"$tmp/abc1/posterior.csv") - 1))
[ "$posterior" -eq "$accepted" ] && [ "$posterior" -ge 1 ] && [ "$posterior" -le 4 ] &&
  ok "posterior = the last round's $accepted accepted points" ||
  bad "posterior has $posterior rows, round 1 accepted $accepted"
expect_text "predictive bands of both series" "$tmp/abc1/predictive.csv" "network_8,tiny.yaml,members of Network 8,2004,"
# The --abc flag picks ABC for a config whose method is Nelder-Mead (a
# smaller design, to keep the test short under the sanitizers).
cp "$data/tiny.yaml" "$data/tiny_withdrawal.yaml" "$tmp/"
sed -e 's/^method: abc$//' -e 's/^abc: .*/abc: {points: 4, accept: 0.5}/' "$data/abc.yaml" > "$tmp/nm.yaml"
check "--abc overrides the method" 0 "$bin" calibrate "$tmp/nm.yaml" --abc -o "$tmp/abc3" --threads 2 --quiet
rows=$(($(wc -l <"$tmp/abc3/abc_points.csv") - 1))
[ "$rows" -eq 4 ] && [ ! -e "$tmp/abc3/evaluations.csv" ] && ok "ABC's 4 points, no Nelder-Mead" ||
  bad "--abc wrote $rows points (or a Nelder-Mead log)"

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

# --evaluate's numbers: each target's mean and sd over the seeds must be what
# `urbis run` of the same scenario and seeds writes, read here from the CSV
# files: a count in one year, a network's members, and a paired difference
# (event scenario minus its counterfactual, seed by seed). A wrong year,
# seed, network, state or pairing gives other numbers. The targets are set
# from those numbers so that two are met and one is missed by its sd.
column() {  # file, column name, awk condition on the row -> that column's value
  awk -F, -v col="$2" 'NR == 1 { for (i = 1; i <= NF; ++i) if ($i == col) c = i; next } '"$3"' { print $c }' "$1"
}
for seed in 1 2 3; do
  for sc in tiny tiny_withdrawal; do
    "$bin" run "$tmp/$sc.yaml" --seed "$seed" -o "$tmp/runs/$sc-$seed" --no-progress --quiet >/dev/null ||
      bad "urbis run $sc seed $seed"
  done
  column "$tmp/runs/tiny-$seed/global.csv" active_networks '$1 == 2008' >>"$tmp/active"
  # A network counts while it is active (networks.csv's active); otherwise, or when gone, 0 members.
  paste -d' ' <(column "$tmp/runs/tiny-$seed/networks.csv" members '$1 == 2010 && $2 == "Network 8"') \
              <(column "$tmp/runs/tiny-$seed/networks.csv" active '$1 == 2010 && $2 == "Network 8"') |
    awk '{ n = $2 == 1 ? $1 : 0 } END { print n + 0 }' >>"$tmp/members"
  paste -d' ' <(column "$tmp/runs/tiny_withdrawal-$seed/states.csv" memberships_climate '$1 == 2010 && $2 == "S001"') \
              <(column "$tmp/runs/tiny-$seed/states.csv" memberships_climate '$1 == 2010 && $2 == "S001"') |
    awk 'NF == 2 { print $1 - $2 }' >>"$tmp/paired"
done
stats() {  # mean and sample sd of a file's numbers, as fit.csv writes them (8 significant digits)
  awk '{ x[NR] = $1; s += $1 } END { m = s / NR; for (i = 1; i <= NR; ++i) ss += (x[i] - m)^2
         printf "%.8g %.8g\n", m, (NR > 1 ? sqrt(ss / (NR - 1)) : 0) }' "$1"
}
read -r active_mean active_sd < <(stats "$tmp/active")
read -r members_mean members_sd < <(stats "$tmp/members")
read -r paired_mean paired_sd < <(stats "$tmp/paired")
echo "from the runs: active networks 2008 $active_mean ± $active_sd, Network 8 members 2010 $members_mean ± $members_sd," \
     "S001 climate memberships 2010, withdrawal - base: $paired_mean ± $paired_sd"
[ "$(wc -l <"$tmp/members")" -eq 3 ] && [ "$(wc -l <"$tmp/paired")" -eq 3 ] || bad "a value missing from the runs"
cat > "$tmp/evaluate.yaml" <<YAML
scenario: tiny.yaml
seeds: [1, 2, 3]
targets:
  - {name: active_2008, measure: active_networks, year: 2008, value: $active_mean, scale: 0.5}
  - {name: members_2010, measure: network_members, network: Network 8, year: 2010,
     low: $(awk -v m="$members_mean" 'BEGIN { print m - 0.5 }'), high: $(awk -v m="$members_mean" 'BEGIN { print m + 0.5 }')}
  - {name: paired_2010, measure: state_members, state: S001, issue: climate, year: 2010,
     scenario: tiny_withdrawal.yaml, compare_with: tiny.yaml, difference: absolute,
     value: $(awk -v m="$paired_mean" -v s="$paired_sd" 'BEGIN { print m + 2 * s + 1 }'), scale: 1}
YAML
check "--evaluate --check, the paired target missed" 3 "$bin" calibrate "$tmp/evaluate.yaml" --evaluate --check -o "$tmp/evaluate"
expect_text "the miss is said" "$tmp/err" "1 of 3 targets missed"
fitted() {  # target -> "mean sd met" of fit.csv
  python3 -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["target"] == sys.argv[2]: print(r["mean"], r["sd"], r["met"])' "$tmp/evaluate/fit.csv" "$1"
}
for t in "active_2008 $active_mean $active_sd 1" "members_2010 $members_mean $members_sd 1" \
         "paired_2010 $paired_mean $paired_sd 0"; do
  read -r name mean sd met <<<"$t"
  got=$(fitted "$name")
  [ "$got" = "$mean $sd $met" ] && ok "$name: $got" ||
    bad "$name: fit.csv has '$got', the runs give '$mean $sd $met'"
done

# The Markdown table and its place in a document.
expect_text "markdown header" "$tmp/table.md" "| pattern | source | target | model: mean ± sd over 2 seeds | met |"
expect_text "markdown miss" "$tmp/table.md" "| -5 ± 1 |"
expect_text "markdown pipes escaped" "$tmp/table.md" "wide \\| open"
printf '# Doc\n\nabove\n<!-- validation-table:begin -->\nstale\n<!-- validation-table:end -->\nbelow\n' > "$tmp/doc.md"
check "--update-doc" 0 "$bin" calibrate "$tmp/met.yaml" --evaluate --update-doc "$tmp/doc.md" -o "$tmp/met"
grep -q stale "$tmp/doc.md" && bad "the old table is still there" || ok "old table replaced"
head -4 "$tmp/doc.md" | cmp -s - <(printf '# Doc\n\nabove\n<!-- validation-table:begin -->\n') &&
  tail -2 "$tmp/doc.md" | cmp -s - <(printf '<!-- validation-table:end -->\nbelow\n') &&
  ok "the rest of the document kept" || { bad "document around the table changed:"; cat "$tmp/doc.md"; }
expect_text "table in the document" "$tmp/doc.md" "| networks_2008: active networks, 2008 |"
printf 'no markers\n' > "$tmp/nomarkers.md"
check "--update-doc without markers exits 2" 2 "$bin" calibrate "$tmp/met.yaml" --evaluate --update-doc "$tmp/nomarkers.md" -o "$tmp/met"
expect_text "says what is missing" "$tmp/err" "no table markers"
grep -qx 'no markers' "$tmp/nomarkers.md" && ok "document left alone" || bad "document changed"

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
[ ! -e "$tmp/bad/fit.csv" ] && ok "nothing written for a bad config" || bad "wrote a fit"

finish calibrate_cli
