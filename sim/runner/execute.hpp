// Carries out a run plan (runner/run_plan.hpp): runs the plan's missing replicates (all, unless
// resuming; only its shard's with a shard), checkpoints each as it finishes
// (runner/checkpoint.hpp), and writes the run file. In an MPI job (runner/executor.hpp) the
// replicates are spread over the ranks and only rank 0 writes.
#pragma once
#include <string>

#include "runner/run_plan.hpp"

namespace smug {

// Finished: the run file is written and the checkpoints removed. Interrupted (*options.stop):
// the finished replicates are kept, nothing is written, and options.log says how to resume.
// Throws UsageError for a plan that cannot run (a resume that would change the numbers, more
// shards than slots) and RuntimeFailure for I/O.
RunOutcome execute(const RunPlan& plan, const RunOptions& options);

// The SHA-256 of everything that decides the plan's numbers (the manifest --resume compares, less
// when and how it was started): every shard of a run has its whole plan's, and a study keeps it
// in each run file to know a finished scenario when it sees one.
std::string plan_digest(const RunPlan& plan);

// "smugsim COMMAND ARGS --resume", quoted for a shell: the command that continues the plan.
std::string resume_command(const RunPlan& plan);

}  // namespace smug
