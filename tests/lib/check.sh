# The helpers the shell tests share, written once: pass/fail counting, a
# command checked for its exit code, a text looked for in a file, the final
# verdict, and runs.csv without its one varying column.
#
# Usage, near the top of a test (bash), after making a scratch folder:
#   tmp=$(mktemp -d)
#   . "$(dirname "$0")/../lib/check.sh"
# then
#   ok DESCRIPTION                     prints "ok: DESCRIPTION"
#   bad DESCRIPTION                    prints "FAIL: DESCRIPTION" and counts it in $fails
#   check DESCRIPTION CODE COMMAND...  runs COMMAND with its stdout in $tmp/out and
#                                      its stderr in $tmp/err; ok when it exits CODE,
#                                      otherwise bad, with both printed
#   expect_text DESCRIPTION FILE TEXT  ok when FILE holds TEXT (fixed string), otherwise
#                                      bad, with the file printed
#   runs_content RUNS_CSV [by_run]     the file without its wall_seconds column (the one
#                                      field that differs between two executions); with
#                                      by_run, rows sorted by run_id (header first)
#   finish [NAME]                      prints "NAME: N failed" (NAME by default: the
#                                      script's file name without .sh) and returns 1 if
#                                      any failed; the test's last command, so that it
#                                      gives the exit code
# $tmp is the test's to make and remove; these helpers only write $tmp/out and $tmp/err.

fails=0
ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; fails=$((fails + 1)); }
check() {  # description, expected exit code, command...
  local what=$1 want=$2
  shift 2
  "$@" >"${tmp:?check: no scratch folder \$tmp}/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" -ne "$want" ]; then bad "$what: exit $got, expected $want"; cat "$tmp/out" "$tmp/err"; else ok "$what"; fi
}
expect_text() {  # description, file, text
  if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: no '$3' in:"; cat "$2"; fi
}
runs_content() {  # runs.csv [by_run]
  python3 - "$1" "${2:-}" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
w = rows[0].index("wall_seconds")
body = sorted(rows[1:], key=lambda r: int(r[0])) if sys.argv[2] == "by_run" else rows[1:]
for r in [rows[0]] + body: print(",".join(r[:w] + r[w + 1:]))
PY
}
finish() { echo "${1:-$(basename "$0" .sh)}: $fails failed"; [ "$fails" -eq 0 ]; }
