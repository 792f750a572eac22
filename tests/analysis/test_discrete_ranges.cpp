// Integer, date and choice ranges in the designs (analysis/parameter_range.hpp): every point is a
// value the parameter can take, and Morris's elementary effects divide by the change of the value
// actually run, so a linear effect of a whole number is still its coefficient times the range and
// an inert integer still has mu* exactly 0.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <vector>

#include "analysis/morris_indices.hpp"
#include "analysis/saltelli_design.hpp"
#include "core/date.hpp"
#include "core/errors.hpp"
#include "run_model.hpp"

using namespace smug;
using smug::test::run;

namespace {

const double kMarch = from_ymd(2022, 3, 1).days, kJuly = from_ymd(2022, 7, 1).days;

std::vector<ParameterRange> mixed_ranges() {
  return {{"real", 0, 1},
          {"organisations", 1, 6, RangeKind::kInteger},
          {"credit_from", kMarch, kJuly, RangeKind::kDate},
          {"entry_form", 0, 1, RangeKind::kChoice, {"coin", "rate"}}};
}

MorrisDesign design(const std::vector<ParameterRange>& ranges, uint32_t r, uint32_t levels = 4) {
  MorrisOptions o;
  o.trajectories = r;
  o.levels = levels;
  o.seed = 3;
  return morris_design(ranges, o);
}

void expect_whole_numbers_inside(const std::vector<std::vector<double>>& points,
                                 const std::vector<ParameterRange>& ranges) {
  for (const auto& p : points) {
    for (size_t i = 1; i < ranges.size(); ++i) {
      EXPECT_EQ(p[i], std::round(p[i])) << ranges[i].name;
      EXPECT_GE(p[i], ranges[i].low) << ranges[i].name;
      EXPECT_LE(p[i], ranges[i].high) << ranges[i].name;
    }
  }
}

}  // namespace

TEST(DiscreteRanges, MorrisPointsAreWholeNumbersAndDaysInsideTheirRanges) {
  const MorrisDesign d = design(mixed_ranges(), 20);
  expect_whole_numbers_inside(d.points, d.ranges);
  std::set<double> organisations, forms;
  for (const auto& p : d.points) organisations.insert(p[1]), forms.insert(p[3]);
  EXPECT_EQ(organisations, (std::set<double>{1, 3, 4, 6}));  // 1 + 5 {0, 1/3, 2/3, 1}, rounded
  EXPECT_EQ(forms, (std::set<double>{0, 1}));
}

TEST(DiscreteRanges, SaltelliPointsAreWholeNumbersAndDaysInsideTheirRanges) {
  const SaltelliDesign d = saltelli_design(mixed_ranges(), 64);
  expect_whole_numbers_inside(d.points, d.ranges);
}

TEST(DiscreteRanges, EachMorrisStepRecordsTheChangeOfTheValueRun) {
  const MorrisDesign d = design(mixed_ranges(), 10);
  const size_t k = d.parameters();
  for (size_t t = 0; t < d.trajectories; ++t) {
    for (size_t j = 0; j < k; ++j) {
      const MorrisStep& s = d.steps[t * k + j];
      const ParameterRange& r = d.ranges[s.parameter];
      const double moved =
          d.points[t * (k + 1) + j + 1][s.parameter] - d.points[t * (k + 1) + j][s.parameter];
      EXPECT_DOUBLE_EQ(s.change, r.discrete() ? moved / (r.high - r.low) : s.sign * d.delta);
      EXPECT_GT(s.change * s.sign, 0);
    }
  }
}

TEST(DiscreteRanges, MorrisGivesAnInertIntegerMuStarZeroAndALinearOneItsWholeEffect) {
  // y = 2 n + 5 x: n a whole number in 0..7, and an inert whole number in 1..6.
  const std::vector<ParameterRange> ranges{
      {"n", 0, 7, RangeKind::kInteger}, {"x", 0, 1}, {"inert", 1, 6, RangeKind::kInteger}};
  const MorrisDesign d = design(ranges, 20);
  const auto y = run(d, [](const std::vector<double>& x) { return 2 * x[0] + 5 * x[1]; });
  const std::vector<MorrisIndex> m = morris_indices(d, y, BootstrapOptions{});
  EXPECT_NEAR(m[0].mu_star, 2 * 7, 1e-9);  // from the rounded values, not the grid's delta
  EXPECT_NEAR(m[0].sigma, 0, 1e-9);
  EXPECT_NEAR(m[1].mu_star, 5, 1e-9);
  EXPECT_EQ(m[2].mu_star, 0);
  EXPECT_EQ(m[2].mu_star_hi, 0);
}

TEST(DiscreteRanges, MorrisOnAChoiceGivesTheEffectBetweenTheChoices) {
  // Two choices: every move switches them, so each effect is y(rate) - y(coin), signed.
  const std::vector<ParameterRange> ranges{{"form", 0, 1, RangeKind::kChoice, {"coin", "rate"}},
                                           {"x", 0, 1}};
  const MorrisDesign d = design(ranges, 12);
  const auto y = run(d, [](const std::vector<double>& x) { return x[0] == 1 ? 3.0 : 0.0; });
  const std::vector<MorrisIndex> m = morris_indices(d, y, BootstrapOptions{});
  EXPECT_NEAR(m[0].mu, 3, 1e-12);
  EXPECT_NEAR(m[0].sigma, 0, 1e-12);
  EXPECT_EQ(m[1].mu_star, 0);
}

TEST(DiscreteRanges, BoundsThatAreNotWholeNumbersOrAChoiceWithoutItsTextsAreRefused) {
  EXPECT_THROW(check_ranges({{"n", 0.5, 3, RangeKind::kInteger}}), UsageError);
  EXPECT_THROW(check_ranges({{"f", 0, 2, RangeKind::kChoice, {"coin", "rate"}}}), UsageError);
  EXPECT_NO_THROW(check_ranges({{"f", 0, 2, RangeKind::kChoice, {"a", "b", "c"}}}));
}
