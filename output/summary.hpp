// Aggregation of run-file series over calendar periods and statistics across replicates.
// Pure computation on RunData, shared by `summarize` and the commands that compare runs with each
// other or with targets. Conventions (also in output/SCHEMA.md):
//  - a flow (arrivals, returns, ...) is summed over the days of a period; a level (people waiting,
//    price, ...) is averaged over them, skipping days whose value is NaN;
//  - a period only partly inside the run's horizon or the from/to clip is aggregated over the
//    covered days only (covered_days says how many), so a partial year's flow is a partial sum;
//  - statistics are across replicates, ignoring replicates whose aggregate is NaN.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "output/runfile.hpp"

namespace smug::out {

enum class Period { kDay, kMonth, kQuarter, kYear, kWindow };

// "day", "month", "quarter", "year", "window"; nullopt for anything else.
std::optional<Period> parse_period(std::string_view text);
const char* period_name(Period p);

// The calendar period containing day d: [first, last], inclusive. kWindow has no calendar
// meaning and is rejected with std::invalid_argument.
struct DateRange {
  Date first;
  Date last;
  int days() const { return last - first + 1; }
};
DateRange calendar_period(Period p, Date d);

// "2022-08-15", "2022-08", "2022Q3", "2022"; for kWindow "2022-12-13..2023-10-15" from the range.
std::string period_label(Period p, DateRange range);

// The run's horizon: start_date .. start_date + ndays - 1. Throws std::invalid_argument if the
// start date does not parse.
DateRange horizon(const RunData& run);

struct PeriodValues {
  std::string label;
  DateRange period;            // the whole calendar period (for kWindow: the requested window)
  DateRange covered;           // the days actually aggregated
  std::vector<double> values;  // one aggregate per replicate
  bool partial() const { return covered.days() != period.days(); }
};

// Aggregates one series over the periods that intersect the horizon clipped to [from, to]. For
// kWindow, one period: [from or horizon start, to or horizon end]. Empty when nothing overlaps.
std::vector<PeriodValues> aggregate(const RunData& run, const Series& series, Period period,
                                    std::optional<Date> from = std::nullopt,
                                    std::optional<Date> to = std::nullopt);

struct Stats {
  double mean = 0;
  double sd = 0;  // sample standard deviation (n-1); 0 when n == 1
  double p05 = 0, p50 = 0, p95 = 0;
  int replicates = 0;  // finite values the statistics are over; all NaN when 0
};

// Linear interpolation between order statistics (Hyndman and Fan type 7, R's default and numpy's
// "linear"). `sorted` must be ascending and non-empty; p in [0, 1].
double quantile_sorted(const std::vector<double>& sorted, double p);
Stats describe(const std::vector<double>& values);

struct SummaryRow {
  std::string period;
  std::string metric;
  Stats stats;
  DateRange covered;
  bool partial = false;
};

// Rows period-major: for each period, one row per metric in the order given. Throws
// std::invalid_argument naming the metric if one is not a series of the run, and RunFileError
// (exit 2) if there is no metric: a run file with no series has nothing to summarize.
std::vector<SummaryRow> summarize(const RunData& run, const std::vector<std::string>& metrics,
                                  Period period, std::optional<Date> from = std::nullopt,
                                  std::optional<Date> to = std::nullopt);

}  // namespace smug::out
