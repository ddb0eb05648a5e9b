#!/usr/bin/env bash
# Plots the cost per city-step against world size from the suite's CSV
# (scripts/bench-suite.sh): the whole step and its largest phases, 1 and 2
# threads. Needs gnuplot (Debian: gnuplot-nox).
# Usage: bench/plot-performance.sh [suite.csv] [out.svg]
#        (defaults: out/bench/suite.csv, docs/images/performance.svg)
set -euo pipefail
cd "$(dirname "$0")/.."
csv=${1:-out/bench/suite.csv}
svg=${2:-docs/images/performance.svg}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# One data file per (case, threads): cities and ns per city-step.
cases="step coalitions economy learning metrics competition"
for c in $cases; do
  for t in 1 2; do
    awk -F, -v c="$c" -v t="$t" '$1 == c && $3 == t && $2 != "" { print $2, $7 }' "$csv" | sort -g > "$tmp/$c-$t.dat"
  done
done
plots=""
colour=1
for c in $cases; do
  width=$([ "$c" = step ] && echo 3 || echo 1.5)
  plots+="'$tmp/$c-1.dat' using 1:2 with linespoints lw $width lc $colour pt 7 title '$c, 1 thread', "
  plots+="'$tmp/$c-2.dat' using 1:2 with linespoints lw $width lc $colour dt 2 pt 6 title '$c, 2 threads', "
  colour=$((colour + 1))
done
gnuplot <<GNUPLOT
set terminal svg size 900,560 dynamic font 'sans,12' background '#ffffff'
set output '$svg'
set title 'Cost per city-step against world size (synthetic worlds; median of the repetitions)'
set xlabel 'cities'
set ylabel 'nanoseconds per city-step'
set logscale x 10
set logscale y 10
set format x '10^{%L}'
set grid xtics ytics mytics
set key outside right top
plot ${plots%, }
GNUPLOT
echo "written: $svg"
