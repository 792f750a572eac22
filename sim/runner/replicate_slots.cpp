#include "runner/replicate_slots.hpp"

#include "core/errors.hpp"

namespace smug {

void add_replicate_slots(RunPlan& plan, const ParamTable* posterior, int k, std::ostream* log) {
  const long replicates = plan.scenario.integer("run.replicates");
  for (long r = 0; r < replicates; ++r) plan.slot_key.push_back(static_cast<uint64_t>(r));
  if (!posterior) return;
  // Replicate r takes draw r mod K: draws past the replicates would never run.
  if (k > replicates)
    throw UsageError("--draws " + std::to_string(k) + ": more draws than the run's " +
                     std::to_string(replicates) + " replicates (each draw needs a replicate)");
  if (replicates % k != 0 && log) {
    *log << "smugsim: warning: " << replicates << " replicates are not a multiple of " << k
         << " draws: the first " << replicates % k
         << " draws get one replicate more than the others\n";
  }
  const auto drawn =
      draw_rows(*posterior, static_cast<uint64_t>(plan.scenario.integer("run.seed")), k);
  for (long r = 0; r < replicates; ++r) plan.slot_row.push_back(drawn[static_cast<size_t>(r % k)]);
  plan.table = posterior;
  plan.provenance["posterior_file"] = posterior->path;
  plan.provenance["posterior_sha256"] = posterior->sha256;
  plan.provenance["posterior_draws"] = std::to_string(k);
}

}  // namespace smug
