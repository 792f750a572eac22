#include "output/targets.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>

#include "core/errors.hpp"
#include "output/summary.hpp"

namespace smug::out {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<double> parse_number(const std::string& text) {
  if (text.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const double x = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(x)) {
    return std::nullopt;
  }
  return x;
}

bool is_series_name(std::string_view s) {
  if (s.empty()) return false;
  auto alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
  if (!alpha(s[0])) return false;
  return std::all_of(s.begin(), s.end(),
                     [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

std::string window_text(Date a, Date b) {
  std::ostringstream s;
  s << format_date(a) << ".." << format_date(b);
  return s.str();
}

bool inside(const DateRange& h, Date a, Date b) {
  return a >= h.first && b <= h.last;
}

// Per-replicate aggregate of `series` over [a, b], which lies inside the run.
std::vector<double> window_values(const RunData& run, const Series& series, Date a, Date b) {
  const auto pv = aggregate(run, series, Period::kWindow, a, b);
  return pv.empty() ? std::vector<double>{} : pv[0].values;
}

}  // namespace

namespace {

// The metric column: a series name, or yoy:NAME for the ratio to the same window a year earlier.
void parse_metric(const CsvTable& t, const CsvRecord& rec, Target& out) {
  out.metric = t.get(rec, "metric");
  std::string_view name = out.metric;
  if (name.substr(0, 4) == "yoy:") {
    out.yoy = true;
    name.remove_prefix(4);
  }
  if (!is_series_name(name)) {
    throw InputError(t.file(), rec.line, "metric",
                     "'" + out.metric + "' is not a series name or yoy:NAME");
  }
  out.series = std::string(name);
}

void parse_window(const CsvTable& t, const CsvRecord& rec, Target& out) {
  for (const char* col : {"window_start", "window_end"}) {
    const std::string v = t.get(rec, col);
    const auto d = parse_date(v);
    if (!d) throw InputError(t.file(), rec.line, col, "'" + v + "' is not a date (YYYY-MM-DD)");
    (std::string_view(col) == "window_start" ? out.window_start : out.window_end) = *d;
  }
  if (out.window_end < out.window_start)
    throw InputError(t.file(), rec.line, "window_end", "the window ends before it starts");
}

void parse_band(const CsvTable& t, const CsvRecord& rec, Target& out) {
  for (const char* col : {"lower", "upper", "observed"}) {
    const std::string v = t.get(rec, col);
    if (v.empty() && std::string_view(col) == "observed") continue;
    const auto x = parse_number(v);
    if (!x) throw InputError(t.file(), rec.line, col, "'" + v + "' is not a number");
    if (std::string_view(col) == "lower") out.lower = *x;
    if (std::string_view(col) == "upper") out.upper = *x;
    if (std::string_view(col) == "observed") out.observed = *x;
  }
  if (out.lower > out.upper) throw InputError(t.file(), rec.line, "lower", "lower is above upper");
}

Target parse_target(const CsvTable& t, const CsvRecord& rec, std::set<std::string>& ids) {
  Target out;
  out.line = rec.line;
  out.id = t.get(rec, "id");
  if (out.id.empty()) throw InputError(t.file(), rec.line, "id", "empty target id");
  if (!ids.insert(out.id).second)
    throw InputError(t.file(), rec.line, "id", "target id '" + out.id + "' is used twice");
  parse_metric(t, rec, out);
  parse_window(t, rec, out);
  parse_band(t, rec, out);
  out.source = t.get(rec, "source");
  out.note = t.get(rec, "note");
  return out;
}

}  // namespace

std::vector<Target> parse_targets(std::string_view text, const std::string& file_name) {
  const CsvTable table(text, file_name);
  table.require({"id", "metric", "window_start", "window_end", "observed", "lower", "upper"},
                "the header must name id,metric,window_start,window_end,observed,lower,upper"
                "[,source][,note]");
  std::vector<Target> targets;
  std::set<std::string> ids;
  for (const CsvRecord& rec : table.rows()) targets.push_back(parse_target(table, rec, ids));
  if (targets.empty()) throw InputError(file_name, 0, "", "no targets after the header");
  return targets;
}

std::vector<Target> read_targets(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, 0, "", "cannot open the targets file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError(path, 0, "", "cannot read the targets file");
  return parse_targets(text.str(), path);
}

Date one_year_earlier(Date d) {
  const Ymd v = to_ymd(d);
  return from_ymd(v.year - 1, v.month, std::min(v.day, days_in_month(v.year - 1, v.month)));
}

TargetResult evaluate_target(const RunData& run, const Target& target) {
  TargetResult res;
  res.target = target;
  res.mean = res.p05 = res.p95 = res.se = kNaN;
  const Series* series = run.find(target.series);
  if (!series) {
    res.note = "no series '" + target.series + "' in the run";
    return res;
  }
  const DateRange h = horizon(run);
  if (!inside(h, target.window_start, target.window_end)) {
    res.note = "window outside the run (" + window_text(h.first, h.last) + ")";
    return res;
  }
  const std::vector<double> x = window_values(run, *series, target.window_start, target.window_end);
  if (!target.yoy) {
    const Stats s = describe(x);
    res.mean = s.mean;
    res.p05 = s.p05;
    res.p95 = s.p95;
    res.replicates = s.replicates;
    res.se = s.replicates > 0 ? s.sd / std::sqrt(static_cast<double>(s.replicates)) : kNaN;
  } else {
    const Date a = one_year_earlier(target.window_start), b = one_year_earlier(target.window_end);
    if (!inside(h, a, b)) {
      res.note = "previous-year window " + window_text(a, b) + " outside the run (" +
                 window_text(h.first, h.last) + ")";
      return res;
    }
    const std::vector<double> y = window_values(run, *series, a, b);
    // Replicates with both windows defined; the ratio of their means is the target's mean.
    std::vector<double> xs, ys, ratios;
    for (size_t r = 0; r < x.size(); ++r) {
      if (std::isnan(x[r]) || std::isnan(y[r])) continue;
      xs.push_back(x[r]);
      ys.push_back(y[r]);
      if (y[r] != 0) ratios.push_back(x[r] / y[r]);
    }
    res.replicates = static_cast<int>(xs.size());
    if (!xs.empty()) {
      const double mx = describe(xs).mean, my = describe(ys).mean;
      res.mean = my != 0 ? mx / my : kNaN;
      if (!std::isnan(res.mean)) {
        std::vector<double> resid;
        for (size_t r = 0; r < xs.size(); ++r) resid.push_back(xs[r] - res.mean * ys[r]);
        res.se = describe(resid).sd / (std::sqrt(static_cast<double>(xs.size())) * std::fabs(my));
      }
      const Stats s = describe(ratios);
      res.p05 = s.p05;
      res.p95 = s.p95;
    }
    if (std::isnan(res.mean)) res.note = "the previous-year window's ensemble mean is 0";
  }
  if (std::isnan(res.mean) && res.note.empty()) res.note = "no replicate has a value";
  res.pass = !std::isnan(res.mean) && res.mean >= target.lower && res.mean <= target.upper;
  return res;
}

std::vector<TargetResult> evaluate_targets(const RunData& run, const std::vector<Target>& targets) {
  std::vector<TargetResult> out;
  out.reserve(targets.size());
  for (const auto& t : targets) out.push_back(evaluate_target(run, t));
  return out;
}

}  // namespace smug::out
