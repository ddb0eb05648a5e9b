#!/usr/bin/env bash
# `cmake --install` then the installed program, run from an unrelated folder
# with no URBIS_HOME: it finds its configs and scenarios in <prefix>/share/urbis
# (not in the source tree), and its outputs are those of the build tree's
# program. URBIS_HOME, when set, is used instead, and a wrong one is an error.
# Usage: install_test.sh CMAKE BUILD_DIR BUILD_TREE_URBIS
set -u
cmake=$1
build=$2
built=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/../lib/check.sh"
unset URBIS_HOME

p=$tmp/prefix
"$cmake" --install "$build" --prefix "$p" >"$tmp/install.log" 2>&1 && ok "cmake --install" ||
  { bad "cmake --install"; cat "$tmp/install.log"; }
for f in bin/urbis bin/urbis-serve share/urbis/configs/defaults.yaml share/urbis/configs/world/ne-populated-places.csv \
         share/urbis/configs/calibration/targets.yaml share/urbis/scenarios/paris_withdrawal.yaml; do
  [ -e "$p/$f" ] || bad "not installed: $f"
done

mkdir "$tmp/elsewhere" && cd "$tmp/elsewhere" || exit 1
if "$p/bin/urbis" run paris_withdrawal -o out --no-progress >"$tmp/run.log" 2>&1; then ok "installed urbis runs paris_withdrawal"
else bad "installed urbis run"; cat "$tmp/run.log"; fi
for f in run.json global.csv states.csv networks.csv events.csv; do
  [ -s "out/$f" ] || bad "no out/$f"
done
grep -q "\"scenario_file\": *\"$p/share/urbis/scenarios/paris_withdrawal.yaml\"" out/run.json &&
  ok "the scenario came from <prefix>/share/urbis" || { bad "scenario_file is not the installed one:"; grep scenario_file out/run.json; }

"$built" run paris_withdrawal -o "$tmp/built" --no-progress >/dev/null 2>&1 || bad "build-tree urbis run"
same=1
for f in global.csv states.csv networks.csv events.csv; do
  cmp -s "out/$f" "$tmp/built/$f" || { bad "$f differs from the build tree's run"; same=0; }
done
[ "$same" -eq 1 ] && ok "same outputs as the build tree's program"

# `urbis serve` is handed over to the installed urbis-serve beside it.
if "$p/bin/urbis" serve --help >"$tmp/serve.log" 2>&1 && grep -q "docs/CLASSROOM.md" "$tmp/serve.log"; then
  ok "installed urbis serve --help"
else bad "installed urbis serve --help"; cat "$tmp/serve.log"; fi

# URBIS_HOME: a copy with a scenario of its own is used; a folder without configs is refused (exit 2).
cp -r "$p/share/urbis" "$tmp/home"
cp "$tmp/home/scenarios/paris_withdrawal.yaml" "$tmp/home/scenarios/only_in_home.yaml"
URBIS_HOME=$tmp/home "$p/bin/urbis" validate only_in_home >"$tmp/home.log" 2>&1 &&
  ok "URBIS_HOME's scenarios are used" || { bad "URBIS_HOME not used"; cat "$tmp/home.log"; }
URBIS_HOME=$tmp/elsewhere "$p/bin/urbis" list >"$tmp/wrong.log" 2>&1
code=$?
[ "$code" -eq 2 ] && grep -q "URBIS_HOME=$tmp/elsewhere" "$tmp/wrong.log" && ok "a URBIS_HOME without configs: exit 2, named" ||
  { bad "wrong URBIS_HOME: exit $code"; cat "$tmp/wrong.log"; }

finish install
