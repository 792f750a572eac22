// The model as a whole: an immutable description (parameters, measures, exogenous inputs) built
// once from a resolved scenario, and run() for one replicate. The measures come in through the
// Measure port (model/measure.hpp); measures/assemble.hpp builds a model with the concrete ones.
// run() is const and touches no shared state, so replicates run in parallel on any number of
// threads with identical results.
#pragma once
#include <limits>
#include <memory>
#include <span>
#include <vector>

#include "model/measure.hpp"
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
  // measures: in their fixed order (each one's index keys its stream and its series).
  Model(const Scenario& s, ModelInputs inputs, MeasureSet measures);
  ReplicateResult run(uint64_t seed, uint64_t replicate, const RunLimits& limits = {}) const;

  const ModelParams& params() const { return params_; }
  std::span<const Measure* const> measures() const { return measures_.view(); }

 private:
  ModelParams params_;
  ModelInputs inputs_;
  MeasureSet measures_;
};

// One day of the world (exposed for mechanism tests).
void step(World& w);

}  // namespace smug
