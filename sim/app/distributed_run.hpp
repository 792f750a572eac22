// `smugsim run|sweep` over the ranks of an MPI job: one work item per replicate (slot of the run),
// results sent back as bytes (engine/replicate_codec.hpp) and put in order by rank 0.
#pragma once
#include <functional>
#include <vector>

#include "engine/ensemble.hpp"

namespace smug {

using SlotRunner = std::function<ReplicateResult(size_t slot)>;

// Rank 0: runs the slots over every rank. Returns the results in the order of `slots`, like
// run_ensemble (shorter only if stopped), and calls o.on_result(i, r) and o.on_done as each
// arrives; o.replicates and o.threads are not used (each rank runs one replicate at a time).
std::vector<ReplicateResult> run_slots_over_ranks(const std::vector<size_t>& slots,
                                                  const SlotRunner& run_slot,
                                                  const EnsembleOptions& o);

// Workers: runs the slots rank 0 hands out until it finishes.
void run_slots_for_rank0(const SlotRunner& run_slot, const std::atomic<bool>* stop);

}  // namespace smug
