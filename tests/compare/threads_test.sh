#!/usr/bin/env bash
# The paired runs of urbis compare share the cores: the tables are
# byte-identical with 1, 2 and 4 threads. Named Parallel* so the tsan test
# preset runs it under ThreadSanitizer.
# Usage: threads_test.sh URBIS
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
cat > a.yaml <<'YAML'
name: a
description: a small synthetic world with an event
world:
  synthetic: {cities: 800, states: 8, regions: 2, networks: 6, seed: 3}
time: {start: 2000, end: 2005}
protagonists: [S001]
events:
  - {year: 2002, type: withdraw, state: S001, agreement: paris}
output:
  cities: {variables: [memberships, tension], stride: 1}
YAML
sed '/withdraw/d; /^events:$/d; s/^name: a/name: b/' a.yaml > b.yaml
for t in 1 2 4; do "$bin" -q compare a.yaml b.yaml --seeds 1-3 -o "t$t" --threads "$t" --no-progress >/dev/null; done
for f in effects.csv effects_summary.csv seeds.csv; do
  cmp t1/$f t2/$f && cmp t1/$f t4/$f || { echo "FAIL: $f depends on the thread count"; exit 1; }
done
echo "ok: the same tables with 1, 2 and 4 threads ($(($(wc -l < t1/effects.csv) - 1)) rows of effects)"
