#!/usr/bin/env bash
# The posterior predictive figure of docs/CALIBRATION.md: the ABC bands
# (5-95% and the median, over the accepted points' means over the seeds) of
# the network count and of C40's members, against the article's points.
# Needs gnuplot (Debian: gnuplot-nox) and an ABC output folder whose
# predictive.csv has the series `networks` and `c40_members`
# (configs/calibration/calibrate.yaml):
#
#   build/release/urbis calibrate configs/calibration/calibrate.yaml --abc -o out/calibration-abc
#   scripts/calibration-bands.sh out/calibration-abc [OUT_SVG]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: scripts/calibration-bands.sh ABC_DIR [OUT_SVG]}
svg=${2:-docs/images/calibration-bands.svg}
command -v gnuplot >/dev/null || { echo "calibration-bands: needs gnuplot (apt-get install gnuplot-nox)" >&2; exit 2; }
csv=$dir/predictive.csv
[ -f "$csv" ] || { echo "calibration-bands: no $csv (run urbis calibrate CONFIG --abc -o $dir first)" >&2; exit 2; }

# One series as "year q05 q50 q95" rows (columns: series,scenario,measure,year,q05,q50,q95).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for series in networks c40_members; do
  awk -F, -v s="$series" 'NR > 1 && $1 == s { print $(NF - 3), $(NF - 2), $(NF - 1), $NF }' "$csv" > "$work/$series.dat"
  [ -s "$work/$series.dat" ] || { echo "calibration-bands: no series '$series' in $csv" >&2; exit 2; }
done
accepted=$(($(wc -l < "$dir/posterior.csv") - 1))

mkdir -p "$(dirname "$svg")"
gnuplot <<EOF
set terminal svg size 1000,460 font "sans,12" background rgb "white"
set output "$svg.tmp"
set datafile separator " "
set multiplot layout 1,2
set key outside below center horizontal spacing 1.2 width 2
set grid lc rgb "#dddddd"
set xlabel "year"

set title "Active networks, ABC posterior predictive ($accepted points)"
set ylabel "networks"
set yrange [0:*]
set xrange [1984:2019]
plot "$work/networks.dat" using 1:2:4 with filledcurves fc rgb "#9ecae1" fs solid 0.6 title "5-95%", \
     "$work/networks.dat" using 1:3 with lines lc rgb "#0072B2" lw 3 title "median", \
     "-" using 1:2:3:4 with yerrorbars pt 7 ps 0.8 lc rgb "#D55E00" lw 2 title "article (about: bars ±10%)"
1985 60 54 66
1999 120 108 132
2009 200 180 220
2018 275 250 300
e

set title "C40 members, ABC posterior predictive"
set ylabel "members"
set yrange [0:120]
set xrange [2004:2019]
plot "$work/c40_members.dat" using 1:2:4 with filledcurves fc rgb "#9ecae1" fs solid 0.6 title "5-95%", \
     "$work/c40_members.dat" using 1:3 with lines lc rgb "#0072B2" lw 3 title "median", \
     "-" using 1:2 with points pt 7 ps 1 lc rgb "#D55E00" title "C40: 18 founders, 96 in 2018"
2005 18
2018 96
e
unset multiplot
EOF
mv "$svg.tmp" "$svg"
echo "calibration-bands: wrote $svg"
