#include "analysis/bootstrap.hpp"

#include <algorithm>
#include <cmath>

#include "core/check.hpp"
#include "core/rng.hpp"

namespace smug {

std::vector<size_t> bootstrap_resample(uint64_t seed, uint32_t b, size_t n) {
  SMUG_CHECK(n < (size_t{1} << 32), "bootstrap over 2^32 or more units");
  Stream s(StreamKey::make(seed, 0), Purpose::kBootstrap, b, 0);
  std::vector<size_t> idx(n);
  for (size_t& i : idx) i = s.below(static_cast<uint32_t>(n));
  return idx;
}

double quantile(std::vector<double> values, double q) {
  SMUG_CHECK(!values.empty() && q >= 0 && q <= 1, "quantile of nothing or outside [0, 1]");
  std::sort(values.begin(), values.end());
  const double h = q * static_cast<double>(values.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(h));
  const size_t above = std::min(below + 1, values.size() - 1);
  return values[below] + (h - static_cast<double>(below)) * (values[above] - values[below]);
}

Interval percentile_interval(const std::vector<double>& values) {
  std::vector<double> defined;
  for (double v : values)
    if (!std::isnan(v)) defined.push_back(v);
  if (defined.empty()) return Interval{std::nan(""), std::nan("")};
  return Interval{quantile(defined, 0.05), quantile(defined, 0.95)};
}

}  // namespace smug
