#!/usr/bin/env bash
# End-to-end test of `urbis report` in headless Chromium.
# Usage: browser_test.sh URBIS SOURCE_DIR ARTEFACT_DIR
set -euo pipefail
urbis=$1 src=$2 art=$3
mkdir -p "$art"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

chromium=${URBIS_CHROMIUM:-}
[ -x "$chromium" ] || chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then
  echo "report_browser: chromium not found (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
if [ ! -d "$src/web/node_modules/playwright-core" ]; then
  echo "report_browser: web/node_modules/playwright-core is missing (the build runs npm ci in web/)" >&2
  exit 1
fi

"$urbis" -q run paris_withdrawal -o "$work/run" --no-progress
"$urbis" -q report "$work/run" -o "$art/paris_withdrawal.html"
size=$(stat -c %s "$art/paris_withdrawal.html")
echo "report size: $size bytes"
if [ "$size" -gt 10000000 ]; then
  echo "report_browser: the report is over 10 MB" >&2
  exit 1
fi
NODE_PATH="$src/web/node_modules" CHROMIUM="$chromium" \
  node "$src/tests/report/browser_test.cjs" "$art/paris_withdrawal.html" "$art/paris_withdrawal.png"
