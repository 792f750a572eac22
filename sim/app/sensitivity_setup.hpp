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
//   organisations.initial = 1 6        ; an integer: whole-number bounds
//   organisations.credit_from = 2022-03-01 2022-07-01   ; a date: dates
//   organisations.entry_form = coin rate                 ; a text: its choices
//   [outputs]
//   arrivals_2023 = arrivals 2023-01-01 2023-12-31   ; METRIC FROM TO
//
// Parsed from text (no file I/O); errors name the file, line and key, as the calibration set-up's.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/parameter_range.hpp"
#include "core/date.hpp"
#include "params/registry.hpp"
#include "params/scenario.hpp"

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
  std::vector<int> parameter_lines;  // parameters[i]'s line (a posterior's: posterior_line)
  std::vector<SensitivityOutput> outputs;
  // posterior = FILE.csv: every real-valued column not in [parameters] varies over its
  // [posterior_lo, posterior_hi] quantiles (app/posterior_ranges.hpp); added by the command,
  // which reads the file (this parser does no I/O).
  std::string posterior;
  int posterior_line = 0;
  double posterior_lo = 0.05, posterior_hi = 0.95;

  void add_parameter(ParameterRange r, int line) {
    parameters.push_back(std::move(r));
    parameter_lines.push_back(line);
  }
};

// Throws InputError naming file:line:key for an unknown section or key, an unknown parameter or
// a flag or one of [run], LOW >= HIGH, a range outside the registry's, bounds that are not whole
// numbers (an integer) or dates (a date), fewer than two choices or one given twice (a text), an
// unknown metric, a bad date or FROM after TO, and a set-up without scenario, parameters (from
// [parameters] or a posterior) or outputs.
SensitivitySetup parse_sensitivity_setup(const std::string& path, const std::string& text,
                                         const ParamRegistry& reg);

// What only the scenario can tell: throws InputError naming the set-up's file:line:key for a date
// range not inside the run's start..end, or a choice the model does not accept.
void check_against_scenario(const SensitivitySetup& s, const Scenario& scenario);

}  // namespace smug
