#include "runner/io/drawn_values.hpp"

#include <cstdio>

#include "core/errors.hpp"
#include "params/value_text.hpp"

namespace smug {

namespace {

// The posterior's weighted mean of column j, to suggest the factor that the value stands for.
double weighted_mean(const ParamTable& t, size_t j) {
  double sum = 0, total = 0;
  for (const auto& r : t.rows) {
    sum += r.weight * r.values[j];
    total += r.weight;
  }
  return sum / total;
}

// A hint, not a value: three significant digits read better than the exact double.
std::string three_digits(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", x);
  return buf;
}

std::string how_to_write(const ParamValue& v, double mean) {
  const std::string key = v.spec->key;
  std::string s = "write it relative to each draw, e.g. '" + key + " *= 1.5' (dated: '" + key +
                  " *= 2, 2024-01-01: *= 1')";
  if (v.schedule.is_constant() && mean != 0) {
    s += "; " + detail::format_number(v.schedule.initial) +
         " is about *= " + three_digits(v.schedule.initial / mean) + " of the posterior's mean " +
         three_digits(mean);
  }
  return s + ", or run without --posterior";
}

}  // namespace

void refuse_absolute_draws(const Scenario& scenario, const ParamTable& posterior) {
  // The file that extends no other: the baseline the posterior was calibrated on.
  const std::string root = scenario.files().empty() ? "" : scenario.files().front().path;
  for (size_t j = 0; j < posterior.names.size(); ++j) {
    const ParamValue& v = scenario.value(posterior.names[j]);
    // A relative value multiplies the draw; what matters is the value it was written on.
    const Origin& o = v.relative ? v.relative->base : v.origin;
    if (o.file.empty() || o.calibrated || o.file == root) continue;
    throw InputError(
        o.file, o.line, v.spec->name(),
        "the posterior " + posterior.path +
            " draws this parameter, so each draw would replace this absolute value "
            "and the what-if would run as the baseline; " +
            how_to_write(scenario.value(posterior.names[j]), weighted_mean(posterior, j)));
  }
}

}  // namespace smug
