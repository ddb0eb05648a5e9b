#!/usr/bin/env bash
# The Google Benchmark suite (bench/, docs/PERFORMANCE.md): every phase and a
# whole step on synthetic worlds of 10^3..10^6 cities with 1 and 2 threads,
# the STREAM triad, and the real-world paris_withdrawal scenario. Writes
# out/bench/suite.csv: per case the median over the repetitions, the cost
# per city-step, and the speed-up of 2 threads over 1.
# Usage: scripts/bench-suite.sh [repetitions] [filter]   (default 5, every case)
#        URBIS_BENCH=path/to/urbis_bench scripts/bench-suite.sh   (another build; no build step)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
filter=${2:-.}
if [ -z "${URBIS_BENCH:-}" ]; then
  scripts/build.sh >/dev/null
fi
bin=${URBIS_BENCH:-build/release/bench/urbis_bench}
# Large blocks in transparent huge pages, and freed blocks kept for the next
# allocations, as the urbis command asks for itself (sim/cli/huge_pages.hpp:
# the restart, and keep_freed_memory's mallopt), so the suite times the
# phases as runs do.
export GLIBC_TUNABLES=${GLIBC_TUNABLES:-glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=67108864}
mkdir -p out/bench
raw=out/bench/suite-raw.csv
csv=out/bench/suite.csv
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin" --benchmark_repetitions="$reps" --benchmark_report_aggregates_only=true \
  --benchmark_filter="$filter" --benchmark_out="$raw" --benchmark_out_format=csv
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Google Benchmark's CSV: name,iterations,real_time,cpu_time,time_unit,
# bytes_per_second,items_per_second,... One row per median; the speed-up is
# the 2-thread median throughput over the 1-thread one of the same case.
awk -F, '
  BEGIN { scale["ns"] = 1; scale["us"] = 1e3; scale["ms"] = 1e6; scale["s"] = 1e9 }
  $1 ~ /_median"$/ {
    name = $1; gsub(/"/, "", name); sub(/_median$/, "", name)
    n = split(name, part, "/")
    kase = part[1]; cities = ""; threads = ""; output = ""
    for (p = 2; p <= n; ++p) {
      split(part[p], kv, ":")
      if (kv[1] == "cities") cities = kv[2]
      else if (kv[1] == "threads") threads = kv[2]
      else if (kv[1] == "output") output = kv[2]
      else if (kv[1] == "networks") kase = kase "/networks:" kv[2]
      else if (index(part[p], ":") == 0 && part[p] != "real_time") kase = kase "/" part[p]  # load, run, network_scaling/step ...
    }
    if (output == "1") kase = kase "+output"
    if (kase ~ /^paris_withdrawal/) cities = 1861
    if (threads == "") threads = 1
    ns = $3 * scale[$5]
    key = kase SUBSEP cities
    row[key, threads] = sprintf("%s,%s,%s,%.6g,%s,%s", kase, cities, threads, ns / 1e6, $7, $6)
    items[key, threads] = $7; bytes[key, threads] = $6
    if (!(key in seen)) { seen[key] = 1; order[++count] = key }
  }
  END {
    print "case,cities,threads,median_ms,city_steps_per_s,bytes_per_s,ns_per_city_step,speedup_2v1"
    for (c = 1; c <= count; ++c) {
      key = order[c]
      for (t = 1; t <= 2; ++t) {
        if (!((key, t) in row)) continue
        per = (items[key, t] != "") ? sprintf("%.4g", 1e9 / items[key, t]) : ""
        up = ""
        if (t == 2 && ((key, 1) in row)) {
          if (items[key, 1] != "") up = sprintf("%.3f", items[key, 2] / items[key, 1])
          else if (bytes[key, 1] != "") up = sprintf("%.3f", bytes[key, 2] / bytes[key, 1])
        }
        print row[key, t] "," per "," up
      }
    }
  }' "$raw" > "$csv"
column -s, -t < "$csv" || cat "$csv"
echo "written: $csv (raw: $raw)"
