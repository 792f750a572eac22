#include <gtest/gtest.h>

#include <vector>

#include "analysis/saltelli_design.hpp"
#include "core/errors.hpp"

using namespace smug;

namespace {
const std::vector<ParameterRange> kRanges{{"a.x", 0, 1}, {"a.y", -3, 3}, {"b.z", 5, 6}};
}

TEST(SaltelliDesign, HasNTimesKPlusTwoPoints) {
  const SaltelliDesign d = saltelli_design(kRanges, 64);
  EXPECT_EQ(d.points.size(), 64u * 5u);
  EXPECT_EQ(d.unit.size(), 64u * 5u);
  EXPECT_EQ(d.layout.points(), 64u * 5u);
  for (const auto& p : d.points) EXPECT_EQ(p.size(), 3u);
}

TEST(SaltelliDesign, EachABIsAWithColumnIFromB) {
  const SaltelliDesign d = saltelli_design(kRanges, 32);
  const SaltelliLayout& l = d.layout;
  for (size_t j = 0; j < l.n; ++j) {
    // Row 0 is the sequence's (1/2, ..., 1/2) in all 2k coordinates, so A and B agree there only.
    if (j > 0) {
      EXPECT_NE(d.unit[l.a(j)], d.unit[l.b(j)]);
    }
    for (size_t i = 0; i < l.k; ++i) {
      std::vector<double> expected = d.unit[l.a(j)];
      expected[i] = d.unit[l.b(j)][i];
      EXPECT_EQ(d.unit[l.ab(i, j)], expected) << "row " << j << ", parameter " << i;
    }
  }
}

TEST(SaltelliDesign, SkipsTheOriginAndStaysInsideTheUnitCube) {
  const SaltelliDesign d = saltelli_design(kRanges, 256);
  // The first point after the origin of any Sobol sequence is (1/2, ..., 1/2).
  EXPECT_EQ(d.unit[d.layout.a(0)], std::vector<double>(3, 0.5));
  EXPECT_EQ(d.unit[d.layout.b(0)], std::vector<double>(3, 0.5));
  for (const auto& u : d.unit) {
    EXPECT_NE(u, std::vector<double>(3, 0.0));
    for (double x : u) {
      EXPECT_GE(x, 0.0);
      EXPECT_LT(x, 1.0);
    }
  }
}

TEST(SaltelliDesign, FillsEachColumnEvenly) {
  // Low discrepancy: of N = 1024 points, each quarter of every coordinate holds N/4, give or
  // take the one point the skip moves (a random sample would miss by about 14).
  const SaltelliDesign d = saltelli_design(kRanges, 1024);
  for (size_t c = 0; c < 2 * kRanges.size(); ++c) {
    std::vector<int> quarter(4, 0);
    for (size_t j = 0; j < d.layout.n; ++j) {
      const auto& row = c < 3 ? d.unit[d.layout.a(j)] : d.unit[d.layout.b(j)];
      ++quarter[static_cast<size_t>(row[c % 3] * 4)];
    }
    for (int q : quarter) EXPECT_NEAR(q, 256, 1) << "coordinate " << c;
  }
}

TEST(SaltelliDesign, IsTheSameEveryTimeAndScaledToTheRanges) {
  const SaltelliDesign a = saltelli_design(kRanges, 16), b = saltelli_design(kRanges, 16);
  EXPECT_EQ(a.points, b.points);
  for (size_t n = 0; n < a.points.size(); ++n)
    for (size_t i = 0; i < kRanges.size(); ++i)
      EXPECT_DOUBLE_EQ(a.points[n][i],
                       kRanges[i].low + a.unit[n][i] * (kRanges[i].high - kRanges[i].low));
}

TEST(SaltelliDesign, RefusesFewerThanTwoSamplesAndBadRanges) {
  EXPECT_THROW(saltelli_design(kRanges, 1), UsageError);
  EXPECT_THROW(saltelli_design({{"a.x", 2, 1}}, 16), UsageError);
}
