// The model as a whole: an immutable description (parameters, measures, exogenous inputs) built
// once from a resolved scenario, and run() for one replicate. run() is const and touches no shared
// state, so replicates run in parallel on any number of threads with identical results.
#pragma once
#include <limits>
#include <memory>
#include <vector>

#include "measures/measure.hpp"
#include "model/model_params.hpp"
#include "model/series.hpp"
#include "model/world.hpp"

namespace smug {

// Limits that end a replicate early: for calibration, where a proposal that sends people by the
// hundred thousand is hopeless and would cost many times a plausible one.
struct RunLimits {
  double max_boat_sales = std::numeric_limits<double>::infinity();  // cumulative, full scale
};

struct ReplicateResult {
  uint64_t seed = 0;
  uint64_t replicate = 0;
  Recorder rec;
  double wall_seconds = 0;
  size_t state_bytes = 0;  // memory held by the replicate's state at the end
  bool aborted = false;    // stopped by a RunLimits: days after the stop are NaN
};

class Model {
 public:
  Model(const Scenario& s, ModelInputs inputs);
  ReplicateResult run(uint64_t seed, uint64_t replicate, const RunLimits& limits = {}) const;

  const ModelParams& params() const { return params_; }
  const std::vector<std::unique_ptr<Measure>>& measures() const { return measures_; }

 private:
  ModelParams params_;
  ModelInputs inputs_;
  std::vector<std::unique_ptr<Measure>> measures_;
};

// One day of the world (exposed for mechanism tests).
void step(World& w);

}  // namespace smug
