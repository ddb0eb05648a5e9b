#!/usr/bin/env bash
# Every command-line mistake of issue 12, one row each: the command, the exit
# code, and a text the message must hold. Every message must be in the one
# style, "urbis: error: ..." (a mistake in what the user wrote: exit 2), and
# nothing else may be printed on stderr (no parser banner, no "Run with
# --help" in another voice).
# Usage: mistakes_test.sh URBIS SOURCE_DIR MPI(ON|OFF) WEB(ON|OFF)
set -u
bin=$1
src=$2
mpi=$3
web=$4
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
cd "$tmp"
fails=0

# --- files the rows refer to --------------------------------------------------
cat > tiny.yaml <<'YAML'
name: tiny
description: a small synthetic world
world:
  synthetic: {cities: 300, states: 6, regions: 2, networks: 3, seed: 3}
time: {start: 2000, end: 2002}
seed: 5
YAML
cat > extends_typo.yaml <<YAML
name: extends_typo
description: a typo in the parent's name
extends: baselin
YAML
cat > compare_typo.yaml <<YAML
name: compare_typo
description: a typo in the counterfactual's name
extends: baseline
compare_with: baselne
YAML
cat > self.yaml <<'YAML'
name: self
description: compared with itself
extends: tiny.yaml
compare_with: self.yaml
YAML
# Three independent mistakes: all three are reported, in file order.
cat > three.yaml <<'YAML'
name: three
description: three mistakes at once
extends: tiny.yaml
seeed: 4
parameters:
  economy.club_benfit: 0.1
events:
  - {year: 2001, type: withdrawl, state: S001, agreement: paris}
  - {year: 2001, type: withdraw, state: S001, agreement: paris}
YAML
cat > sweep.yaml <<'YAML'
name: reps
description: replicates only, no parameters
scenario: tiny.yaml
replicates: 3
metrics:
  - {name: coop, column: cooperation_index}
YAML
cat > sweep_bad.yaml <<'YAML'
name: bad
description: two mistakes in a sweep
scenario: tiny.yaml
replicates: 0
metrics:
  - {name: coop, column: cooperation_indx}
YAML
cat > calib.yaml <<'YAML'
scenario: tiny.yaml
seeds: [1, 2]
parameters:
  - {path: economy.club_benefit, start: 0.004, min: 0.001, max: 0.02}
targets:
  - {name: networks_2002, measure: active_networks, year: 2002, value: 10, scale: 5}
YAML
echo "a file" > afile
mkdir -p locked && chmod 555 locked
if touch locked/probe 2>/dev/null; then  # root: permissions do not bite; a path under /proc cannot be created
  rm -f locked/probe
  locked=/proc/urbis-no-such-folder
else
  locked=locked/out
fi

# --- the table: description | exit code | text in the message | command... ---
rows=(
  "no command|2|expected a command: run, validate"
  "a misspelt command|2|unknown command 'runn' (did you mean 'run'?)|runn tiny.yaml"
  "a misspelt option|2|urbis run: unknown option '--sed' (did you mean '--seed'?)|run --sed 3 tiny.yaml"
  "a misspelt global option|2|unknown option '--thread' (did you mean '--threads'?)|run tiny.yaml --thread 2"
  "an option value out of range|2|urbis run: --threads|run tiny.yaml --threads 2000"
  "a missing argument|2|urbis run: scenarios is required|run"
  "an extra argument|2|urbis report: unexpected argument 'b'|report a b"
  "a misspelt sub-subcommand|2|did you mean 'urbis sweep merge'?|sweep merg somewhere"
  "a negative seed|2|--seed: expected a seed: a whole number from 0 to 18446744073709551615 (2^64 - 1), got '-3'|run tiny.yaml --seed -3"
  "a seed past 2^64 - 1|2|seed '18446744073709551616' is past the largest seed|run tiny.yaml --seed 18446744073709551616"
  "a fractional seed|2|got '1.5'|run tiny.yaml --seed 1.5"
  "seeds backwards|2|the range '5-1' runs backwards; write 1-5|compare tiny.yaml tiny.yaml --seeds 5-1"
  "a seed twice|2|seed 3 is given twice|compare tiny.yaml tiny.yaml --seeds 1-3,3"
  "a misspelt library scenario|2|no such scenario file, and no scenario of that name in the library (did you mean 'paris_withdrawal'?)|validate paris_withdrawl"
  "a misspelt library scenario to run|2|(did you mean 'paris_withdrawal'?)|run paris_withdrawl"
  "a misspelt extends|2|extends_typo.yaml:3:10: extends: cannot find the scenario 'baselin' (did you mean 'baseline'?)|validate extends_typo.yaml"
  "a misspelt compare_with|2|compare_typo.yaml:4:15: compare_with: cannot find the scenario 'baselne' (did you mean 'baseline'?)|validate compare_typo.yaml"
  "compare_with itself|2|self.yaml:4:15: compare_with: names this scenario itself|validate self.yaml"
  "compare without a counterfactual|2|names no counterfactual to compare with|compare tiny.yaml"
  "a misspelt --set parameter|2|--set: unknown parameter 'economy.club_benfit' (did you mean 'economy.club_benefit'?)|run tiny.yaml --set economy.club_benfit=0.1"
  "-o is a file|2|-o afile: this is a file, not a folder|run tiny.yaml -o afile"
  "-o through a file|2|-o afile/run: cannot create this folder: afile is a file (Not a directory)|run tiny.yaml -o afile/run"
  "-o unwritable|2|-o $locked: cannot|run tiny.yaml -o $locked"
  "sweep -o is a file|2|-o afile: this is a file, not a folder|sweep sweep.yaml -o afile"
  "compare -o is a file|2|-o afile: this is a file, not a folder|compare tiny.yaml tiny.yaml --seeds 1 -o afile"
  "calibrate -o is a file|2|-o afile: this is a file, not a folder|calibrate calib.yaml -o afile"
  "a misspelt list|2|unknown list 'citis' (did you mean 'cities'?)|list citis"
  "a misspelt state to list|2|--state: unknown state 'CNA' (did you mean 'CAN'?)|list cities --state CNA"
  "a misspelt state to compare|2|--states: unknown state 'CNA' (did you mean 'CAN'?)|compare canada_withdrawal --seeds 1 --states CNA"
  "a sweep with mistakes|2|sweep_bad.yaml:4:13: replicates: expected a whole number in [1, 100000], got 0|validate sweep_bad.yaml"
  "a sweep's second mistake too|2|sweep_bad.yaml:6:26: metrics[0].column: unknown column 'cooperation_indx' of global.csv (did you mean 'cooperation_index'?)|validate sweep_bad.yaml"
)
if [ "$web" = ON ]; then
  rows+=("report -o is a folder|2|-o locked: this is a folder; name the file to write|report . -o locked"
         "a report of no folder|2|no such folder|report nowhere"
         "a misspelt library name in serve|2|no scenario 'paris_withdrawl' in the library (did you mean 'paris_withdrawal'?)|serve --scenario paris_withdrawl --port 0")
