#!/usr/bin/env bash
# Whole-process benchmark of `urbis run` on synthetic worlds of 10^4, 10^5
# and 10^6 cities (10 steps each; 10^6 with 60 and 300 start networks) with
# 1 and 2 threads, on the real-world paris_withdrawal scenario (every output,
# and summary outputs only) and on its 200-run sweep. Repeats each case, reports the median wall time,
# the cost per city-step and the peak memory, and writes bench-results.csv.
# Then runs the per-phase Google Benchmark suite (scripts/bench-suite.sh ->
# out/bench/suite.csv) with as many repetitions, and plots it when gnuplot is
# there (bench/plot-performance.sh -> docs/images/performance.svg).
# Usage: scripts/bench.sh [repeats]   (default 5)
#        URBIS_BIN=path/to/urbis scripts/bench.sh   (time another build; no build step)
#        URBIS_SUITE=0 scripts/bench.sh   (whole-process timings only)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=${1:-5}
if [ -z "${URBIS_BIN:-}" ]; then
  scripts/build.sh >/dev/null
fi
bin=${URBIS_BIN:-build/release/urbis}
out=$(mktemp -d)
results=bench-results.csv
echo "case,cities,years,threads,median_wall_s,ns_per_city_step,peak_rss_mb" > "$results"

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

run_case() {  # name file cities years threads [command: run (default) or sweep]
  local name=$1 file=$2 cities=$3 years=$4 threads=$5 command=${6:-run} times=() rss=0
  for _ in $(seq "$repeats"); do
    if [ "$command" = sweep ]; then
      rm -rf "$out/sweep"
      /usr/bin/time -f "%e %M" -o "$out/time" "$bin" -q sweep "$file" -o "$out/sweep" --threads "$threads" --no-progress
    else
      /usr/bin/time -f "%e %M" -o "$out/time" "$bin" -q run "$file" -o "$out/run" --force --threads "$threads" --no-progress
    fi
    read -r wall kb < "$out/time"
    times+=("$wall")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  local med
  med=$(printf '%s\n' "${times[@]}" | median)
  local ns
  ns=$(awk -v t="$med" -v n="$cities" -v y="$years" 'BEGIN {printf "%.1f", t * 1e9 / (n * y)}')
  printf '%s,%s,%s,%s,%s,%s,%.0f\n' "$name" "$cities" "$years" "$threads" "$med" "$ns" "$(awk -v k="$rss" 'BEGIN{print k/1024}')" | tee -a "$results"
}

for size in 1e4 1e5 1e6; do
  cities=$(awk -v s="$size" 'BEGIN {printf "%d", s}')
  for threads in 1 2; do run_case "synthetic_$size" "configs/bench/synthetic_$size.yaml" "$cities" 10 "$threads"; done
done
for threads in 1 2; do run_case synthetic_1e6_300 configs/bench/synthetic_1e6_300.yaml 1000000 10 "$threads"; done
for threads in 1 2; do run_case paris_withdrawal scenarios/paris_withdrawal.yaml 1861 51 "$threads"; done
for threads in 1 2; do run_case paris_withdrawal_summary configs/bench/paris_withdrawal_summary.yaml 1861 51 "$threads"; done
# The real-world sweep of docs/SWEEPS.md: 200 runs of 1,861 cities x 51 years
# (runs a minute = 200 * 60 / median_wall_s).
run_case sweep_paris_withdrawal_lhs configs/sweeps/paris_withdrawal_lhs.yaml 1861 $((51 * 200)) 2 sweep
rm -rf "$out"
echo "written: $results"

if [ "${URBIS_SUITE:-1}" = 1 ]; then
  URBIS_BENCH=${URBIS_BENCH:-$(dirname "$bin")/bench/urbis_bench} scripts/bench-suite.sh "$repeats"
  if command -v gnuplot >/dev/null; then bench/plot-performance.sh; fi
fi
