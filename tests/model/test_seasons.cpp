// The seasons: viable crossing days from the all-nationality series (different each year), and
// people planning for the calm months.
#include <gtest/gtest.h>

#include "model/season_planning.hpp"
#include "model/weather.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

double month_sum(const std::vector<double>& v, Date start, int y, int m) {
  const Date a = from_ymd(y, m, 1);
  const Date b = from_ymd(y + (m == 12), m % 12 + 1, 1);
  return sum(v, static_cast<size_t>(a - start), static_cast<size_t>(b - start));
}

TEST(Seasons, AMonthOfAverageCrossingsHasTheMeanChanceAndAnEmptyMonthNone) {
  std::vector<double> flat(24, 500.0);
  flat[13] = 0;
  const std::vector<double> v = seasonal_viability(flat, 0.4);
  EXPECT_DOUBLE_EQ(v[2], 0.4);
  EXPECT_EQ(v[13], 0.0);
  // Twice the centred mean gives twice the chance, capped at 1.
  std::vector<double> peak(24, 100.0);
  peak[6] = 1000;
  EXPECT_GT(seasonal_viability(peak, 0.4)[6], 0.4 * 2);
  EXPECT_LE(seasonal_viability(peak, 0.9)[6], 1.0);
}

TEST(Seasons, ObservedSeasonsDifferFromYearToYearAndPeakInSummer) {
  const Scenario s = scenario({{"weather.observed_seasons", "true"}});
  const ModelParams p = ModelParams::from(s);
  const ModelInputs in = shipped_inputs();
  const Sky sky(p.weather, in.other_first_month, in.other_monthly_people);
  // The cosine gives every year the same chance on the same date; the published months do not.
  EXPECT_NE(sky.probability(from_ymd(2021, 8, 15)), sky.probability(from_ymd(2022, 8, 15)));
  for (int y = 2020; y <= 2023; ++y)
    EXPECT_GT(sky.outlook(from_ymd(y, 6, 1), 92), sky.outlook(from_ymd(y, 1, 1), 59)) << y;
}

TEST(Seasons, NoCrossingInAMonthWithoutViableDays) {
  ModelInputs in = shipped_inputs();
  // March 2022 without a single all-nationality crossing: no viable day that month.
  const Ymd first = to_ymd(in.other_first_month);
  in.other_monthly_people[static_cast<size_t>((2022 - first.year) * 12 + 2)] = 0;
  const Scenario s = busy({{"run.end", "2022-06-30"}, {"weather.observed_seasons", "true"}});
  const Model model = build_model(s, in);
  const ReplicateResult r = model.run(8, 1);
  const Date start = model.params().run.start;
  EXPECT_EQ(month_sum(r.rec.series(kAttempts), start, 2022, 3), 0);
  EXPECT_EQ(month_sum(r.rec.series(kArrivals), start, 2022, 3), 0);
  // The months around it are not empty, so the test could fail.
  EXPECT_GT(month_sum(r.rec.series(kAttempts), start, 2022, 4), 0);
  EXPECT_GT(month_sum(r.rec.series(kArrivals), start, 2022, 2), 0);
}

TEST(Seasons, ObservedSeasonsWithoutTheSeriesAreRefusedBeforeAnyReplicate) {
  const Scenario s = scenario({{"weather.observed_seasons", "true"}});
  EXPECT_THROW(build_model(s, ModelInputs{}), std::invalid_argument);
}

TEST(Seasons, PeoplePlanForCalmMonths) {
  // Sign-ups in May-July against November-January, with and without planning, same replicate.
  auto summer_over_winter = [](const char* weight) {
    const Scenario s = busy({{"run.end", "2022-12-31"}, {"decision.season_weight", weight}});
    const Model model = build_model(s, shipped_inputs());
    const ReplicateResult r = model.run(8, 1);
    const auto& signed_boat = r.rec.series(kSignedBoat);
    const Date start = model.params().run.start;
    double summer = 0, winter = 0;
    for (int m : {5, 6, 7}) summer += month_sum(signed_boat, start, 2021, m);
    for (int m : {11, 12}) winter += month_sum(signed_boat, start, 2021, m);
    winter += month_sum(signed_boat, start, 2022, 1);
    return summer / winter;
  };
  const double without = summer_over_winter("0"), with = summer_over_winter("4");
  EXPECT_GT(with, without * 1.2) << "without " << without << ", with " << with;
}

TEST(Seasons, PlanningAtWeightZeroLeavesEveryNumberAsItWas) {
  const Scenario a = busy({{"run.end", "2021-06-30"}});
  const Scenario b = busy({{"run.end", "2021-06-30"}, {"decision.season_plan_days", "90"}});
  const ReplicateResult ra = build_model(a, shipped_inputs()).run(3, 0);
  const ReplicateResult rb = build_model(b, shipped_inputs()).run(3, 0);
  EXPECT_TRUE(same_series(ra.rec, rb.rec));
}

}  // namespace
}  // namespace smug::test
