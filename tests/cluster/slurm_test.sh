#!/usr/bin/env bash
# The Slurm path on the real thing: starts munge and a single-node Slurm
# (slurmctld + slurmd, Debian slurm-wlm) in a scratch folder, with their own
# config, key, socket and ports (nothing under /etc is touched), submits
# configs/cluster/slurm_array.sh as a 3-task array with sbatch --wait, merges
# the records and compares runs.csv with the plain sweep's. Needs root (the
# daemons) and the packages slurm-wlm and munge; fails, never skips, without.
# Usage: slurm_test.sh URBIS SOURCE_DIR
set -u
bin=$1
src=$2
. "$(dirname "$0")/../lib/check.sh"  # runs_content
fail() { echo "FAIL: $*"; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root to start slurmctld, slurmd and munged (run as root, or leave it out with ctest -LE cluster)"
for c in slurmctld slurmd sbatch sinfo munged munge unmunge python3; do
  command -v "$c" >/dev/null || fail "$c not found (Debian: slurm-wlm munge; scripts/install-deps.sh installs them)"
done
id munge >/dev/null 2>&1 || fail "no munge user (install the munge package)"
t=$(mktemp -d /tmp/urbis-slurm.XXXXXX)
chmod 755 "$t"
pids=()
cleanup() {
  for f in "$t"/slurmd.pid "$t"/slurmctld.pid "$t"/munge/munged.pid; do
    [ -s "$f" ] && kill "$(cat "$f")" 2>/dev/null
  done
  sleep 1
  rm -rf "$t"
}
trap cleanup EXIT

# munge, with its own key and socket.
mkdir -p "$t/munge" "$t/msock"
dd if=/dev/urandom of="$t/munge/munge.key" bs=1024 count=1 status=none
chown -R munge: "$t/munge" "$t/msock"
chmod 700 "$t/munge"
chmod 755 "$t/msock"
chmod 400 "$t/munge/munge.key"
sock=$t/msock/munge.sock
su -s /bin/sh munge -c "munged --key-file=$t/munge/munge.key --socket=$sock --pid-file=$t/munge/munged.pid \
  --log-file=$t/munge/munged.log --seed-file=$t/munge/munged.seed" || { cat "$t/munge/munged.log" 2>/dev/null; fail "munged did not start"; }
munge -n -S "$sock" | unmunge -S "$sock" | grep -q "STATUS: *Success" || fail "munge does not work"
echo "ok: munge"

# Slurm, one node, its own ports.
host=$(hostname -s)
port=$((20000 + RANDOM % 20000))
cpus=$(nproc)
mkdir -p "$t/state" "$t/spool"
cat > "$t/slurm.conf" <<CONF
ClusterName=urbistest
SlurmctldHost=$host
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$sock
CredType=cred/munge
StateSaveLocation=$t/state
SlurmdSpoolDir=$t/spool
SlurmctldPidFile=$t/slurmctld.pid
SlurmdPidFile=$t/slurmd.pid
SlurmctldLogFile=$t/slurmctld.log
SlurmdLogFile=$t/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus RealMemory=2000 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$t/slurm.conf
slurmctld -i || { cat "$t/slurmctld.log"; fail "slurmctld did not start"; }
slurmd || { cat "$t/slurmd.log"; fail "slurmd did not start"; }
for _ in $(seq 60); do sinfo -h -o %t 2>/dev/null | grep -q idle && break; sleep 1; done
sinfo -h -o %t | grep -q idle || { sinfo; tail -20 "$t/slurmctld.log" "$t/slurmd.log"; fail "the node did not become idle"; }
echo "ok: single-node Slurm up"

# The plain sweep, then the example array script on 3 tasks, then merge.
sweep=$src/configs/sweeps/synthetic_grid.yaml
"$bin" sweep "$sweep" -o "$t/plain" --threads 2 --no-progress >/dev/null 2>"$t/plain.err" || { cat "$t/plain.err"; fail "plain sweep"; }
cd "$t"
URBIS=$bin SWEEP=$sweep OUT=$t/array sbatch --wait --array=0-2 --output="$t/task-%a.out" \
  "$src/configs/cluster/slurm_array.sh" > "$t/sbatch.out" 2>&1
rc=$?
cat "$t/sbatch.out"
[ $rc -eq 0 ] || { cat "$t"/task-*.out; tail -20 "$t/slurmctld.log"; fail "sbatch --wait: exit $rc"; }
echo "ok: the array job ran"
n=$(ls "$t"/task-*.out | wc -l)
[ "$n" -eq 3 ] && echo "ok: 3 array tasks" || fail "$n task outputs"
grep -q "shard 1/3" "$t"/task-*.out && echo "ok: tasks took their shard from SLURM_ARRAY_TASK_ID" || { cat "$t"/task-*.out; fail "no shard in the tasks' logs"; }
"$bin" sweep merge "$t/array" || fail "merge"
if cmp -s <(runs_content "$t/plain/runs.csv") <(runs_content "$t/array/runs.csv"); then
  echo "ok: Slurm array + merge == plain sweep"
else
  diff <(runs_content "$t/plain/runs.csv") <(runs_content "$t/array/runs.csv") | head; fail "runs.csv differ"
fi
echo "sweep_slurm: 0 failed"
