// Log ranges in the designs (analysis/parameter_range.hpp): the unit scale is spread evenly over
// log(value), as a log-uniform prior is, so a parameter whose range spans orders of magnitude is
// screened over all of them rather than mostly near its top.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analysis/morris_indices.hpp"
#include "core/errors.hpp"
#include "run_model.hpp"

using namespace smug;
using smug::test::run;

TEST(LogRanges, SpreadTheUnitScaleEvenlyOverTheLogOfTheValue) {
  const ParameterRange r{"reach", 0.001, 0.1, RangeKind::kLog};
  EXPECT_NEAR(range_value(r, 0), 0.001, 1e-15);
  EXPECT_NEAR(range_value(r, 0.5), 0.01, 1e-15);  // the geometric, not the arithmetic, middle
  EXPECT_NEAR(range_value(r, 1), 0.1, 1e-15);
  EXPECT_FALSE(r.discrete());
  for (double u : {0.0, 0.25, 0.7, 1.0}) EXPECT_NEAR(unit_of(r, range_value(r, u)), u, 1e-12);
}

TEST(LogRanges, MorrisOnALogLinearEffectGivesItOverTheWholeRange) {
  // y = 3 log(x) + z: on the log scale x acts linearly, so every elementary effect is
  // 3 log(high / low) and sigma is 0; z, evenly spread, keeps its own effect.
  const std::vector<ParameterRange> ranges{{"x", 0.01, 1, RangeKind::kLog}, {"z", 0, 2}};
  MorrisOptions o;
  o.trajectories = 10;
  o.levels = 4;
  o.seed = 5;
  const MorrisDesign d = morris_design(ranges, o);
  const auto y = run(d, [](const std::vector<double>& x) { return 3 * std::log(x[0]) + x[1]; });
  const std::vector<MorrisIndex> m = morris_indices(d, y, BootstrapOptions{});
  EXPECT_NEAR(m[0].mu_star, 3 * std::log(100.0), 1e-9);
  EXPECT_NEAR(m[0].sigma, 0, 1e-9);
  EXPECT_NEAR(m[1].mu_star, 2, 1e-9);
}

TEST(LogRanges, ALogRangeNeedsAPositiveLow) {
  EXPECT_THROW(check_ranges({{"x", 0, 1, RangeKind::kLog}}), UsageError);
  EXPECT_THROW(check_ranges({{"x", -1, 1, RangeKind::kLog}}), UsageError);
  EXPECT_NO_THROW(check_ranges({{"x", 1e-6, 1, RangeKind::kLog}}));
}
