#!/usr/bin/env bash
# A full disk: a clear error ("No space left on device" / "File too large"),
# exit code 1, no output file that looks complete but is not, and the
# results of an earlier run on the same disk intact.
# Two ways to fill it: a small tmpfs (mount needs root; CI runs as root),
# and, everywhere, a file-size limit (ulimit -f with SIGXFSZ ignored, so a
# write past the limit fails with EFBIG the way a write to a full disk fails
# with ENOSPC, through the same code).
# Usage: full_disk_test.sh URBIS SOURCE_DIR
bin=$1
src=$2
. "$(dirname "$0")/lib.sh"
cd "$tmp"
write_tiny_scenario tiny.yaml
scenario=$src/tests/engine/data/synthetic_20k.yaml  # outputs of a few MB

# The outputs of a failed run: absent, or whole (never a truncated file under an output's name).
no_partial_outputs() {  # folder, description
  local f bad_one=""
  for f in "$1"/*; do
    [ -e "$f" ] || continue
    case "$f" in
      *.tmp.[0-9]*) bad_one="$bad_one $(basename "$f")(temporary left)" ;;
      *) [ -e "ref/$(basename "$f")" ] && ! cmp -s "$f" "ref/$(basename "$f")" && bad_one="$bad_one $(basename "$f")" ;;
    esac
  done
  [ -z "$bad_one" ] && ok "$2: no partial outputs" || bad "$2: partial outputs:$bad_one"
}
check "a reference run" 0 "$bin" run "$scenario" -o ref --threads 2

# --- a full tmpfs ---------------------------------------------------------------
mkdir -p disk
if mount -t tmpfs -o size=256k tmpfs disk 2>/dev/null; then
  cleanup_hooks+=("umount '$tmp/disk'")
  check "an earlier run on the small disk" 0 "$bin" run tiny.yaml -o disk/earlier
  sums disk/earlier > earlier.sums
  # Fill what is left but a few blocks.
  dd if=/dev/zero of=disk/filler bs=4k 2>/dev/null
  rm -f disk/filler && dd if=/dev/zero of=disk/filler bs=4k count=$(( $(df -k --output=avail disk | tail -1) / 4 - 3 )) 2>/dev/null
  echo "free on the small disk: $(df -k --output=avail disk | tail -1) kB"
  check "a run onto the full disk exits 1" 1 "$bin" run "$scenario" -o disk/second --threads 2
  says "says the disk is full" "No space left on device"
  says "names the file" "disk/second/"
  no_partial_outputs disk/second "full disk"
  [ ! -e disk/second/run.json ] && ok "no run.json" || bad "run.json written"
  check "a sweep onto the full disk exits 1" 1 "$bin" sweep "$src/configs/sweeps/synthetic_grid.yaml" -o disk/sweep --threads 1
  cat "$tmp/err"
  [ ! -e disk/sweep/runs.csv ] && ok "no runs.csv from the failed sweep" || bad "runs.csv written"
  cmp -s earlier.sums <(sums disk/earlier) && ok "earlier results intact" || bad "earlier results changed"
  rm -f disk/filler
  check "with room again, a run completes" 0 "$bin" run tiny.yaml -o disk/second
else
  skip "full tmpfs: mount -t tmpfs is not permitted here (needs root); the file-size limit below covers the same code"
fi

# --- a file-size limit --------------------------------------------------------------
check "an earlier run" 0 "$bin" run tiny.yaml -o earlier
sums earlier > earlier2.sums
# 64 blocks of 512 bytes: global.csv fits, states.csv and cities.csv do not.
check "a run past the file-size limit exits 1" 1 bash -c 'trap "" XFSZ; ulimit -f 64; exec "$@"' _ "$bin" run "$scenario" -o limited --threads 2
says "says the file is too large" "File too large"
no_partial_outputs limited "file-size limit"
[ ! -e limited/run.json ] && ok "no run.json" || bad "run.json written"
cmp -s earlier2.sums <(sums earlier) && ok "earlier results intact" || bad "earlier results changed"
finish
