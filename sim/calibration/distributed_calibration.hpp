// `smugsim calibrate` over the ranks of an MPI job: one work item per proposal of a generation
// (its parameter values); the result, its distance and summaries, comes back to rank 0, which
// alone runs the ABC and writes the calibration file.
#pragma once
#include <atomic>
#include <functional>
#include <vector>

#include "calibration/calibration_driver.hpp"

namespace smug {

// Rank 0: evaluates the proposals over every rank into evaluated[i] (theta, distance,
// summaries) and calls progress(done) after each. Returns how many were evaluated: all, unless
// stopped.
size_t evaluate_over_ranks(const CalibrationContext& ctx,
                           const std::vector<std::vector<double>>& proposals,
                           std::vector<Evaluation>& evaluated,
                           const std::function<void(size_t done)>& progress,
                           const std::atomic<bool>* stop);

// Workers: evaluates the proposals rank 0 hands out until it finishes.
void evaluate_for_rank0(const CalibrationContext& ctx, const std::atomic<bool>* stop);

}  // namespace smug
