#!/usr/bin/env bash
# The calibration figure of docs/CALIBRATION.md: the baseline scenario with
# the calibrated defaults over seeds 1-10, active networks and C40's members
# per year against the targets. Needs gnuplot (Debian: gnuplot-nox).
#
#   scripts/calibration-figure.sh [URBIS_BINARY] [OUT_SVG]
#
# Runs go to out/calibration-figure/ (kept, so the numbers can be checked).
set -euo pipefail
cd "$(dirname "$0")/.."
urbis=${1:-build/release/urbis}
svg=${2:-docs/images/calibration.svg}
command -v gnuplot >/dev/null || { echo "calibration-figure: needs gnuplot (apt-get install gnuplot-nox)" >&2; exit 2; }
[ -x "$urbis" ] || { echo "calibration-figure: no urbis binary at $urbis (build first: scripts/build.sh)" >&2; exit 2; }

runs=out/calibration-figure
mkdir -p "$runs"
for seed in 1 2 3 4 5 6 7 8 9 10; do
  "$urbis" run baseline --seed "$seed" -o "$runs/seed-$seed" --force --no-progress >/dev/null 2>"$runs/log" ||
    { cat "$runs/log" >&2; exit 1; }
done

# One row per year: year, then the value for each seed, then the mean.
table() {  # $1: file name, $2: awk program that prints "year value" per line
  for seed in 1 2 3 4 5 6 7 8 9 10; do awk -F, "$2" "$runs/seed-$seed/$1" > "$runs/.s$seed"; done
  paste -d' ' "$runs"/.s{1,2,3,4,5,6,7,8,9,10} |
    awk '{ printf "%s", $1; s = 0; for (i = 2; i <= NF; i += 2) { printf " %s", $i; s += $i } printf " %g\n", s / 10 }'
  rm -f "$runs"/.s*
}
table global.csv 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "active_networks") c = i; next } { print $1, $c }' > "$runs/networks.dat"
table networks.csv '$2 == "C40" { print $1, $5 }' > "$runs/c40.dat"

mkdir -p "$(dirname "$svg")"
gnuplot <<EOF
set terminal svg size 960,400 font "sans,12" background rgb "white"
set output "$svg.tmp"
set multiplot layout 1,2
set key bottom right
set grid lc rgb "#dddddd"
set xlabel "year"
set xrange [1985:2035]

set title "Active networks (baseline, seeds 1-10)"
set ylabel "networks"
set yrange [0:*]
set object 1 rect from 2017.5,250 to 2018.5,300 fc rgb "#E69F00" fs solid 0.35 noborder
plot for [s=2:11] "$runs/networks.dat" using 1:s with lines lc rgb "#9ecae1" lw 1 notitle, \
     "$runs/networks.dat" using 1:12 with lines lc rgb "#0072B2" lw 3 title "mean over seeds", \
     "-" using 1:2:3 with yerrorbars pt 7 ps 0.8 lc rgb "#D55E00" lw 2 title "targets: 60 in 1985, 250-300 in 2018"
1985 60 6
2018 275 25
e
unset object 1

set title "C40 members (baseline, seeds 1-10)"
set ylabel "members"
set yrange [0:120]
set xrange [2004:2035]
plot for [s=2:11] "$runs/c40.dat" using 1:s with lines lc rgb "#9ecae1" lw 1 notitle, \
     "$runs/c40.dat" using 1:12 with lines lc rgb "#0072B2" lw 3 title "mean over seeds", \
     "-" using 1:2:3 with yerrorbars pt 7 ps 0.8 lc rgb "#D55E00" lw 2 title "target: 96 in 2018 (within 15%)"
2018 96 14.4
e
unset multiplot
EOF
mv "$svg.tmp" "$svg"
echo "calibration-figure: wrote $svg (runs in $runs/)"
