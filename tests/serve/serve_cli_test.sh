#!/usr/bin/env bash
# `urbis serve` and `urbis replay` as a teacher meets them on the command line:
# --help points at the teacher's guide, a scenario file with a mistake stops
# the start-up with its file, line and column (exit 2), an unknown library name
# gets a suggestion, a scenario file is served and offered, and a file that is
# not a class record is refused by replay (exit 2).
# Usage: serve_cli_test.sh URBIS
set -u
bin=$1
tmp=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/../lib/check.sh"

check "serve --help" 0 "$bin" serve --help
expect_text "serve --help points at the teacher's guide" "$tmp/out" "docs/CLASSROOM.md"
check "replay --help" 0 "$bin" replay --help

cat > "$tmp/my_class.yaml" <<'YAML'
name: my_class
description: A small class of my own.
world:
  synthetic: {cities: 80, states: 8, networks: 5, seed: 4}
time: {start: 2020, end: 2026}
YAML
cat > "$tmp/typo.yaml" <<'YAML'
name: typo
description: A mistake.
world:
  synthetic: {cities: 80, states: 8}
time: {start: 2020, end: 2026}
parameters:
  economy.club_benfit: 0.1
YAML
check "a scenario file with a mistake stops the start-up" 2 "$bin" serve --classroom --port 0 --scenario "$tmp/typo.yaml"
expect_text "... at its file, line and column" "$tmp/err" "typo.yaml:7:3"
expect_text "... with the nearest valid name" "$tmp/err" "economy.club_benefit"
check "a missing scenario file" 2 "$bin" serve --port 0 --scenario "$tmp/none.yaml"
check "an unknown library name" 2 "$bin" serve --port 0 --scenario paris_withdrawl
expect_text "... with a suggestion" "$tmp/err" "paris_withdrawal"

# A scenario file served, offered first beside a library one.
"$bin" serve --classroom --port 0 --scenario "$tmp/my_class.yaml" --scenario cooperation_vs_competition >"$tmp/serve.log" 2>&1 &
server=$!
base=
for _ in $(seq 1 600); do
  base=$(sed -n 's#.*urbis serve: listening on \(http://[^ ]*\).*#\1#p' "$tmp/serve.log" | head -n 1)
  [ -n "$base" ] && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$base" ]; then bad "serve --scenario FILE did not start"; cat "$tmp/serve.log"; else
  expect_text "the start-up room plays the file" "$tmp/serve.log" "(my_class, participatory)"
  expect_text "a projector address is printed" "$tmp/serve.log" "/projector?room="
  curl -s "$base/api/scenarios" >"$tmp/scenarios.json"
  expect_text "the file is offered first" "$tmp/scenarios.json" '[{"name":"my_class","description":"A small class of my own.","given":true}'
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: rebind.example' "$base/api/scenarios")
  if [ "$code" = 403 ]; then ok "a foreign Host header is refused"; else bad "Host rebind.example: $code"; fi
fi

echo '{"kind": "run"}' >"$tmp/report.json"
check "replay of a file that is not a class" 2 "$bin" replay "$tmp/report.json" -o "$tmp/r"
expect_text "... says so" "$tmp/err" "not a class record"
check "replay of a missing file" 2 "$bin" replay "$tmp/none.json" -o "$tmp/r"

finish serve_cli
