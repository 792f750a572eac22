// The calibration file: every evaluated parameter set with its summaries and distance, the
// accepted population (the posterior sample) with weights, the tolerance per generation, and the
// set-up and provenance. Rewritten atomically after every generation, so an interrupted
// calibration resumes from its last complete generation. Knows HDF5, not the model.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace smug::out {

struct CalibrationRecord {
  std::vector<std::string> param_names;
  std::vector<std::string> prior_shapes;  // "uniform" | "loguniform"
  std::vector<double> prior_low, prior_high;
  std::vector<std::string> prior_reasons;
  std::vector<std::string> target_ids;

  // Every evaluation, row-major [evaluation][param] and [evaluation][target].
  std::vector<double> eval_theta, eval_summaries, eval_distance;
  std::vector<int> eval_generation;

  // The accepted population after the last complete generation.
  std::vector<double> pop_theta, pop_summaries, pop_distance, pop_weight;
  std::vector<int> pop_generation;

  // The check of the closest accepted sets on a larger ensemble of other seeds (empty if none
  // was run): [candidate][param], [candidate][target], [candidate].
  std::vector<double> check_theta, check_summaries, check_distance;
  int check_replicates = 0;
  uint64_t check_seed = 0;
  // The screen that chose the check's sets (empty if none): the closest accepted sets on
  // screen_replicates replicates of the check's seed, numbered from screen_first_replicate.
  std::vector<double> screen_theta, screen_summaries, screen_distance;
  int screen_replicates = 0, screen_first_replicate = 0;

  std::vector<double> tolerance, acceptance;      // per completed generation
  std::map<std::string, std::string> attributes;  // settings, set-up text, provenance

  int generations() const { return static_cast<int>(tolerance.size()); }
};

void write_calibration_file(const std::string& path, const CalibrationRecord& rec);
// Throws RunFileError (one line) for a missing, foreign or unreadable file.
CalibrationRecord read_calibration_file(const std::string& path);

}  // namespace smug::out
