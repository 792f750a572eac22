// Calibration targets (scenarios/data/targets.csv) and how a run meets them. Pure computation on
// RunData, used by `smugsim targets` and by the calibration test.
//
// The targets file is CSV (RFC 4180: fields may be quoted with double quotes, and a quoted field
// may hold commas, doubled quotes "" and line breaks). Records starting with '#' are comments,
// blank lines are skipped. The header names the columns, in any order:
//   id,metric,window_start,window_end,observed,lower,upper[,source][,note]
// window_start and window_end are inclusive dates (YYYY-MM-DD); observed may be empty.
//
// Metric forms:
//  - NAME: the series aggregated over the window per replicate (flows summed, levels averaged;
//    out::aggregate with Period::kWindow);
//  - yoy:NAME: NAME over the window divided by NAME over the same window one year earlier (same
//    month and day, year - 1; 29 February becomes 28 February), aggregated as above (for a flow,
//    a ratio of sums).
//
// Statistics across replicates (those whose value is not NaN):
//  - NAME: mean, p05, p95 (type 7) of the per-replicate window aggregates, se = sd / sqrt(n);
//  - yoy:NAME: mean = ratio of the ensemble means of the two window aggregates (stabler than the
//    mean of per-replicate ratios, which a replicate with a small previous year dominates);
//    p05, p95 of the per-replicate ratios (a replicate with 0 in the previous year has no ratio
//    and drops out); se = sd(x_r - mean * y_r) / (sqrt(n) * mean(y)), the standard error of a
//    ratio of means (delta method), x the window and y the previous-year window.
// A target passes when its mean is inside [lower, upper], bounds included. A window (for yoy:, the
// previous-year window too) not wholly inside the run's horizon, or a series the run lacks, makes
// the target fail with a note saying why.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/date.hpp"
#include "output/runfile.hpp"

namespace smug::out {

// The targets file is read with the one CSV reader, core/csv.hpp.
using smug::CsvRecord;
using smug::parse_csv;

struct Target {
  std::string id;
  std::string metric;  // as written: "arrivals" or "yoy:arrivals"
  std::string series;  // the series the metric reads: "arrivals"
  bool yoy = false;
  Date window_start, window_end;
  std::optional<double> observed;
  double lower = 0, upper = 0;
  std::string source, note;
  int line = 0;  // in the targets file
};

// Parses a targets file's text. Throws smug::InputError (file name, line, column) for a missing
// column, a malformed date, number or metric, a window that ends before it starts, lower > upper,
// a duplicate id, or no targets at all.
std::vector<Target> parse_targets(std::string_view text, const std::string& file_name);

// Reads and parses a targets file; InputError if it cannot be read.
std::vector<Target> read_targets(const std::string& path);

struct TargetResult {
  Target target;
  double mean = 0, p05 = 0, p95 = 0, se = 0;  // NaN when the target could not be evaluated
  int replicates = 0;                         // replicates the statistics are over
  bool pass = false;
  std::string note;  // why it could not be evaluated ("window outside the run ..."), else empty
};

// The same month and day one year earlier (29 February -> 28 February).
Date one_year_earlier(Date d);

TargetResult evaluate_target(const RunData& run, const Target& target);
std::vector<TargetResult> evaluate_targets(const RunData& run, const std::vector<Target>& targets);

}  // namespace smug::out
