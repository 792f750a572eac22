// The calibration set-up file (scenarios/calibration.ini): which scenario and targets, the
// method's settings, and the free parameters with their priors and a one-line reason each:
//
//   [calibration]
//   scenario = baseline.ini
//   targets = data/targets.csv
//   particles = 48
//   [free]
//   decision.intercept = uniform -8 -4 ; log-odds of leaving with nothing to gain: wide
//
// Parsed from text (no file I/O); errors name the file, line and key.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "calibration/abc.hpp"
#include "core/date.hpp"
#include "params/registry.hpp"

namespace smug {

struct CalibrationSetup {
  std::string scenario;  // as written (relative to the set-up file)
  std::string targets;
  AbcSettings abc;
  int replicates = 2;  // replicates per evaluation (common random numbers across particles)
  double scale = 1;
  std::optional<Date> end;  // simulate only up to here (the last target window)
  std::vector<Prior> priors;
};

CalibrationSetup parse_calibration_setup(const std::string& path, const std::string& text,
                                         const ParamRegistry& reg);

}  // namespace smug
