#!/usr/bin/env bash
# README command 1: set everything up and run the main job, the Paris
# withdrawal scenario, then say where its outputs are.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh urbis   # the program only: scripts/test.sh builds the tests and benchmarks
out=out/paris_withdrawal
build/release/urbis run scenarios/paris_withdrawal.yaml -o "$out" --force
build/release/urbis report "$out" -o "$out/report.html"
echo
echo "Done. Trajectories (CSV) and run.json are in $out/"
echo "  global.csv    one row per year: cooperation index, networks, actions, Gini, ..."
echo "  states.csv    one row per state and year (the US is the scenario's protagonist)"
echo "  networks.csv  one row per network and year; events.csv: what happened when"
echo "  cities.csv, places.csv, memberships.csv: every city each year, where it is, its networks"
echo "  (every column, with its unit and range: docs/OUTPUTS.md)"
echo
echo "Report (open it in any browser; it works offline): $out/report.html"
