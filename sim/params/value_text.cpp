#include "params/value_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/errors.hpp"

namespace smug {

size_t edit_distance(const std::string& a, const std::string& b) {
  // Levenshtein with a single rolling row; keys are short so this is plenty.
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

namespace detail {

std::string format_number(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<long long>(v));
  }
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

std::string range_text(const ParamSpec& spec) {
  if (spec.type != ParamType::kReal && spec.type != ParamType::kInteger) return "";
  // Appends rather than operator+ chains: GCC 12 warns falsely (-Wrestrict) on those.
  std::string s = "[";
  s.append(format_number(spec.min)).append(", ").append(format_number(spec.max)).append("]");
  if (!spec.unit.empty()) s.append(" ").append(spec.unit);
  return s;
}

std::string closest(const std::string& word, const std::vector<std::string>& candidates) {
  // Allow roughly one edit per three characters: catches typos without suggesting unrelated keys.
  const size_t limit = std::max<size_t>(1, word.size() / 3);
  std::string best;
  size_t best_d = limit + 1;
  for (const auto& c : candidates) {
    const size_t d = edit_distance(word, c);
    if (d < best_d && d < c.size()) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

namespace {

bool is_decimal(std::string_view s) {
  // [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?  - no hex, inf or nan.
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t digits = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

bool is_integer(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  if (i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

struct Ctx {
  const ParamSpec& spec;
  const Origin& origin;
  [[noreturn]] void fail(const std::string& message) const {
    throw InputError(origin.file, origin.line, spec.name(), message);
  }
};

std::string shown(const std::string& s) {
  return s.empty() ? "an empty value" : "'" + s + "'";
}

// One scalar of a real, integer or boolean parameter (a schedule is several).
double parse_scalar(const Ctx& c, const std::string& s) {
  const ParamSpec& spec = c.spec;
  if (spec.type == ParamType::kBoolean) {
    std::string l = s;
    std::transform(l.begin(), l.end(), l.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    if (l == "true" || l == "yes" || l == "on" || l == "1") return 1;
    if (l == "false" || l == "no" || l == "off" || l == "0") return 0;
    c.fail("expected true or false (also yes/no, on/off, 1/0), got " + shown(s));
  }
  double v = 0;
  if (spec.type == ParamType::kInteger) {
    if (!is_integer(s)) c.fail("expected a whole number, got " + shown(s));
    long long n = 0;
    const char* first = s.data() + (s[0] == '+' ? 1 : 0);
    const auto r = std::from_chars(first, s.data() + s.size(), n);
    if (r.ec != std::errc()) c.fail("whole number " + s + " is too large");
    v = static_cast<double>(n);
  } else {
    if (!is_decimal(s)) c.fail("expected a number (e.g. 0.25 or 1e-3), got " + shown(s));
    const char* first = s.data() + (s[0] == '+' ? 1 : 0);
    const auto r = std::from_chars(first, s.data() + s.size(), v);
    if (r.ec != std::errc() || !std::isfinite(v)) c.fail("number " + s + " is out of range");
  }
  if (v < spec.min || v > spec.max) {
    c.fail("value " + s + " is outside the allowed range " + range_text(spec));
  }
  return v;
}

Date parse_date_or_fail(const Ctx& c, const std::string& s) {
  auto d = parse_date(s);
  if (!d) {
    c.fail("expected a date in the form YYYY-MM-DD (e.g. 2022-12-13), got " + shown(s));
  }
  return *d;
}

// "v0, DATE: v1, DATE: v2"; only reached when the text has dated changes.
Schedule parse_schedule(const Ctx& c, const std::string& text) {
  Schedule sch;
  size_t start = 0;
  bool first = true;
  while (true) {
    const size_t comma = text.find(',', start);
    const std::string part = trim(std::string_view(text).substr(
        start, comma == std::string::npos ? text.npos : comma - start));
    if (first) {
      sch.initial = parse_scalar(c, part);
      first = false;
    } else {
      const size_t colon = part.find(':');
      if (colon == std::string::npos) {
        c.fail("expected a dated change 'YYYY-MM-DD: value' after the first value, got " +
               shown(part));
      }
      const Date d = parse_date_or_fail(c, trim(std::string_view(part).substr(0, colon)));
      const double v = parse_scalar(c, trim(std::string_view(part).substr(colon + 1)));
      if (!sch.changes.empty() && !(sch.changes.back().first < d)) {
        c.fail("schedule dates must be strictly increasing, but " + format_date(d) + " follows " +
               format_date(sch.changes.back().first));
      }
      sch.changes.emplace_back(d, v);
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return sch;
}

}  // namespace

ParamValue parse_value(const ParamSpec& spec, const std::string& raw, const Origin& origin) {
  const Ctx c{spec, origin};
  ParamValue pv;
  pv.spec = &spec;
  pv.text = trim(raw);
  pv.origin = origin;
  const std::string& t = pv.text;
  const bool dated = t.find(',') != std::string::npos;
  switch (spec.type) {
    case ParamType::kText:
      break;
    case ParamType::kDate:
      if (dated) c.fail("this key is not schedulable: it takes one date, not dated changes");
      if (!t.empty()) pv.date = parse_date_or_fail(c, t);
      break;
    case ParamType::kReal:
    case ParamType::kInteger:
    case ParamType::kBoolean:
      if (dated && !spec.schedulable) {
        c.fail(
            "this key is not schedulable: it takes a single value, not dated changes "
            "('value, YYYY-MM-DD: value')");
      }
      pv.schedule = dated ? parse_schedule(c, t) : Schedule::constant(parse_scalar(c, t));
      break;
  }
  return pv;
}

std::string canonical_text(const ParamValue& v) {
  switch (v.spec->type) {
    case ParamType::kText:
      return v.text;
    case ParamType::kDate:
      return v.date ? format_date(*v.date) : "";
    case ParamType::kBoolean: {
      auto b = [](double x) { return std::string(x != 0 ? "true" : "false"); };
      std::string s = b(v.schedule.initial);
      for (const auto& [d, x] : v.schedule.changes) s += ", " + format_date(d) + ": " + b(x);
      return s;
    }
    case ParamType::kReal:
    case ParamType::kInteger:
      return v.schedule.to_string();
  }
  return v.text;
}

}  // namespace detail
}  // namespace smug
