#!/usr/bin/env bash
# README command 2: build and run the whole test suite.
# The cluster tests start a single-node Slurm and munge, which needs root:
# without root they are left out, and this script says so. Every other
# label runs, the validation suite (ctest -L validation, docs/VALIDATION.md)
# included.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
extra=()
if [ "$(id -u)" -ne 0 ]; then
  echo "test: not root, so the Slurm test (label cluster) is left out; run as root to include it"
  extra=(-LE cluster)
fi
ctest --preset release "${extra[@]}" "$@"
