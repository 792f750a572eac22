// A numeric value that may change on given dates: "120, 2022-08-30: 60, 2022-12-13: 14".
// The first value holds before the first date; each later value holds from its date on.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"

namespace smug {

struct Schedule {
  double initial = 0;
  std::vector<std::pair<Date, double>> changes;  // strictly increasing dates

  static Schedule constant(double v) { return Schedule{v, {}}; }
  bool is_constant() const { return changes.empty(); }
  double at(Date d) const {
    double v = initial;
    for (const auto& [date, value] : changes) {
      if (d < date) break;
      v = value;
    }
    return v;
  }
  std::string to_string() const;  // canonical text, parseable back
};

}  // namespace smug
