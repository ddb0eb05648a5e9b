#!/usr/bin/env bash
# The classroom server's long soak: 60 students behind one address play
# classroom_2025 (the real world) for 10 minutes of rounds on the round clock,
# with the teacher's page and the projector polling; passes when no request
# fails beyond the deliberate ones, the 99th percentile of latency stays under
# 200 ms and resident memory stays bounded (tests/serve/soak_test.cpp). The
# release suite runs the same test for 90 seconds (ctest -L soak).
#   scripts/soak.sh [SECONDS]    (default 600)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
build="$here/build/release"
if [ ! -x "$build/tests/serve/serve_soak" ]; then
  cmake --preset release -S "$here" >/dev/null
  cmake --build --preset release --target serve_soak
fi
echo "soak: 60 students from one address, ${seconds} s"
URBIS_SOAK_SECONDS=$seconds "$build/tests/serve/serve_soak"
