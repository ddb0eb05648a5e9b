#!/usr/bin/env bash
# Plots the cost per city-step against world size for 60 and 400 networks
# (the suite's network_scaling cases, 2 threads): a whole step, the review
# alone and the start-up, beside the cost a step would have if it only
# streamed its columns at the STREAM triad's bandwidth (the bandwidth table
# of docs/PERFORMANCE.md: about 2,150 bytes a city-step). Needs gnuplot.
# Usage: bench/plot-network-scaling.sh [suite.csv] [out.svg]
#        (defaults: out/bench/suite.csv, docs/images/network-scaling.svg)
set -euo pipefail
cd "$(dirname "$0")/.."
csv=${1:-out/bench/suite.csv}
svg=${2:-docs/images/network-scaling.svg}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes_per_city_step=2145
# The triad's 2-thread bandwidth from the same CSV (bytes per second).
triad=$(awk -F, '$1 == "triad" && $3 == 2 { print $6 }' "$csv")
[ -n "$triad" ] || { echo "no triad row with 2 threads in $csv" >&2; exit 1; }
plots=""
colour=1
for c in step review_pruned startup; do
  label=$(case $c in step) echo "step" ;; review_pruned) echo "review of every city" ;; startup) echo "start-up (per city, once)" ;; esac)
  for n in 60 400; do
    awk -F, -v c="network_scaling/$c/networks:$n" '$1 == c { print $2, $7 }' "$csv" | sort -g > "$tmp/$c-$n.dat"
    [ -s "$tmp/$c-$n.dat" ] || { echo "no rows for network_scaling/$c/networks:$n in $csv" >&2; exit 1; }
    style=$([ "$n" = 60 ] && echo "pt 7" || echo "dt 2 pt 6")
    plots+="'$tmp/$c-$n.dat' using 1:2 with linespoints lw 2 lc $colour $style title '$label, $n networks', "
  done
  colour=$((colour + 1))
done
floor=$(awk -v b="$triad" -v n="$bytes_per_city_step" 'BEGIN { printf "%.1f", n / b * 1e9 }')
plots+="$floor with lines lw 1.5 lc rgb '#888888' dt 3 title 'streaming $bytes_per_city_step B at the triad bandwidth ($floor ns)'"
gnuplot <<GNUPLOT
set terminal svg size 900,640 dynamic font 'sans,12' background '#ffffff'
set output '$svg'
set title 'Cost per city-step as cities and networks multiply (2 threads, median)' noenhanced
set xlabel 'cities'
set ylabel 'nanoseconds per city-step'
set logscale x 10
set logscale y 10
set format x '10^{%L}'
set xrange [5e3:2e6]
set grid xtics ytics mytics
set key outside bottom center horizontal maxrows 4 noenhanced
plot $plots
GNUPLOT
echo "written: $svg"
