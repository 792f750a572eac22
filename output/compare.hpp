// Paired comparison of two runs of the same replicates: a scenario against its baseline.
// Pure computation on RunData, used by `smugsim compare`. Two runs are comparable when they ran the
// same replicates (the same seeds and replicate keys, in the same order) over the same horizon
// (start date and number of days): replicate r of one then differs from replicate r of the other
// only by what the scenario changed (common random numbers), so the per-replicate difference
// isolates the scenario's effect from the noise both runs share.
//
// Per period and metric (periods and aggregation as in output/summary.hpp: flows summed, levels
// averaged):
//  - base_mean, other_mean: ensemble means over the replicates whose aggregate is not NaN;
//  - diff_mean, diff_p05, diff_p95: mean and 5th/95th percentiles (type 7) of the paired
//    differences other - base, over the replicates where both aggregates are not NaN;
//  - rel_change = other_mean / base_mean - 1 (NaN when base_mean is 0);
//  - p_negative: share of those replicates whose difference is negative (< 0);
//  - pairing_gain = (var(base) + var(other)) / var(other - base), sample variances (n-1) over the
//    same replicates: how many times smaller the variance of the paired difference is than that
//    of a difference between independent runs. NaN when var(other - base) is 0 or fewer than two
//    replicates pair up.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "output/runfile.hpp"
#include "output/summary.hpp"

namespace smug::out {

// Why two runs cannot be compared replicate by replicate ("different seeds: ...", "different
// horizons: ..."), or nullopt when they can.
std::optional<std::string> incomparable_reason(const RunData& base, const RunData& other);

struct CompareRow {
  std::string period;  // label as in summarize: "2023", "2023Q1", "2022-12-13..2023-10-15"
  std::string metric;
  DateRange covered;  // the days aggregated
  bool partial = false;
  double base_mean = 0, other_mean = 0;
  double diff_mean = 0, diff_p05 = 0, diff_p95 = 0;
  double rel_change = 0;
  double p_negative = 0;
  double pairing_gain = 0;
  int replicates = 0;  // replicates paired (both aggregates not NaN); the diff_* are NaN when 0
};

// The statistics of one period from the per-replicate aggregates of the two runs (same length,
// replicate r of one paired with replicate r of the other). Throws std::invalid_argument if the
// lengths differ.
CompareRow compare_values(const std::vector<double>& base, const std::vector<double>& other);

// Rows period-major: for each period, one row per metric in the order given. Throws
// std::invalid_argument if the runs are not comparable (the message is incomparable_reason), if a
// metric is missing from either run (naming it and the run: "base" or "other"), or if a metric is
// a flow in one run and a level in the other.
std::vector<CompareRow> compare_runs(const RunData& base, const RunData& other,
                                     const std::vector<std::string>& metrics, Period period,
                                     std::optional<Date> from = std::nullopt,
                                     std::optional<Date> to = std::nullopt);

}  // namespace smug::out
