#!/usr/bin/env bash
# Regenerates docs/images/report.png, the screenshot in README.md and
# docs/REPORT.md: a fresh run of paris_withdrawal, its report, and the top of
# the page (header, scenario events, map, the first charts) in headless
# Chromium, 1400 px wide. Rerun it whenever the model or the views change.
# Usage: scripts/report-screenshot.sh [OUT.png]   (default docs/images/report.png)
#        URBIS_BIN=path/to/urbis scripts/report-screenshot.sh   (another build; no build step)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
out=${1:-docs/images/report.png}
case "$out" in /*) ;; *) out=$repo/$out ;; esac
if [ -z "${URBIS_BIN:-}" ]; then
  scripts/build.sh urbis >/dev/null
fi
bin=$(realpath "${URBIS_BIN:-build/release/urbis}")
chromium=$(command -v chromium || true)
if [ -z "$chromium" ] || [ ! -d web/node_modules/playwright-core ]; then
  echo "report-screenshot: needs chromium and web/node_modules (scripts/install-deps.sh, then a build)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Run as a reader would type it, so the header's command line shows no path
# of this machine.
mkdir "$work/bin"
ln -s "$bin" "$work/bin/urbis"
(cd "$work" && PATH="$work/bin:$PATH" urbis -q run paris_withdrawal -o paris_withdrawal --no-progress >/dev/null &&
  PATH="$work/bin:$PATH" urbis -q report paris_withdrawal >/dev/null)
NODE_PATH=web/node_modules node - "$work/paris_withdrawal/report.html" "$out" "$chromium" <<'JS'
const { chromium } = require('playwright-core');
const { pathToFileURL } = require('node:url');
const [report, out, executablePath] = process.argv.slice(2);
(async () => {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--headless'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(pathToFileURL(report).href);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60000 });
  // Down to the end of the first row of charts of the world.
  const bottom = await page.$eval('#global .grid', (g) => {
    const first = g.children[0].getBoundingClientRect();
    return Math.ceil(first.bottom + window.scrollY + 16);
  });
  await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1400, height: bottom }, fullPage: true });
  await browser.close();
  console.log(`written: ${out} (1400 x ${bottom})`);
})().catch((e) => { console.error(e); process.exit(1); });
JS
