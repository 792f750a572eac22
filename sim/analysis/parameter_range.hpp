// The box a sensitivity design covers: one range per parameter. Designs are built on the unit cube
// [0,1]^k, where the Morris grid and the Sobol sequence are defined, and scaled to the ranges only
// to give the points the model runs at, so the estimators never depend on the parameters' units.
//
// A range is real (low + u (high - low)), or discrete: whole numbers, dates (as days since
// 1970-01-01) and choices (the indices 0 .. n - 1 of their texts) take low + u (high - low)
// rounded to the nearest whole number, so that every point is a value the parameter can take.
// A log range (low > 0) spreads the unit scale evenly over log(value), as a log-uniform prior
// does: low * (high / low)^u, so a range over orders of magnitude is not screened at its top.
#pragma once
#include <string>
#include <vector>

namespace smug {

enum class RangeKind { kReal, kInteger, kDate, kChoice, kLog };

struct ParameterRange {
  std::string name;  // "section.key"; only the reports use it
  double low = 0, high = 1;
  RangeKind kind = RangeKind::kReal;
  std::vector<std::string> choices = {};  // kChoice: low = 0, high = choices.size() - 1

  bool discrete() const { return kind != RangeKind::kReal && kind != RangeKind::kLog; }
};

// Throws UsageError unless there is at least one range and each is finite with low < high (and,
// if discrete, whole-numbered; a choice with as many texts as its range has values): a design
// over an empty or reversed range would give indices that look valid and mean nothing.
void check_ranges(const std::vector<ParameterRange>& ranges);

// The unit coordinate u in the range: low + u (high - low), rounded if the range is discrete;
// low (high / low)^u for a log range.
double range_value(const ParameterRange& range, double u);

// Where the value x sits on the unit scale: (x - low) / (high - low), or on the log scale.
double unit_of(const ParameterRange& range, double x);

// The unit point u in the ranges, coordinate by coordinate (range_value).
std::vector<double> scale_to_ranges(const std::vector<double>& u,
                                    const std::vector<ParameterRange>& ranges);

}  // namespace smug
