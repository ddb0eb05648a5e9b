#!/usr/bin/env bash
# Whole-process measure of `urbis report` on a large run: a synthetic world of
# configs/bench/synthetic_SIZE.yaml (10 years) with every city variable
# written every year (cities.csv, places.csv, memberships.csv), then
# `urbis report` on its folder. Prints the report's size, the peak memory and
# the wall time of `urbis report` (median of REPEATS), the run's size on disk,
# and (with Chromium) the time the page takes to open and draw.
# Usage: scripts/bench-report.sh [SIZE] [REPEATS]   (default 1e6 and 3)
#        URBIS_BIN=path/to/urbis scripts/bench-report.sh   (another build; no build step)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1e6}
repeats=${2:-3}
if [ -z "${URBIS_BIN:-}" ]; then
  scripts/build.sh urbis >/dev/null
fi
bin=${URBIS_BIN:-build/release/urbis}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/scenario.yaml" <<EOF
name: report_$size
description: configs/bench/synthetic_$size.yaml with every city variable written every year.
extends: $PWD/configs/bench/synthetic_$size.yaml
output:
  cities: {stride: 1}
EOF
"$bin" -q run "$work/scenario.yaml" -o "$work/run" --no-progress
echo "run folder: $(du -sh "$work/run" | cut -f1) ($(du -sh "$work/run/cities.csv" | cut -f1) of cities.csv)"

times=()
rss=0
for _ in $(seq "$repeats"); do
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" -q report "$work/run" -o "$work/report.html" >/dev/null
  read -r wall kb < "$work/time"
  times+=("$wall")
  [ "$kb" -gt "$rss" ] && rss=$kb
done
median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')
bytes=$(stat -c %s "$work/report.html")
printf 'report of %s cities: %.1f MB, peak memory %.0f MB, median wall time %s s (%s runs)\n' \
  "$size" "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')" "$(awk -v k="$rss" 'BEGIN{print k/1024}')" "$median" "$repeats"

# How long the page takes to open, from the file system, until its views are
# drawn (html[data-ready]); headless Chromium, as the browser tests use.
chromium=$(command -v chromium || true)
if [ -n "$chromium" ] && [ -d web/node_modules/playwright-core ]; then
  NODE_PATH=web/node_modules node - "$work/report.html" "$chromium" <<'JS'
const { chromium } = require('playwright-core');
const { pathToFileURL } = require('node:url');
(async () => {
  const browser = await chromium.launch({ executablePath: process.argv[3], args: ['--no-sandbox', '--headless'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const t0 = Date.now();
  await page.goto(pathToFileURL(process.argv[2]).href);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 120000 });
  console.log(`page drawn in ${((Date.now() - t0) / 1000).toFixed(1)} s (headless Chromium)`);
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
JS
fi
