#!/usr/bin/env bash
# Regenerates the screenshots of docs/CLASSROOM.md: runs the classroom's
# browser test (a real-world class of three phones, the projector, the
# debrief, the live view; tests/classroom/) and copies the pictures it takes
# into docs/images/. Run it again whenever the pages or the model change.
#   scripts/classroom-screenshots.sh        (builds build/release first if needed)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
if [ ! -x build/release/urbis ]; then
  cmake --preset release >/dev/null
fi
cmake --build --preset release --target urbis
art=$(mktemp -d)
trap 'rm -rf "$art"' EXIT
tests/classroom/browser_test.sh "$here/build/release/urbis" "$here" "$art"
# The pictures the guide shows (phones at 390 px, the teacher's screen at 1400 px).
for name in join student-clock student-round teacher projector summary debrief live live-charts synthetic-map; do
  cp "$art/classroom-$name.png" "docs/images/classroom-$name.png"
done
echo "classroom-screenshots: docs/images/classroom-*.png updated"
