// Sensitivity ranges from a posterior sample: `posterior = FILE.csv` in a sensitivity set-up
// varies every real or integer parameter of the posterior over a central interval of its draws, so
// the analysis asks which of the parameters the calibration left uncertain a policy answer
// depends on, over the values the calibration did not rule out (not over the whole prior).
#pragma once
#include <string>
#include <vector>

#include "analysis/parameter_range.hpp"
#include "params/registry.hpp"
#include "runner/io/param_table.hpp"

namespace smug {

struct PosteriorRanges {
  std::vector<ParameterRange> ranges;  // in the posterior's column order
  std::vector<std::string> skipped;    // columns that cannot vary (a flag, or no spread)
};

// The weighted [lo_q, hi_q] quantiles of each real or integer column not in `explicit_names` (the
// set-up's own [parameters] lines, which take precedence); an integer's range is discrete (whole
// numbers: its quantiles are draws). Columns of flag parameters, and columns whose interval is
// empty, are listed in `skipped`.
PosteriorRanges posterior_ranges(const ParamTable& posterior, const ParamRegistry& reg, double lo_q,
                                 double hi_q, const std::vector<std::string>& explicit_names);

// The weighted q-quantile of values (the smallest value whose cumulative weight reaches q of the
// total); weights must be non-negative with a positive sum.
double weighted_quantile(std::vector<std::pair<double, double>> value_weight, double q);

}  // namespace smug
