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

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

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

std::vector<CsvRecord> parse_csv(std::string_view text) {
  std::vector<CsvRecord> records;
  const size_t n = text.size();
  size_t i = 0;
  int line = 1;
  auto at_line_end = [&](size_t k) {
    return k >= n || text[k] == '\n' || (text[k] == '\r' && (k + 1 >= n || text[k + 1] == '\n'));
  };
  auto skip_line_end = [&]() {  // at a line end: step past it
    if (i < n && text[i] == '\r') ++i;
    if (i < n && text[i] == '\n') ++i;
    ++line;
  };
  while (i < n) {
    CsvRecord rec;
    rec.line = line;
    if (text[i] == '#') {
      while (!at_line_end(i)) ++i;
      skip_line_end();
      continue;
    }
    bool any_quoted = false;
    while (true) {
      std::string field;
      if (i < n && text[i] == '"') {
        any_quoted = true;
        ++i;
        while (true) {
          if (i >= n) {
            throw std::invalid_argument("line " + std::to_string(rec.line) +
                                        ": a quoted field is never closed");
          }
          if (text[i] == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          field += text[i++];
        }
        if (i < n && text[i] != ',' && !at_line_end(i)) {
          throw std::invalid_argument("line " + std::to_string(line) +
                                      ": text after the closing quote of a field");
        }
      } else {
        while (i < n && text[i] != ',' && !at_line_end(i)) field += text[i++];
      }
      rec.fields.push_back(std::move(field));
      if (i < n && text[i] == ',') {
        ++i;
        continue;
      }
      skip_line_end();
      break;
    }
    const bool blank = rec.fields.size() == 1 && !any_quoted && trim(rec.fields[0]).empty();
    if (!blank) records.push_back(std::move(rec));
  }
  return records;
}

std::vector<Target> parse_targets(std::string_view text, const std::string& file_name) {
  std::vector<CsvRecord> records;
  try {
    records = parse_csv(text);
  } catch (const std::invalid_argument& e) {
    throw InputError(file_name + ": " + e.what());
  }
  if (records.empty()) throw InputError(file_name, 0, "", "no header and no targets");
  const CsvRecord& header = records[0];
  std::map<std::string, size_t> column;
  for (size_t c = 0; c < header.fields.size(); ++c) {
    const std::string name = trim(header.fields[c]);
    if (!column.emplace(name, c).second) {
      throw InputError(file_name, header.line, name, "column named twice in the header");
    }
  }
  for (const char* required :
       {"id", "metric", "window_start", "window_end", "observed", "lower", "upper"}) {
    if (!column.count(required)) {
      throw InputError(file_name, header.line, required,
                       "missing column; the header must name id,metric,window_start,window_end,"
                       "observed,lower,upper[,source][,note]");
    }
  }

  std::vector<Target> targets;
  std::set<std::string> ids;
  for (size_t k = 1; k < records.size(); ++k) {
    const CsvRecord& rec = records[k];
    if (rec.fields.size() != header.fields.size()) {
      throw InputError(file_name, rec.line, "",
                       "expected " + std::to_string(header.fields.size()) + " fields, found " +
                           std::to_string(rec.fields.size()) +
                           " (quote a field that holds a comma)");
    }
    auto get = [&](const char* name) -> std::string {
      const auto it = column.find(name);
      return it == column.end() ? std::string() : trim(rec.fields[it->second]);
    };
    Target t;
    t.line = rec.line;
    t.id = get("id");
    if (t.id.empty()) throw InputError(file_name, rec.line, "id", "empty target id");
    if (!ids.insert(t.id).second) {
      throw InputError(file_name, rec.line, "id", "target id '" + t.id + "' is used twice");
    }
    t.metric = get("metric");
    std::string_view name = t.metric;
    if (name.substr(0, 4) == "yoy:") {
      t.yoy = true;
      name.remove_prefix(4);
    }
    if (!is_series_name(name)) {
      throw InputError(file_name, rec.line, "metric",
                       "'" + t.metric + "' is not a series name or yoy:NAME");
    }
    t.series = std::string(name);
    for (const char* col : {"window_start", "window_end"}) {
      const std::string v = get(col);
      const auto d = parse_date(v);
      if (!d) throw InputError(file_name, rec.line, col, "'" + v + "' is not a date (YYYY-MM-DD)");
      (std::string_view(col) == "window_start" ? t.window_start : t.window_end) = *d;
    }
    if (t.window_end < t.window_start) {
      throw InputError(file_name, rec.line, "window_end", "the window ends before it starts");
    }
    for (const char* col : {"lower", "upper", "observed"}) {
      const std::string v = get(col);
      if (v.empty() && std::string_view(col) == "observed") continue;
      const auto x = parse_number(v);
      if (!x) throw InputError(file_name, rec.line, col, "'" + v + "' is not a number");
      if (std::string_view(col) == "lower") t.lower = *x;
      if (std::string_view(col) == "upper") t.upper = *x;
      if (std::string_view(col) == "observed") t.observed = *x;
    }
    if (t.lower > t.upper) {
      throw InputError(file_name, rec.line, "lower", "lower is above upper");
    }
    t.source = get("source");
    t.note = get("note");
    targets.push_back(std::move(t));
  }
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
