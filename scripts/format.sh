#!/usr/bin/env bash
# Formats the C++ sources (agents, analysis, sim, tests, bench, fuzz), or the
# files named, with clang-format and the project's .clang-format, in place;
# with --check, changes nothing and exits 1 when a file is not formatted,
# naming it.
# clang-format's output differs between major versions, so the check uses the
# version CI has (Debian 12: clang-format 14); $CLANG_FORMAT picks another program.
set -euo pipefail

check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
case "${1:-}" in
  -*) echo "usage: scripts/format.sh [--check] [FILE...]" >&2; exit 2 ;;
esac
named=()
for f in "$@"; do named+=("$(realpath -- "$f")"); done  # as given, before leaving the current folder
cd "$(dirname "$0")/.."

want=14
tool=${CLANG_FORMAT:-$(command -v clang-format-$want || command -v clang-format || true)}
if [ -z "$tool" ]; then
  echo "format: clang-format not found (Debian: apt-get install clang-format, or scripts/install-deps.sh)" >&2
  exit 2
fi
have=$("$tool" --version | sed -n 's/.*version \([0-9]*\).*/\1/p')
if [ "$have" != "$want" ]; then
  echo "format: $tool is clang-format $have; the tree is formatted with clang-format $want, whose output differs" >&2
  [ "$check" -eq 1 ] && exit 2
fi

if [ ${#named[@]} -gt 0 ]; then
  files=("${named[@]}")  # the files named (those a change touched)
else
  mapfile -t files < <(git ls-files -- 'agents/*.[ch]pp' 'analysis/*.[ch]pp' 'sim/*.[ch]pp' 'tests/*.[ch]pp' \
                                      'bench/*.[ch]pp' 'fuzz/*.[ch]pp')
fi
if [ "$check" -eq 1 ]; then
  # --dry-run --Werror prints each difference as a warning at its file:line and fails.
  "$tool" --style=file --dry-run --Werror "${files[@]}"
  echo "format: ${#files[@]} files formatted"
else
  "$tool" --style=file -i "${files[@]}"
fi
