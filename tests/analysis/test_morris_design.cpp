#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "analysis/morris_design.hpp"
#include "core/errors.hpp"

using namespace smug;

namespace {

const std::vector<ParameterRange> kRanges{
    {"a.x", 0, 1}, {"a.y", -2, 2}, {"b.z", 10, 20}, {"c.w", 0, 0.5}, {"c.v", 1, 3}};

MorrisOptions options(uint32_t r, uint32_t p, uint64_t seed) {
  MorrisOptions o;
  o.trajectories = r;
  o.levels = p;
  o.seed = seed;
  return o;
}

}  // namespace

TEST(MorrisDesign, HasRTrajectoriesOfKPlusOnePoints) {
  const MorrisDesign d = morris_design(kRanges, options(7, 4, 1));
  EXPECT_EQ(d.unit.size(), 7u * 6u);
  EXPECT_EQ(d.points.size(), 7u * 6u);
  EXPECT_EQ(d.steps.size(), 7u * 5u);
  for (const auto& p : d.points) EXPECT_EQ(p.size(), 5u);
  EXPECT_DOUBLE_EQ(d.delta, 4.0 / 6.0);
}

TEST(MorrisDesign, EachStepChangesOneCoordinateByPlusOrMinusDelta) {
  const uint32_t p = 6;
  const MorrisDesign d = morris_design(kRanges, options(30, p, 2));
  const size_t k = kRanges.size();
  for (size_t t = 0; t < d.trajectories; ++t) {
    std::vector<int> moved(k, 0);
    for (size_t j = 0; j < k; ++j) {
      const auto& before = d.unit[t * (k + 1) + j];
      const auto& after = d.unit[t * (k + 1) + j + 1];
      const MorrisStep& s = d.steps[t * k + j];
      for (size_t i = 0; i < k; ++i) {
        if (i == s.parameter)
          EXPECT_NEAR(after[i] - before[i], s.sign * d.delta, 1e-15);
        else
          EXPECT_EQ(after[i], before[i]);
      }
      ++moved[s.parameter];
    }
    EXPECT_EQ(moved, std::vector<int>(k, 1)) << "trajectory " << t;
  }
  for (const auto& u : d.unit) {
    for (double x : u) {
      EXPECT_GE(x, 0.0);
      EXPECT_LE(x, 1.0);
      EXPECT_NEAR(x * (p - 1), std::round(x * (p - 1)), 1e-12) << "off the grid: " << x;
    }
  }
}

TEST(MorrisDesign, TheSameSeedGivesTheSameDesign) {
  const MorrisDesign a = morris_design(kRanges, options(10, 4, 42));
  const MorrisDesign b = morris_design(kRanges, options(10, 4, 42));
  EXPECT_EQ(a.points, b.points);
  EXPECT_NE(a.points, morris_design(kRanges, options(10, 4, 43)).points);
  // More trajectories keep the earlier ones: trajectory t has its own stream.
  const MorrisDesign more = morris_design(kRanges, options(12, 4, 42));
  EXPECT_TRUE(std::equal(a.points.begin(), a.points.end(), more.points.begin()));
}

TEST(MorrisDesign, PointsAreTheUnitPointsScaledToTheRanges) {
  const MorrisDesign d = morris_design(kRanges, options(5, 4, 3));
  for (size_t n = 0; n < d.points.size(); ++n) {
    for (size_t i = 0; i < kRanges.size(); ++i) {
      const double expected = kRanges[i].low + d.unit[n][i] * (kRanges[i].high - kRanges[i].low);
      EXPECT_DOUBLE_EQ(d.points[n][i], expected);
    }
  }
}

TEST(MorrisDesign, VisitsEveryLevelOfTheGrid) {
  const uint32_t p = 4;
  const MorrisDesign d = morris_design(kRanges, options(200, p, 5));
  std::vector<int> count(p, 0);
  for (const auto& u : d.unit) ++count[static_cast<size_t>(std::lround(u[0] * (p - 1)))];
  // 1200 points, p = 4: each level expects 300. The 6 points of a trajectory share 2 levels, so
  // a count varies as 6 times a binomial count of trajectories: sd below 6 sqrt(200 / 4) = 42.
  for (uint32_t l = 0; l < p; ++l) EXPECT_NEAR(count[l], 300, 126) << "level " << l;
}

TEST(MorrisDesign, RefusesOddLevelsOneTrajectoryAndEmptyRanges) {
  EXPECT_THROW(morris_design(kRanges, options(10, 5, 1)), UsageError);
  EXPECT_THROW(morris_design(kRanges, options(1, 4, 1)), UsageError);
  EXPECT_THROW(morris_design({}, options(10, 4, 1)), UsageError);
  EXPECT_THROW(morris_design({{"a.x", 1, 1}}, options(10, 4, 1)), UsageError);
}
