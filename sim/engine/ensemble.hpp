// Runs a model's replicates on a pool of threads: the threads executor of the runner
// (runner/executor.hpp). Replicate r always uses stream key (seed, first_replicate + r), whichever
// thread runs it and in whatever order, so the results are identical on any thread count. A
// thread that cannot be created is not an error: the ensemble runs on the threads it has (the
// calling thread always works) and tells the caller through on_threads.
#pragma once
#include <atomic>
#include <functional>
#include <thread>
#include <vector>

#include "model/simulation.hpp"

namespace smug {

// Starts a thread running its argument; as std::thread, throws std::system_error when the system
// refuses one.
using SpawnThread = std::function<std::thread(std::function<void()>)>;

struct EnsembleOptions {
  uint64_t seed = 1;
  std::vector<uint64_t> replicates;  // replicate keys to run
  int threads = 1;
  // Called (from worker threads, serialised) after each replicate finishes, with its index in
  // `replicates`, before on_done. An exception thrown here stops the ensemble and is rethrown by
  // run_ensemble: this is where a caller saves each result as it comes (checkpoints).
  std::function<void(size_t index, const ReplicateResult&)> on_result;
  // Called (from worker threads, serialised) after each replicate finishes.
  std::function<void(const ReplicateResult&, size_t done, size_t total)> on_done;
  // Set to true from outside (e.g. a signal handler) to stop taking new replicates.
  const std::atomic<bool>* stop = nullptr;
  // False: each result is handed to on_result and on_done and then dropped, and nothing is
  // returned. For callers that keep results elsewhere (the runner's checkpoints), so that memory
  // does not grow with the number of replicates.
  bool keep_results = true;
  // Called (serialised with on_result and on_done; it must not throw) when fewer threads than
  // asked for could be created: how many run the replicates, the calling thread included, and
  // how many were asked for (`threads`, or the number of replicates if fewer).
  std::function<void(int ran, int asked)> on_threads;
  // Starts each worker thread; empty: std::thread. A seam for tests, which make one creation fail.
  SpawnThread spawn;
};

// Runs worker() on `threads` threads, the calling thread one of them, and returns when every one
// has returned. A thread the system refuses is not an error: the others run worker(), and
// on_shortfall(ran) (must not throw) is called on the calling thread, before its own worker(),
// with how many do, the calling thread included. spawn: as EnsembleOptions::spawn.
void run_workers(int threads, const std::function<void()>& worker, const SpawnThread& spawn,
                 const std::function<void(int ran)>& on_shortfall);

// Runs task(0..n-1) on options.threads threads with options' on_result, on_done and stop
// (options.seed and options.replicates are not used: the task knows what to run). Results in
// index order; shorter only if stopped.
std::vector<ReplicateResult> run_on_threads(size_t n,
                                            const std::function<ReplicateResult(size_t)>& task,
                                            const EnsembleOptions& options);

// Results in the order of options.replicates; replicates not run because of `stop` are missing
// (the vector is shorter only if stopped).
std::vector<ReplicateResult> run_ensemble(const Model& model, const EnsembleOptions& options);

// As above, but replicate i runs models[i] (same length as options.replicates): for ensembles
// whose parameters differ between replicates (posterior draws, design rows). The models must
// outlive the call.
std::vector<ReplicateResult> run_ensemble(const std::vector<const Model*>& models,
                                          const EnsembleOptions& options);

}  // namespace smug
