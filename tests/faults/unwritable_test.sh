#!/usr/bin/env bash
# An output folder that cannot be written: a clear error naming the path,
# found before any work and reported as the user's mistake it is (exit code
# 2, like every bad input; 1 is for failures during the work, such as a full
# disk), nothing written, and the results of an earlier run left as they were.
# Cases: a folder without write permission (chmod 555; as root, where chmod
# does not bite, a read-only tmpfs mount instead, or a path under /proc when
# mounting is not allowed), and a path through a regular file.
# Usage: unwritable_test.sh URBIS SOURCE_DIR
bin=$1
src=$2
. "$(dirname "$0")/lib.sh"
cd "$tmp"  # check writes out and err here, so the runs go under runs/
write_tiny_scenario tiny.yaml
check "an earlier run" 0 "$bin" run tiny.yaml -o runs/earlier
sums runs/earlier > earlier.sums

# --- a folder without write permission --------------------------------------
mkdir -p runs/locked
chmod 555 runs/locked
if ! touch runs/locked/probe 2>/dev/null; then
  locked=runs/locked
  how="chmod 555"
else
  rm -f runs/locked/probe
  # root: permissions do not stop us. A read-only mount does.
  mkdir -p ro
  if mount -t tmpfs -o ro,size=64k tmpfs ro 2>/dev/null; then
    cleanup_hooks+=("umount '$tmp/ro'")
    locked=ro
    how="a read-only tmpfs (running as root, chmod does not bite)"
  else
    locked=/proc/urbis-no-such-folder
    how="a path under /proc (running as root and without mount)"
  fi
fi
echo "unwritable folder: $how"
check "run into an unwritable folder exits 2" 2 "$bin" run tiny.yaml -o "$locked/run"
says "the message names the folder" "$locked/run"
check "run into an unwritable existing folder exits 2" 2 "$bin" run tiny.yaml -o "$locked"
says "the message names the folder" "$locked"
[ -z "$(ls -A "$locked" 2>/dev/null)" ] && ok "nothing written" || bad "wrote into $locked: $(ls -A "$locked")"
chmod 755 runs/locked

# --- a path through a regular file --------------------------------------------
echo "not a folder" > runs/file
check "run under a regular file exits 2" 2 "$bin" run tiny.yaml -o runs/file/run
says "the message names the path" "runs/file/run"
says "the message gives the reason" "Not a directory"
check "a sweep under a regular file exits 2" 2 "$bin" sweep "$src/configs/sweeps/synthetic_grid.yaml" -o runs/file/sweep
[ "$(cat runs/file)" = "not a folder" ] && ok "the file is untouched" || bad "the file changed"

# --- earlier results ------------------------------------------------------------
cmp -s earlier.sums <(sums runs/earlier) && ok "earlier results intact" || bad "earlier results changed"
finish
