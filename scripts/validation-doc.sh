#!/usr/bin/env bash
# Regenerates the table of docs/VALIDATION.md: evaluates the patterns of
# configs/calibration/validation.yaml over their seeds and writes the table
# between the document's validation-table markers (the rest of the document
# is left alone). Prints the table; exits 0 even when a pattern is missed, so
# the document shows the misses (`ctest -L validation` is the check).
#
#   scripts/validation-doc.sh [URBIS_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
urbis=${1:-build/release/urbis}
[ -x "$urbis" ] || { echo "validation-doc: no urbis binary at $urbis (build first: scripts/build.sh)" >&2; exit 2; }
"$urbis" calibrate configs/calibration/validation.yaml --evaluate -o out/validation --update-doc docs/VALIDATION.md
echo "validation-doc: table written into docs/VALIDATION.md (tables in out/validation/)"
