#include "params/relative.hpp"

#include <cmath>
#include <set>

#include "core/errors.hpp"
#include "params/value_text.hpp"

namespace smug::detail {

namespace {

constexpr const char* kMark = "*=";

// "*= 2, 2024-01-01: *= 1" -> "2, 2024-01-01: 1": every part must carry its own "*=" so that a
// dated absolute value is never read as a factor by mistake.
std::string without_marks(const ParamSpec& spec, const std::string& text, const Origin& at) {
  std::string out;
  size_t start = 0;
  for (bool first = true;; first = false) {
    const size_t comma = text.find(',', start);
    std::string part = trim(std::string_view(text).substr(start, comma - start));
    const size_t colon = first ? std::string::npos : part.find(':');
    if (!first && colon == std::string::npos)
      throw InputError(
          at.file, at.line, spec.name(),
          "expected a dated factor 'YYYY-MM-DD: *= factor' after the first, got '" + part + "'");
    const size_t value_at = colon == std::string::npos ? 0 : colon + 1;
    const std::string value = trim(std::string_view(part).substr(value_at));
    if (value.rfind(kMark, 0) != 0) {
      throw InputError(at.file, at.line, spec.name(),
                       "in a relative value every dated change is a factor too: write '" +
                           trim(std::string_view(part).substr(0, colon)) + ": *= " + value + "'");
    }
    out += (first ? "" : ", ") + part.substr(0, value_at) + " " + value.substr(2);
    if (comma == std::string::npos) return out;
    start = comma + 1;
  }
}

Schedule parse_factor(const ParamSpec& spec, const std::string& text, const Origin& at) {
  if (spec.type != ParamType::kReal && spec.type != ParamType::kInteger) {
    throw InputError(at.file, at.line, spec.name(),
                     std::string("a relative value ('*= factor') needs a number, and this is a ") +
                         type_name(spec.type));
  }
  ParamSpec factor = spec;
  factor.type = ParamType::kReal;
  factor.unit = "(a factor)";
  factor.min = 0;
  factor.max = 1e6;
  return parse_value(factor, without_marks(spec, text, at), at).schedule;
}

// The product on every day: the changes of both, in date order.
Schedule product(const Schedule& a, const Schedule& b) {
  std::set<Date> dates;
  for (const auto& c : a.changes) dates.insert(c.first);
  for (const auto& c : b.changes) dates.insert(c.first);
  Schedule p = Schedule::constant(a.initial * b.initial);
  for (const Date d : dates) p.changes.emplace_back(d, a.at(d) * b.at(d));
  return p;
}

}  // namespace

bool is_relative(const std::string& text) {
  return trim(text).rfind(kMark, 0) == 0;
}

std::string factor_text(const Schedule& factor) {
  std::string s = std::string(kMark) + " " + format_number(factor.initial);
  for (const auto& [d, f] : factor.changes)
    s.append(", ").append(format_date(d)).append(": *= ").append(format_number(f));
  return s;
}

std::string origin_text(const Origin& o) {
  if (o.file.empty()) return "default";
  return o.line > 0 ? o.file + ":" + std::to_string(o.line) : o.file;
}

std::string describe_origin(const ParamValue& v) {
  if (v.relative) {
    return factor_text(v.relative->factor) + " (" + origin_text(v.relative->origin) +
           ") of the value from " + origin_text(v.relative->base);
  }
  // file:line even for line 0 ("command line:0"): the text run files have always recorded.
  return v.origin.file.empty() ? "default"
                               : "from " + v.origin.file + ":" + std::to_string(v.origin.line);
}

bool from_calibration(const ParamValue& v) {
  return (v.relative ? v.relative->base : v.origin).calibrated;
}

Schedule apply_factor(const ParamSpec& spec, const Schedule& value, const Schedule& factor,
                      const Origin& at, const std::string& what) {
  const Schedule p = product(value, factor);
  std::vector<double> all{p.initial};
  for (const auto& c : p.changes) all.push_back(c.second);
  for (const double v : all) {
    std::string why;
    if (v < spec.min || v > spec.max) why = "outside the allowed range " + range_text(spec);
    if (spec.type == ParamType::kInteger && v != std::floor(v)) why = "not a whole number";
    if (why.empty()) continue;
    throw InputError(
        at.file, at.line, spec.name(),
        factor_text(factor) + " of " + what + " gives " + format_number(v) + ", " + why);
  }
  return p;
}

ParamValue relative_value(const ParamValue& current, const std::string& text,
                          const Origin& origin) {
  const ParamSpec& spec = *current.spec;
  const Schedule factor = parse_factor(spec, text, origin);
  ParamValue v = current;
  v.text = trim(text);
  v.origin = origin;
  v.schedule = apply_factor(spec, current.schedule, factor, origin,
                            canonical_text(current) + " (" + origin_text(current.origin) + ")");
  const std::optional<Relative>& before = current.relative;
  v.relative = Relative{before ? product(before->factor, factor) : factor, origin,
                        before ? before->base : current.origin};
  return v;
}

}  // namespace smug::detail
