// The sensitivity set-up file (`smugsim sensitivity SETUP.ini`): which scenario (and, for paired
// effects, which second scenario), the method's settings, the parameters' ranges and the outputs:
//
//   [sensitivity]
//   scenario = ../whatifs/no_communique.ini
//   compare = ../baseline.ini          ; outputs: compare's metric minus scenario's
//   method = morris                    ; or sobol
//   trajectories = 10                  ; morris: r; sobol: samples = N
//   posterior = ../calibration/hm/posterior.csv   ; optional: vary its columns (below)
//   posterior_range = 0.05 0.95        ; the quantiles of the posterior's draws they span
//   [parameters]
//   decision.intercept = -7.6 -6.4     ; LOW HIGH, within the registry's range
//   [outputs]
//   arrivals_2023 = arrivals 2023-01-01 2023-12-31   ; METRIC FROM TO
//
// Parsed from text (no file I/O); errors name the file, line and key, as the calibration set-up's.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/parameter_range.hpp"
#include "core/date.hpp"
#include "params/registry.hpp"

namespace smug {

// A run-file series aggregated over [from, to] (summed if a flow, averaged if a level).
struct SensitivityOutput {
  std::string name, metric;
  Date from, to;
  int line = 0;  // in the set-up file, for errors found once the runs exist
};

struct SensitivitySetup {
  std::string path;
  std::string scenario, compare;  // as written (relative to the set-up file); compare optional
  int compare_line = 0;
  std::string method = "morris";
  int trajectories = 10, levels = 4, samples = 64, resamples = 1000;
  std::optional<int> replicates;  // run.replicates of both scenarios; else the scenario's
  std::optional<uint64_t> seed;   // run.seed, the Morris design's and the bootstrap's
  int replicates_line = 0, seed_line = 0;
  std::vector<ParameterRange> parameters;
  std::vector<SensitivityOutput> outputs;
  // posterior = FILE.csv: every real-valued column not in [parameters] varies over its
  // [posterior_lo, posterior_hi] quantiles (app/posterior_ranges.hpp); added by the command,
  // which reads the file (this parser does no I/O).
  std::string posterior;
  int posterior_line = 0;
  double posterior_lo = 0.05, posterior_hi = 0.95;
};

// Throws InputError naming file:line:key for an unknown section or key, an unknown parameter or
// one that is not real or belongs to [run], LOW >= HIGH or a range outside the registry's, an
// unknown metric, a bad date or FROM after TO, and a set-up without scenario, parameters (from
// [parameters] or a posterior) or outputs.
SensitivitySetup parse_sensitivity_setup(const std::string& path, const std::string& text,
                                         const ParamRegistry& reg);

}  // namespace smug
