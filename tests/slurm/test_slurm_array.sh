#!/usr/bin/env bash
# Integration test (ctest label slurm): starts a single-node Slurm on localhost
# (scripts/slurm/local-cluster), submits a run as a job array of 3 shards plus the dependent
# merge with scripts/slurm/submit-array, and checks that the merged file holds the same data as
# the run done in one process; resubmits the array (complete shards are skipped); stops a task
# with SIGTERM to its batch shell (as --signal=B:TERM@120 does before a time limit) and checks
# that the resubmitted task resumes and gives the same data. In an MPI build it also runs
# scripts/slurm/ensemble-mpi.sbatch on 2 tasks, with mpirun and with srun --mpi=pmix. Skips (exit 77) unless SMUGSIM_SLURM_TEST=1 (scripts/test --cluster sets it) or when
# Slurm cannot start here; the cluster is stopped at the end whatever happens.
set -euo pipefail
if [ "${SMUGSIM_SLURM_TEST:-0}" != 1 ]; then
  echo "skipped: set SMUGSIM_SLURM_TEST=1 or run ./scripts/test --cluster (installs and starts Slurm)"
  exit 77
fi
src=${SMUG_SOURCE_DIR:?}
smugsim=${SMUGSIM:?}
dir=$(mktemp -d /tmp/smugsim-slurm.XXXXXX)
cleanup() {
  "$src/scripts/slurm/local-cluster" stop "$dir/cluster" || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 143' TERM INT  # ctest's timeout: exit through the EXIT trap, stopping the cluster
status=0
"$src/scripts/slurm/local-cluster" start "$dir/cluster" || status=$?
if [ $status -eq 3 ]; then
  echo "skipped: Slurm cannot start in this environment (reason above)"
  exit 77
elif [ $status -ne 0 ]; then
  exit 1
fi
# shellcheck source=/dev/null
. "$dir/cluster/env"
mkdir -p "$dir/work"
cd "$dir/work"

# Waits for the given jobs to leave the queue (at most 5 minutes).
wait_jobs() {
  for _ in $(seq 300); do
    [ -z "$(squeue -h -j "$1" 2>/dev/null)" ] && return 0
    sleep 1
  done
  echo "FAIL: jobs $1 still queued after 5 minutes:" >&2
  squeue >&2
  return 1
}

# Same datasets (NaN equals NaN) and root attributes, except wall_seconds and the attributes a
# merge or an MPI run documents as differing (output/SCHEMA.md).
compare() {
  /usr/bin/python3 - "$1" "$2" "${3:-5}" <<'PY'
import sys, h5py, numpy as np
varying = {"started_at", "finished_at", "command", "host", "threads", "resumed_from",
           "merged_from", "mpi_ranks"}
a, b = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r")
problems = []
def walk(name, obj):
    if not isinstance(obj, h5py.Dataset) or name == "wall_seconds":
        return
    if name not in b:
        problems.append(name + " missing"); return
    x, y = np.asarray(obj[()]), np.asarray(b[name][()])
    if x.dtype.kind == "f":
        same = x.shape == y.shape and np.array_equal(x, y, equal_nan=True)
    else:
        same = x.shape == y.shape and np.array_equal(x, y)
    if not same:
        problems.append(name + " differs")
a.visititems(walk)
for k in set(a.attrs) | set(b.attrs):
    if k in varying:
        continue
    if k not in a.attrs or k not in b.attrs or a.attrs[k] != b.attrs[k]:
        problems.append("attribute " + k)
nrep = a["replicate"].shape[0]
want = int(sys.argv[3])
if problems or nrep != want or b["replicate"].shape[0] != want:
    print("FAIL:", sys.argv[2], "differs from", sys.argv[1], problems[:10], nrep)
    sys.exit(1)
print("same data:", sys.argv[1], sys.argv[2], nrep, "replicates")
PY
}

args=(--scale 0.02 --replicates 5 --end 2022-09-30)
"$smugsim" run "$src/scenarios/baseline.ini" "${args[@]}" -q -o single.h5

# Job array of 3 shards, then the merge once all succeeded.
line=$(SMUGSIM="$smugsim" "$src/scripts/slurm/submit-array" -n 3 \
  run "$src/scenarios/baseline.ini" "$dir/work/array.h5" "${args[@]}")
echo "$line"
array_job=$(echo "$line" | sed -n 's/^array job \([0-9]*\) .*/\1/p')
merge_job=$(echo "$line" | sed -n 's/.*merge job \([0-9]*\) .*/\1/p')
wait_jobs "$array_job,$merge_job"
for f in smugsim-array-*.log smugsim-merge-*.log; do echo "--- $f"; cat "$f"; done
for i in 0 1 2; do
  [ -f "array.shard-$i-of-3.h5" ] || { echo "FAIL: shard $i was not written" >&2; exit 1; }
done
[ -f array.h5 ] || { echo "FAIL: the merge job did not write array.h5" >&2; exit 1; }
compare single.h5 array.h5

# A second submission of the same array finds every shard complete and does nothing.
again=$(sbatch --parsable --array=0-2 --export=ALL,SMUGSIM="$smugsim" \
  "$src/scripts/slurm/ensemble-array.sbatch" run "$src/scenarios/baseline.ini" \
  "$dir/work/array.h5" "${args[@]}")
wait_jobs "${again%%;*}"
grep -q "is complete; nothing to do" smugsim-array-"${again%%;*}"_1.log ||
  { echo "FAIL: a resubmitted task ran again" >&2; cat smugsim-array-"${again%%;*}"_1.log; exit 1; }

# MPI build: the MPI template on 2 tasks.
if [ "${SMUGSIM_MPI_BUILD:-OFF}" = ON ]; then
  job=$(sbatch --parsable --ntasks=2 --export=ALL,SMUGSIM="$smugsim" \
    "$src/scripts/slurm/ensemble-mpi.sbatch" run "$src/scenarios/baseline.ini" "${args[@]}" \
    -o "$dir/work/mpi.h5")
  wait_jobs "${job%%;*}"
  cat smugsim-mpi-"${job%%;*}".log
  [ -f mpi.h5 ] || { echo "FAIL: the MPI job did not write mpi.h5" >&2; exit 1; }
  compare single.h5 mpi.h5
  # The same with srun launching the ranks (Slurm's PMIx plugin, in Debian's slurm-wlm packages).
  job=$(sbatch --parsable --ntasks=2 \
    --export="ALL,SMUGSIM=$smugsim,SMUGSIM_LAUNCHER=srun --mpi=pmix" \
    "$src/scripts/slurm/ensemble-mpi.sbatch" run "$src/scenarios/baseline.ini" "${args[@]}" \
    -o "$dir/work/srun.h5")
  wait_jobs "${job%%;*}"
  cat smugsim-mpi-"${job%%;*}".log
  [ -f srun.h5 ] || { echo "FAIL: the srun MPI job did not write srun.h5" >&2; exit 1; }
  compare single.h5 srun.h5
fi
# Time limit: SIGTERM to the batch shell (what --signal=B:TERM@120 sends) stops smugsim once a
# replicate is checkpointed; the resubmitted task resumes and the result equals the single run.
long=(--scale 1 --replicates 6 --end 2023-12-31)
"$smugsim" run "$src/scenarios/baseline.ini" "${long[@]}" --threads 1 -q -o long-single.h5
submit_long() {
  local id
  id=$(sbatch --parsable --array=0 --export=ALL,SMUGSIM="$smugsim",SMUGSIM_THREADS=1 \
    "$src/scripts/slurm/ensemble-array.sbatch" run "$src/scenarios/baseline.ini" \
    "$dir/work/long.h5" "${long[@]}")
  echo "${id%%;*}"
}
job=$(submit_long)
for _ in $(seq 600); do
  compgen -G "long.shard-0-of-1.h5.partial/slot-*.ckpt" >/dev/null && break
  sleep 0.1
done
scancel --batch --signal=TERM "${job}_0"
wait_jobs "$job"
cat "smugsim-array-${job}_0.log"
grep -q "SIGTERM: stopping smugsim" "smugsim-array-${job}_0.log" ||
  { echo "FAIL: the task did not get SIGTERM" >&2; exit 1; }
if [ -f long.shard-0-of-1.h5 ]; then
  echo "FAIL: the stopped task wrote its shard (finished before the signal?)" >&2
  exit 1
fi
compgen -G "long.shard-0-of-1.h5.partial/slot-*.ckpt" >/dev/null ||
  { echo "FAIL: no checkpoints kept" >&2; exit 1; }
job=$(submit_long)
wait_jobs "$job"
cat "smugsim-array-${job}_0.log"
grep -q "resuming: " "smugsim-array-${job}_0.log" ||
  { echo "FAIL: the resubmitted task did not resume" >&2; exit 1; }
"$smugsim" merge long.h5 long.shard-0-of-1.h5
compare long-single.h5 long.h5 6

echo "slurm job array: passed"
