#!/usr/bin/env bash
# End-to-end test of `urbis serve --classroom` in headless Chromium: starts the
# server on a free port with a round clock, reads the port and the teacher's
# address from its start-up output, drives a teacher, the projector and three
# students (browser_test.cjs), then replays the downloaded debrief with
# `urbis replay` and compares it with the download, byte for byte.
# Usage: browser_test.sh URBIS SOURCE_DIR ARTEFACT_DIR
set -euo pipefail
urbis=$1 src=$2 art=$3
mkdir -p "$art"
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  cp "$work/serve.log" "$art/serve.log" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

chromium=${URBIS_CHROMIUM:-}
[ -x "$chromium" ] || chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then
  echo "classroom_browser: chromium not found (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
if [ ! -d "$src/web/node_modules/playwright-core" ]; then
  echo "classroom_browser: web/node_modules/playwright-core is missing (the build runs npm ci in web/)" >&2
  exit 1
fi

# The server prints `urbis serve: listening on http://HOST:PORT` and the
# teacher's address `http://HOST:PORT/teacher?room=CODE#token=TOKEN`.
"$urbis" serve --classroom --port 0 --round-seconds 12 >"$work/serve.log" 2>&1 &
server=$!
teacher=
for _ in $(seq 1 600); do
  base=$(sed -n 's#.*urbis serve: listening on \(http://[^ ]*\).*#\1#p' "$work/serve.log" | head -n 1)
  teacher=$(grep -o 'http://[^ ]*/teacher?room=[A-Z0-9]*#token=[0-9a-fA-F]*' "$work/serve.log" | head -n 1 || true)
  [ -n "$base" ] && [ -n "$teacher" ] && break
  if ! kill -0 "$server" 2>/dev/null; then
    cat "$work/serve.log" >&2
    echo "classroom_browser: urbis serve exited before listening" >&2
    exit 1
  fi
  sleep 0.1
done
if [ -z "$base" ] || [ -z "$teacher" ]; then
  cat "$work/serve.log" >&2
  echo "classroom_browser: no 'listening on' line or teacher address from urbis serve within 60 s" >&2
  exit 1
fi
echo "server: $base"
NODE_PATH="$src/web/node_modules" CHROMIUM="$chromium" \
  node "$src/tests/classroom/browser_test.cjs" "$base" "$teacher" "$art"

# The debrief, replayed from itself and from the record: the same page and
# the same tables, byte for byte.
"$urbis" replay "$art/debrief.html" -o "$work/replay" --force
cmp "$art/debrief.html" "$work/replay/debrief.html"
echo "ok   urbis replay of the downloaded debrief gives the same page, byte for byte"
"$urbis" replay "$art/class.json" -o "$work/replay-record" --force
cmp "$work/replay/global.csv" "$work/replay-record/global.csv"
cmp "$work/replay/class.csv" "$work/replay-record/class.csv"
echo "ok   urbis replay of the record gives the same tables"
