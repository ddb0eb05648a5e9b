#!/usr/bin/env bash
# Configures and builds urbis (release preset) into build/release: every
# target, or only those named (scripts/build.sh urbis: the program alone).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/release/build.ninja ] || cmake --preset release
if [ $# -gt 0 ]; then
  cmake --build --preset release --target "$@"
else
  cmake --build --preset release
fi
