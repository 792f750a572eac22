// The slots of a plain run (`smugsim run`, each scenario of `smugsim study`): one per replicate,
// keyed 0..n-1, and with a posterior sample the parameter set each replicate draws. Shared so
// that every command that runs scenarios pairs them the same way: the same keys and, for the same
// seed and table, the same draws in the same replicates.
#pragma once
#include <ostream>

#include "runner/io/param_table.hpp"
#include "runner/run_plan.hpp"

namespace smug {

// Gives the plan one slot per replicate (run.replicates of its scenario). With a posterior,
// replicate r takes draw r mod k of draw_rows(posterior, seed, k), and the plan records the
// table in its provenance. Throws UsageError for more draws than replicates; writes a warning to
// log (if any) when the replicates are not a multiple of the draws. The table must outlive the
// plan.
void add_replicate_slots(RunPlan& plan, const ParamTable* posterior, int k, std::ostream* log);

}  // namespace smug
