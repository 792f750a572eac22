// Work spread over the processes of an MPI job (`mpirun -n K smugsim run|sweep|calibrate`, in a
// build with -DSMUGSIM_MPI=ON): a dynamic work queue in which rank 0 hands out work items one at a
// time, every rank (rank 0 too) computes one item at a time, and the results come back to rank 0,
// which alone writes files. Items and results are bytes (engine/replicate_codec.hpp).
//
// Implemented with MPI in mpi_distributed.cpp (SMUGSIM_MPI builds only) and as a single process in
// serial_distributed.cpp (the default build, where active() is always false). MPI is initialised
// on the first call to active(), only when the process was started by an MPI launcher (mpirun,
// srun), and finalised at exit.
#pragma once
#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace smug::dist {

// True when this process is one of two or more MPI ranks.
bool active();
int rank();
int ranks();
inline bool is_worker() {
  return active() && rank() != 0;
}

// Computes one work item's result. May throw: the message reaches rank 0, which throws
// RuntimeFailure naming the rank once the other outstanding items came back.
using Compute = std::function<std::string(const std::string& item)>;

// Rank 0: computes items over every rank and calls on_result(index, result) on this thread as
// results arrive (in any order). Hands out no more items once *stop is set (by a signal) or a
// worker reports that it was signalled, and returns when the items handed out came back.
void serve(const std::vector<std::string>& items, const Compute& compute,
           const std::function<void(size_t index, std::string&& result)>& on_result,
           const std::atomic<bool>* stop);

// Workers (ranks other than 0): computes the items rank 0 sends until it calls finish(). A
// worker whose *stop is set finishes its item and reports the stop with the result.
void work(const Compute& compute, const std::atomic<bool>* stop);

// Rank 0: lets the workers' work() return. Idempotent; also done at exit.
void finish();

}  // namespace smug::dist
