#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "analysis/bootstrap.hpp"

using namespace smug;

TEST(Bootstrap, QuantileInterpolatesBetweenOrderStatistics) {
  const std::vector<double> v{5, 1, 4, 2, 3};  // unsorted on purpose
  EXPECT_DOUBLE_EQ(quantile(v, 0.0), 1.0);
  EXPECT_DOUBLE_EQ(quantile(v, 0.05), 1.2);  // h = 0.2 between 1 and 2
  EXPECT_DOUBLE_EQ(quantile(v, 0.5), 3.0);
  EXPECT_DOUBLE_EQ(quantile(v, 0.95), 4.8);
  EXPECT_DOUBLE_EQ(quantile(v, 1.0), 5.0);
}

TEST(Bootstrap, ResamplesAreReproducibleDrawnWithReplacementAndInRange) {
  const std::vector<size_t> a = bootstrap_resample(7, 3, 50), b = bootstrap_resample(7, 3, 50);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, bootstrap_resample(7, 4, 50));
  EXPECT_NE(a, bootstrap_resample(8, 3, 50));
  std::vector<int> seen(50, 0);
  for (size_t i : a) {
    ASSERT_LT(i, 50u);
    ++seen[i];
  }
  // 50 draws from 50 with replacement all distinct has probability 50!/50^50 (about 3e-21).
  EXPECT_TRUE(std::find(seen.begin(), seen.end(), 0) != seen.end());
}

TEST(Bootstrap, IntervalLeavesOutUndefinedResamples) {
  const double nan = std::nan("");
  std::vector<double> v{nan, 1, 2, 3, 4, 5, nan};
  const Interval i = percentile_interval(v);
  EXPECT_DOUBLE_EQ(i.lo, 1.2);
  EXPECT_DOUBLE_EQ(i.hi, 4.8);
  EXPECT_TRUE(std::isnan(percentile_interval({nan, nan}).lo));
}
