#include "output/summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace smug::out {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

std::optional<Period> parse_period(std::string_view text) {
  if (text == "day") return Period::kDay;
  if (text == "month") return Period::kMonth;
  if (text == "quarter") return Period::kQuarter;
  if (text == "year") return Period::kYear;
  if (text == "window") return Period::kWindow;
  return std::nullopt;
}

const char* period_name(Period p) {
  switch (p) {
    case Period::kDay:
      return "day";
    case Period::kMonth:
      return "month";
    case Period::kQuarter:
      return "quarter";
    case Period::kYear:
      return "year";
    case Period::kWindow:
      return "window";
  }
  return "?";
}

DateRange calendar_period(Period p, Date d) {
  const Ymd v = to_ymd(d);
  switch (p) {
    case Period::kDay:
      return {d, d};
    case Period::kMonth:
      return {from_ymd(v.year, v.month, 1),
              from_ymd(v.year, v.month, days_in_month(v.year, v.month))};
    case Period::kQuarter: {
      const int first_month = 3 * (quarter_of(d) - 1) + 1;
      return {from_ymd(v.year, first_month, 1),
              from_ymd(v.year, first_month + 2, days_in_month(v.year, first_month + 2))};
    }
    case Period::kYear:
      return {from_ymd(v.year, 1, 1), from_ymd(v.year, 12, 31)};
    case Period::kWindow:
      break;
  }
  throw std::invalid_argument("a window is not a calendar period");
}

std::string period_label(Period p, DateRange range) {
  const Ymd v = to_ymd(range.first);
  char buf[32];
  switch (p) {
    case Period::kDay:
      return format_date(range.first);
    case Period::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", v.year, v.month);
      return buf;
    case Period::kQuarter:
      std::snprintf(buf, sizeof buf, "%04dQ%d", v.year, quarter_of(range.first));
      return buf;
    case Period::kYear:
      std::snprintf(buf, sizeof buf, "%04d", v.year);
      return buf;
    case Period::kWindow:
      return format_date(range.first) + ".." + format_date(range.last);
  }
  return "?";
}

DateRange horizon(const RunData& run) {
  const auto start = parse_date(run.start_date);
  if (!start) throw std::invalid_argument("run start date '" + run.start_date + "' is invalid");
  return {*start, *start + (run.ndays - 1)};
}

std::vector<PeriodValues> aggregate(const RunData& run, const Series& series, Period period,
                                    std::optional<Date> from, std::optional<Date> to) {
  const DateRange h = horizon(run);
  const int nrep = run.nreplicates();
  if (series.values.size() != static_cast<size_t>(nrep) * static_cast<size_t>(run.ndays)) {
    throw std::invalid_argument("series '" + series.name + "' does not match the run's shape");
  }
  const Date lo = from ? std::max(*from, h.first) : h.first;
  const Date hi = to ? std::min(*to, h.last) : h.last;
  std::vector<PeriodValues> out;
  if (lo > hi) return out;

  Date d = lo;
  while (d <= hi) {
    PeriodValues pv;
    if (period == Period::kWindow) {
      pv.period = {from.value_or(h.first), to.value_or(h.last)};
    } else {
      pv.period = calendar_period(period, d);
    }
    pv.covered = {std::max(pv.period.first, lo), std::min(pv.period.last, hi)};
    pv.label = period_label(period, pv.period);
    const int t0 = pv.covered.first - h.first, t1 = pv.covered.last - h.first;
    pv.values.resize(static_cast<size_t>(nrep));
    for (int r = 0; r < nrep; ++r) {
      const double* row = series.values.data() + static_cast<size_t>(r) * run.ndays;
      double sum = 0;
      int n = 0;
      for (int t = t0; t <= t1; ++t) {
        // A level may be undefined on some days (a ratio with nothing to divide by); those days
        // drop out of its mean. A NaN flow is a bug upstream and stays visible.
        if (series.kind == SeriesKind::kLevel && std::isnan(row[t])) continue;
        sum += row[t];
        ++n;
      }
      pv.values[static_cast<size_t>(r)] =
          series.kind == SeriesKind::kFlow ? sum : (n > 0 ? sum / n : kNaN);
    }
    d = pv.covered.last + 1;
    out.push_back(std::move(pv));
  }
  return out;
}

double quantile_sorted(const std::vector<double>& sorted, double p) {
  const double h = (static_cast<double>(sorted.size()) - 1) * p;
  const size_t lo = static_cast<size_t>(std::floor(h));
  if (lo + 1 >= sorted.size()) return sorted.back();
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[lo + 1] - sorted[lo]);
}

Stats describe(const std::vector<double>& values) {
  std::vector<double> v;
  v.reserve(values.size());
  for (double x : values) {
    if (!std::isnan(x)) v.push_back(x);
  }
  Stats s;
  s.replicates = static_cast<int>(v.size());
  if (v.empty()) {
    s.mean = s.sd = s.p05 = s.p50 = s.p95 = kNaN;
    return s;
  }
  std::sort(v.begin(), v.end());
  double sum = 0;
  for (double x : v) sum += x;
  s.mean = sum / static_cast<double>(v.size());
  if (v.size() > 1) {
    double ss = 0;
    for (double x : v) ss += (x - s.mean) * (x - s.mean);
    s.sd = std::sqrt(ss / static_cast<double>(v.size() - 1));
  }
  s.p05 = quantile_sorted(v, 0.05);
  s.p50 = quantile_sorted(v, 0.50);
  s.p95 = quantile_sorted(v, 0.95);
  return s;
}

std::vector<SummaryRow> summarize(const RunData& run, const std::vector<std::string>& metrics,
                                  Period period, std::optional<Date> from, std::optional<Date> to) {
  // A file without series (or a request for none) has nothing to summarize: an error, not an
  // empty table that reads as success.
  if (metrics.empty()) throw RunFileError("the run file holds no series: nothing to summarize");
  std::vector<std::vector<PeriodValues>> per_metric;
  for (const auto& m : metrics) {
    const Series* s = run.find(m);
    if (!s) throw std::invalid_argument("unknown metric '" + m + "'");
    per_metric.push_back(aggregate(run, *s, period, from, to));
  }
  std::vector<SummaryRow> rows;
  // Every series shares the time axis, so the periods line up across metrics.
  for (size_t p = 0; p < per_metric[0].size(); ++p) {
    for (size_t m = 0; m < metrics.size(); ++m) {
      const PeriodValues& pv = per_metric[m][p];
      rows.push_back({pv.label, metrics[m], describe(pv.values), pv.covered, pv.partial()});
    }
  }
  return rows;
}

}  // namespace smug::out
