#!/usr/bin/env bash
# Configures and builds urbis (release preset) into build/release.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/release/build.ninja ] || cmake --preset release
cmake --build --preset release
