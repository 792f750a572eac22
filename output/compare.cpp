#include "output/compare.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace smug::out {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double mean_of(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return sum / static_cast<double>(v.size());
}

// Sample variance (n-1); NaN for fewer than two values.
double variance_of(const std::vector<double>& v) {
  if (v.size() < 2) return kNaN;
  const double m = mean_of(v);
  double ss = 0;
  for (double x : v) ss += (x - m) * (x - m);
  return ss / static_cast<double>(v.size() - 1);
}

template <typename T>
std::string list_text(const std::vector<T>& v) {
  // Appends only: GCC 12 warns (-Wrestrict, a false positive) on "literal" + std::string chains.
  std::string s = "[";
  const size_t shown = std::min<size_t>(v.size(), 6);
  for (size_t i = 0; i < shown; ++i) {
    if (i) s += ',';
    s += std::to_string(v[i]);
  }
  if (v.size() > shown) s.append(",... (").append(std::to_string(v.size())).append(")");
  return s.append("]");
}

const char* kind_name(SeriesKind k) {
  return k == SeriesKind::kFlow ? "flow" : "level";
}

}  // namespace

std::optional<std::string> incomparable_reason(const RunData& base, const RunData& other) {
  if (base.start_date != other.start_date || base.ndays != other.ndays) {
    return "different horizons: base starts " + base.start_date + " for " +
           std::to_string(base.ndays) + " days, other starts " + other.start_date + " for " +
           std::to_string(other.ndays) + " days";
  }
  if (base.replicate_ids != other.replicate_ids) {
    return "different replicate keys: base " + list_text(base.replicate_ids) + ", other " +
           list_text(other.replicate_ids);
  }
  if (base.seeds != other.seeds) {
    return "different seeds: base " + list_text(base.seeds) + ", other " + list_text(other.seeds);
  }
  return std::nullopt;
}

CompareRow compare_values(const std::vector<double>& base, const std::vector<double>& other) {
  if (base.size() != other.size()) {
    throw std::invalid_argument("compare_values: " + std::to_string(base.size()) +
                                " base values against " + std::to_string(other.size()));
  }
  CompareRow row;
  row.base_mean = describe(base).mean;
  row.other_mean = describe(other).mean;
  row.rel_change = row.base_mean == 0 ? kNaN : row.other_mean / row.base_mean - 1;

  std::vector<double> b, o, d;
  for (size_t r = 0; r < base.size(); ++r) {
    if (std::isnan(base[r]) || std::isnan(other[r])) continue;
    b.push_back(base[r]);
    o.push_back(other[r]);
    d.push_back(other[r] - base[r]);
  }
  row.replicates = static_cast<int>(d.size());
  if (d.empty()) {
    row.diff_mean = row.diff_p05 = row.diff_p95 = row.p_negative = row.pairing_gain = kNaN;
    return row;
  }
  row.diff_mean = mean_of(d);
  row.p_negative =
      static_cast<double>(std::count_if(d.begin(), d.end(), [](double x) { return x < 0; })) /
      static_cast<double>(d.size());
  const double paired = variance_of(d);
  row.pairing_gain =
      (std::isnan(paired) || paired == 0) ? kNaN : (variance_of(b) + variance_of(o)) / paired;
  std::sort(d.begin(), d.end());
  row.diff_p05 = quantile_sorted(d, 0.05);
  row.diff_p95 = quantile_sorted(d, 0.95);
  return row;
}

std::vector<CompareRow> compare_runs(const RunData& base, const RunData& other,
                                     const std::vector<std::string>& metrics, Period period,
                                     std::optional<Date> from, std::optional<Date> to) {
  if (const auto why = incomparable_reason(base, other)) throw std::invalid_argument(*why);
  std::vector<std::vector<PeriodValues>> pb, po;
  for (const auto& m : metrics) {
    const Series* sb = base.find(m);
    const Series* so = other.find(m);
    if (!sb || !so) {
      throw std::invalid_argument("metric '" + m + "' is not a series of the " +
                                  (sb ? "other" : "base") + " run");
    }
    if (sb->kind != so->kind) {
      throw std::invalid_argument("metric '" + m + "' is a " + kind_name(sb->kind) +
                                  " in the base run but a " + kind_name(so->kind) +
                                  " in the other");
    }
    pb.push_back(aggregate(base, *sb, period, from, to));
    po.push_back(aggregate(other, *so, period, from, to));
  }
  std::vector<CompareRow> rows;
  if (pb.empty()) return rows;
  // Same horizon and time axis, so the periods line up across runs and metrics.
  for (size_t p = 0; p < pb[0].size(); ++p) {
    for (size_t m = 0; m < metrics.size(); ++m) {
      const PeriodValues& b = pb[m][p];
      CompareRow row = compare_values(b.values, po[m][p].values);
      row.period = b.label;
      row.metric = metrics[m];
      row.covered = b.covered;
      row.partial = b.partial();
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace smug::out
