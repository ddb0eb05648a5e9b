#!/usr/bin/env bash
# Interleaved A/B timing of two urbis builds on one scenario: runs A, B, A,
# B, ... so that a shared or throttling machine slows both alike, then prints
# each build's median wall time and median CPU time (user + sys) and the
# ratios B/A. The outputs of the two builds are compared byte for byte
# (run.json aside: it holds the timings).
# Usage: scripts/bench-ab.sh A_BIN B_BIN [scenario] [repeats] [-- extra run options]
#   e.g. scripts/bench-ab.sh /tmp/urbis-main build/release/urbis scenarios/paris_withdrawal.yaml 9
set -euo pipefail
a=$1 b=$2 scenario=${3:-scenarios/paris_withdrawal.yaml} repeats=${4:-7}
shift $(( $# < 4 ? $# : 4 ))
[ "${1:-}" = -- ] && shift
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
for _ in $(seq "$repeats"); do
  for side in a b; do
    bin=${!side}
    /usr/bin/time -f "%e %U %S" -a -o "$out/$side.times" "$bin" -q run "$scenario" -o "$out/$side" --force --no-progress "$@" >/dev/null
  done
done
for f in "$out"/a/*; do
  name=$(basename "$f")
  [ "$name" = run.json ] && continue
  cmp -s "$f" "$out/b/$name" || { echo "outputs differ: $name" >&2; exit 1; }
done
wall_a=$(awk '{print $1}' "$out/a.times" | median); cpu_a=$(awk '{print $2+$3}' "$out/a.times" | median)
wall_b=$(awk '{print $1}' "$out/b.times" | median); cpu_b=$(awk '{print $2+$3}' "$out/b.times" | median)
echo "scenario=$scenario repeats=$repeats outputs=identical"
echo "A wall_s=$wall_a cpu_s=$cpu_a"
echo "B wall_s=$wall_b cpu_s=$cpu_b"
awk -v wa="$wall_a" -v wb="$wall_b" -v ca="$cpu_a" -v cb="$cpu_b" 'BEGIN {printf "B/A wall=%.3f cpu=%.3f\n", wb/wa, cb/ca}'
