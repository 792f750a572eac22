#include "analysis/parameter_range.hpp"

#include <cmath>

#include "core/errors.hpp"

namespace smug {

void check_ranges(const std::vector<ParameterRange>& ranges) {
  if (ranges.empty()) throw UsageError("a sensitivity design needs at least one parameter");
  for (const ParameterRange& r : ranges) {
    if (!std::isfinite(r.low) || !std::isfinite(r.high) || !(r.low < r.high))
      throw UsageError("parameter '" + r.name + "': the range needs finite low < high");
  }
}

std::vector<double> scale_to_ranges(const std::vector<double>& u,
                                    const std::vector<ParameterRange>& ranges) {
  std::vector<double> x(u.size());
  for (size_t i = 0; i < u.size(); ++i)
    x[i] = ranges[i].low + u[i] * (ranges[i].high - ranges[i].low);
  return x;
}

}  // namespace smug
