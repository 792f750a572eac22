// The box a sensitivity design covers: one range per parameter. Designs are built on the unit cube
// [0,1]^k, where the Morris grid and the Sobol sequence are defined, and scaled to the ranges only
// to give the points the model runs at, so the estimators never depend on the parameters' units.
#pragma once
#include <string>
#include <vector>

namespace smug {

struct ParameterRange {
  std::string name;  // "section.key"; only the reports use it
  double low = 0, high = 1;
};

// Throws UsageError unless there is at least one range and each is finite with low < high: a
// design over an empty or reversed range would give indices that look valid and mean nothing.
void check_ranges(const std::vector<ParameterRange>& ranges);

// The unit point u in the ranges: low + u (high - low), coordinate by coordinate.
std::vector<double> scale_to_ranges(const std::vector<double>& u,
                                    const std::vector<ParameterRange>& ranges);

}  // namespace smug
