#include "analysis/parameter_range.hpp"

#include <cmath>

#include "core/errors.hpp"

namespace smug {

namespace {

void check_discrete(const ParameterRange& r) {
  if (r.low != std::floor(r.low) || r.high != std::floor(r.high))
    throw UsageError("parameter '" + r.name + "': a discrete range needs whole-number bounds");
  if (r.kind == RangeKind::kChoice &&
      (r.low != 0 || r.high + 1 != static_cast<double>(r.choices.size())))
    throw UsageError("parameter '" + r.name + "': a choice's range is 0 to choices - 1");
}

}  // namespace

void check_ranges(const std::vector<ParameterRange>& ranges) {
  if (ranges.empty()) throw UsageError("a sensitivity design needs at least one parameter");
  for (const ParameterRange& r : ranges) {
    if (!std::isfinite(r.low) || !std::isfinite(r.high) || !(r.low < r.high))
      throw UsageError("parameter '" + r.name + "': the range needs finite low < high");
    if (r.discrete()) check_discrete(r);
    if (r.kind == RangeKind::kLog && !(r.low > 0))
      throw UsageError("parameter '" + r.name + "': a log range needs low > 0");
  }
}

double range_value(const ParameterRange& range, double u) {
  if (range.kind == RangeKind::kLog) return range.low * std::pow(range.high / range.low, u);
  const double x = range.low + u * (range.high - range.low);
  return range.discrete() ? std::round(x) : x;
}

double unit_of(const ParameterRange& range, double x) {
  if (range.kind == RangeKind::kLog)
    return std::log(x / range.low) / std::log(range.high / range.low);
  return (x - range.low) / (range.high - range.low);
}

std::vector<double> scale_to_ranges(const std::vector<double>& u,
                                    const std::vector<ParameterRange>& ranges) {
  std::vector<double> x(u.size());
  for (size_t i = 0; i < u.size(); ++i) x[i] = range_value(ranges[i], u[i]);
  return x;
}

}  // namespace smug
