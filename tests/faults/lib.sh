# Shared by the fault tests: a scratch folder, ok/bad counting, check
# (description, expected exit code, command...) and the final verdict.
# Usage: . lib.sh  (after setting bin and src)
set -u
tmp=$(mktemp -d)
cleanup_hooks=()
cleanup() {
  for h in "${cleanup_hooks[@]+"${cleanup_hooks[@]}"}"; do eval "$h"; done
  chmod -R u+w "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
fails=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fails=$((fails + 1)); }
skip() { echo "skipped: $1"; }
check() {  # description, expected exit code, command...
  local what=$1 want=$2
  shift 2
  "$@" >"$tmp/.stdout" 2>"$tmp/.stderr"
  local got=$?
  if [ "$got" -ne "$want" ]; then bad "$what: exit $got, expected $want"; cat "$tmp/.stdout" "$tmp/.stderr"; else ok "$what"; fi
}
says() {  # description, text expected in $tmp/err
  if grep -qF -- "$2" "$tmp/.stderr"; then ok "$1"; else bad "$1: no '$2' in: $(cat "$tmp/.stderr")"; fi
}
now_ms() { date +%s%3N; }
# Sleeps a random number of milliseconds in [0, max_ms].
random_sleep() { local ms=$((RANDOM * 32768 + RANDOM)); ms=$((ms % ($1 + 1))); sleep "$((ms / 1000)).$(printf %03d $((ms % 1000)))"; }
# Checksums of every file under a folder, for "left intact".
sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }
finish() { echo "$(basename "$0" .sh): $fails failed"; [ "$fails" -eq 0 ]; }
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