else  # built with -DURBIS_WITH_WEB=OFF: the commands that need the web front-end say so first
  rows+=("report without the web front-end|2|'urbis report' needs the web front-end, and this urbis was built without it (-DURBIS_WITH_WEB=OFF)|report . -o locked"
         "serve without the web front-end|2|'urbis serve' needs the web front-end|serve --scenario paris_withdrawl --port 0"
         "replay without the web front-end|2|'urbis replay' needs the web front-end|replay nowhere")
fi
if [ "$mpi" = ON ]; then
  rows+=("run under mpirun (MPI build)|2|only 'urbis sweep' shares its work out over MPI processes|env OMPI_COMM_WORLD_SIZE=2 run tiny.yaml")
else
  rows+=("a sweep under mpirun (no MPI)|2|this urbis was built without MPI|env OMPI_COMM_WORLD_SIZE=2 sweep sweep.yaml")
fi

for row in "${rows[@]}"; do
  IFS='|' read -r what want text cmd <<<"$row"
  # shellcheck disable=SC2086
  if [[ $cmd == env\ * ]]; then set -- $cmd; shift; envs=("$1"); shift; env "${envs[@]}" "$bin" "$@" >out 2>err
  else "$bin" $cmd >out 2>err; fi
  got=$?
  problem=""
  [ "$got" -eq "$want" ] || problem="exit $got, expected $want"
  grep -qF -- "$text" err || problem="$problem; no '$text'"
  if grep -qv '^urbis: error: ' err; then problem="$problem; a line not in the 'urbis: error: ' style"; fi
  if [ -n "$problem" ]; then echo "FAIL: $what ($cmd): $problem"; sed 's/^/    /' err; fails=$((fails + 1)); else echo "ok: $what"; fi
done

# --- all the mistakes of a file at once ---------------------------------------
"$bin" validate three.yaml >out 2>err
code=$?
[ "$code" -eq 2 ] && echo "ok: three mistakes: exit 2" || { echo "FAIL: three mistakes: exit $code"; fails=$((fails + 1)); }
for t in "three.yaml:4:1: unknown key 'seeed' (did you mean 'seed'?)" \
         "three.yaml:6:3: unknown parameter 'economy.club_benfit'" \
         "three.yaml:8:24: unknown event type 'withdrawl' (did you mean 'withdraw'?)"; do
  grep -qF -- "$t" err && echo "ok: reported: $t" || { echo "FAIL: not reported: $t"; cat err; fails=$((fails + 1)); }
done
[ "$(grep -c '^urbis: error: three.yaml:' err)" -eq 3 ] && echo "ok: one line each, in file order" \
  || { echo "FAIL: expected 3 lines"; cat err; fails=$((fails + 1)); }
[ "$(head -1 err | grep -c ':4:1:')" -eq 1 ] && echo "ok: first is the first in the file" || { echo "FAIL: order"; fails=$((fails + 1)); }

# --- what validate recognises ---------------------------------------------------
"$bin" validate sweep.yaml calib.yaml tiny.yaml >out 2>err
code=$?
[ "$code" -eq 0 ] && echo "ok: validate a sweep, a calibration config and a scenario" || { echo "FAIL: validate: exit $code"; cat err; fails=$((fails + 1)); }
grep -qF "sweep.yaml: ok (sweep reps, 1 points x 3 replicates = 3 runs)" out && echo "ok: the sweep of replicates only" || { echo "FAIL: sweep line"; cat out; fails=$((fails + 1)); }
grep -qF "calib.yaml: ok (calibration of tiny" out && echo "ok: the calibration config" || { echo "FAIL: calibration line"; cat out; fails=$((fails + 1)); }

# --- nothing written by a refused command ----------------------------------------
[ "$(cat afile)" = "a file" ] && echo "ok: the file named by -o is untouched" || { echo "FAIL: afile changed"; fails=$((fails + 1)); }
echo "mistakes: $fails failed"
[ "$fails" -eq 0 ]
