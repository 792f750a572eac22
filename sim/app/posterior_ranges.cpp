#include "app/posterior_ranges.hpp"

#include <algorithm>

namespace smug {

double weighted_quantile(std::vector<std::pair<double, double>> value_weight, double q) {
  std::sort(value_weight.begin(), value_weight.end());
  double total = 0;
  for (const auto& [v, w] : value_weight) total += w;
  double cumulative = 0;
  for (const auto& [v, w] : value_weight) {
    cumulative += w;
    if (cumulative >= q * total) return v;
  }
  return value_weight.back().first;
}

PosteriorRanges posterior_ranges(const ParamTable& posterior, const ParamRegistry& reg, double lo_q,
                                 double hi_q, const std::vector<std::string>& explicit_names) {
  PosteriorRanges out;
  for (size_t c = 0; c < posterior.names.size(); ++c) {
    const std::string& name = posterior.names[c];
    if (std::find(explicit_names.begin(), explicit_names.end(), name) != explicit_names.end())
      continue;
    const ParamSpec* spec = reg.find(name);
    if (!spec || (spec->type != ParamType::kReal && spec->type != ParamType::kInteger)) {
      out.skipped.push_back(name);
      continue;
    }
    std::vector<std::pair<double, double>> vw;
    for (const ParamTable::Row& r : posterior.rows) vw.emplace_back(r.values[c], r.weight);
    // A quantile is one of the draws, so an integer's bounds are whole numbers.
    const RangeKind kind = spec->type == ParamType::kReal ? RangeKind::kReal : RangeKind::kInteger;
    const ParameterRange range{name, weighted_quantile(vw, lo_q), weighted_quantile(vw, hi_q),
                               kind};
    if (range.low < range.high)
      out.ranges.push_back(range);
    else
      out.skipped.push_back(name);
  }
  return out;
}

}  // namespace smug
