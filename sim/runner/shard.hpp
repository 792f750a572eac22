// Job arrays: `smugsim run|sweep --shard I/N` runs slice I (0-based) of N of the replicate axis,
// and `smugsim merge` puts the slices back together (output/merge.hpp). Slice I holds the
// replicates [floor(I*n/N), floor((I+1)*n/N)) of the n the whole run has, so the slices in index
// order are the whole run in order.
#pragma once
#include <cstddef>
#include <string>

namespace smug {

struct Shard {
  size_t index = 0;  // 0-based
  size_t count = 0;  // 0: no --shard, the whole run (--shard 0/1 is a shard holding it all)
  bool active() const { return count > 0; }
};

// "I/N" with 0 <= I < N, or "slurm": this Slurm array task's slice, from SLURM_ARRAY_TASK_ID,
// SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_STEP and SLURM_ARRAY_TASK_COUNT, whether the array is
// numbered from 0 or 1 (--array=0-9 and --array=1-10 both give slices 0..9 of 10). Throws
// UsageError naming the problem.
Shard parse_shard(const std::string& text);

// First and one-past-last replicate (slot) of the shard among n.
size_t shard_begin(const Shard& s, size_t n);
size_t shard_end(const Shard& s, size_t n);

// "run.h5" -> "run.shard-3-of-8.h5": what a shard writes when the run's output is "run.h5", so
// that every task of a job array can be given the same command line.
std::string shard_output(const std::string& output, const Shard& s);

}  // namespace smug
