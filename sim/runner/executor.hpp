// Where a run's replicates are computed: one interface, two implementations. The threads
// executor runs them on a pool of threads of this process (engine/ensemble.hpp); the ranks
// executor spreads them over the processes of an MPI job (runner/distributed.hpp), one replicate
// at a time per rank, results sent back as bytes (engine/replicate_codec.hpp) and put in order
// by rank 0. Either way slot s runs run_slot(s), so the results do not depend on the executor.
#pragma once
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/ensemble.hpp"

namespace smug {

using SlotRunner = std::function<ReplicateResult(size_t slot)>;

// Worker threads when none are asked for: every core this process may use.
int default_thread_count();

// Sets o.on_threads to print "smugsim: warning: could create only N of M threads" to *log (if
// log is not null) when the system refuses some of the threads asked for. The run goes on, on
// the threads it has; the threads executor records the number in its provenance().
void warn_of_thread_shortfall(EnsembleOptions& o, std::ostream* log);

class Executor {
 public:
  virtual ~Executor() = default;

  // False on the MPI ranks that only compute: rank 0 keeps the results and writes the files.
  virtual bool keeps_results() const = 0;

  // Where results are kept: runs `slots` and returns their results in the order of `slots`
  // (shorter only if *o.stop was set; empty if !o.keep_results), calling o.on_result(i, r) and
  // o.on_done as each arrives; o.threads is the threads executor's. Elsewhere: computes what the
  // keeper hands out until it calls finish(), and returns nothing. o.seed and o.replicates are not
  // used.
  virtual std::vector<ReplicateResult> run(const std::vector<size_t>& slots,
                                           const SlotRunner& run_slot,
                                           const EnsembleOptions& o) = 0;

  // Lets the other processes' run() return. Idempotent.
  virtual void finish() {}

  // Entries for the run file's provenance (mpi_ranks; threads, when the system refused some).
  virtual std::map<std::string, std::string> provenance() const { return {}; }
};

// The ranks executor inside an MPI job of two or more ranks, else the threads executor.
std::unique_ptr<Executor> make_executor();

}  // namespace smug
