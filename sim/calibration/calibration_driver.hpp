// Runs a calibration: evaluates the ABC's proposals with the model (in parallel, with common
// random numbers across proposals), keeps the record in a calibration file after every
// generation, and resumes from it. Shared by `smugsim calibrate` and the recovery test.
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "calibration/abc.hpp"
#include "calibration/setup.hpp"
#include "model/world.hpp"
#include "output/calibfile.hpp"
#include "output/targets.hpp"
#include "params/scenario.hpp"

namespace smug {

struct CalibrationContext {
  Scenario scenario;  // the base scenario with run.end, run.scale set for calibration
  ModelInputs inputs;
  std::vector<out::Target> targets;
  CalibrationSetup setup;
};

// Distance of a run from the targets: root mean square over targets of the miss in units of the
// band's half-width, on the log scale for bands with a positive lower bound (counts, prices) and
// linearly otherwise; a target the run cannot evaluate counts as 1000 half-widths away. A run
// inside every band has a distance below 1.
double target_distance(const std::vector<out::TargetResult>& results);

// Runs the model at theta (replicates 0..R-1 with seed setup.abc.seed) and scores it.
Evaluation evaluate_parameters(const CalibrationContext& ctx, const std::vector<double>& theta);
// The same with replicates 0..replicates-1 of another seed.
Evaluation evaluate_parameters(const CalibrationContext& ctx, const std::vector<double>& theta,
                               uint64_t seed, int replicates);

// The check of a finished calibration: its closest accepted sets re-run on a larger ensemble of
// seeds the ABC never saw. With three replicates per proposal the ABC's distances carry those
// replicates' luck (common random numbers), so the set written to the baseline is the one
// closest on the check, not the one closest on the ABC's own draws.
struct CheckSettings {
  int candidates = 0;  // 0: no check
  int replicates = 24;
  uint64_t seed = 0;
  // An optional screen before the check: the `screen` closest accepted sets (0: none) on
  // `screen_replicates` replicates of the same seed, numbered after the check's own so the two
  // stages share no draws; the check then re-runs the `candidates` closest on the screen. The
  // ABC's order of its accepted sets is mostly its three replicates' luck, so the check's few
  // candidates are better chosen from all of them, on fresh draws.
  int screen = 0;
  int screen_replicates = 12;
};
struct CheckResult {
  std::vector<Evaluation> screened;  // the screen's evaluations, in the population's order
  std::vector<size_t> candidates;    // population indices of the checked sets
  std::vector<Evaluation> checked;   // their evaluations on the check's replicates
};
// The check, parallel over sets and replicates; `on_progress(done, total)` per replicate of
// either stage.
CheckResult check_closest(const CalibrationContext& ctx, const Abc& abc, const CheckSettings& check,
                          int threads, const std::function<void(size_t, size_t)>& on_progress);

// Puts the check's (and its screen's) evaluations and settings into a calibration record.
void record_check(out::CalibrationRecord& rec, const CheckSettings& check,
                  const CheckResult& result);

struct CalibrationOptions {
  std::string output;  // calibration file, rewritten after each generation
  bool resume = false;
  int threads = 1;
  std::function<void(const Abc&, size_t done, size_t total)> on_progress;  // per evaluation
  std::function<void(const Abc&)> on_generation;
  const std::atomic<bool>* stop = nullptr;
  std::map<std::string, std::string> provenance;
};

// Returns the final state; throws RunFileError if --resume finds a file of another set-up.
Abc run_calibration(const CalibrationContext& ctx, const CalibrationOptions& options);

// The record of a calibration's state (for the file).
out::CalibrationRecord make_record(const Abc& abc, const CalibrationContext& ctx,
                                   const std::vector<Evaluation>& history);

}  // namespace smug
