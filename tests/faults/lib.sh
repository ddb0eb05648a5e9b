# Shared by the fault tests: a scratch folder removed at exit (with
# cleanup_hooks run first), the helpers of tests/lib/check.sh (ok, bad,
# check, expect_text, runs_content, finish), and the fault tests' own below.
# Usage: . lib.sh  (after setting bin and src)
set -u
tmp=$(mktemp -d)
. "$(dirname "${BASH_SOURCE[0]}")/../lib/check.sh"
cleanup_hooks=()
cleanup() {
  for h in "${cleanup_hooks[@]+"${cleanup_hooks[@]}"}"; do eval "$h"; done
  chmod -R u+w "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
skip() { echo "skipped: $1"; }
says() {  # description, text expected in $tmp/err (the last check's stderr)
  if grep -qF -- "$2" "$tmp/err"; then ok "$1"; else bad "$1: no '$2' in: $(cat "$tmp/err")"; fi
}
now_ms() { date +%s%3N; }
# Sleeps a random number of milliseconds in [0, max_ms].
random_sleep() { local ms=$((RANDOM * 32768 + RANDOM)); ms=$((ms % ($1 + 1))); sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"; }
# Checksums of every file under a folder, for "left intact".
sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
# A small synthetic scenario (400 cities, 4 years) at $1, for the fault tests.
write_tiny_scenario() {
  cat > "$1" <<'YAML'
name: tiny
description: A small synthetic world for the fault tests.
world:
  synthetic: {cities: 400, states: 8, regions: 2, networks: 4, seed: 3}
time: {start: 2000, end: 2003}
seed: 5
YAML
}
