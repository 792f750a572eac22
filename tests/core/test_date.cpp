#include <gtest/gtest.h>

#include "core/date.hpp"

using namespace smug;

TEST(Date, EpochAndKnownDays) {
  EXPECT_EQ(from_ymd(1970, 1, 1).days, 0);
  EXPECT_EQ(from_ymd(2000, 3, 1).days, 11017);
  EXPECT_EQ(from_ymd(2022, 12, 13) - from_ymd(2022, 1, 1), 346);
  EXPECT_EQ(from_ymd(2025, 12, 31) - from_ymd(2020, 1, 1) + 1, 2192);  // 2020 and 2024 are leap
}

TEST(Date, RoundTripEveryDayOfTheHorizon) {
  for (Date d = from_ymd(2019, 1, 1); d <= from_ymd(2030, 12, 31); d = d + 1) {
    const Ymd v = to_ymd(d);
    ASSERT_EQ(from_ymd(v.year, v.month, v.day), d);
    ASSERT_EQ(parse_date(format_date(d)), d);
  }
}

TEST(Date, ParseRejectsMalformedAndImpossible) {
  EXPECT_FALSE(parse_date("2022-02-29"));
  EXPECT_TRUE(parse_date("2024-02-29"));
  EXPECT_FALSE(parse_date("2022-13-01"));
  EXPECT_FALSE(parse_date("2022-1-01"));
  EXPECT_FALSE(parse_date("22-01-01"));
  EXPECT_FALSE(parse_date("2022/01/01"));
  EXPECT_FALSE(parse_date(""));
  EXPECT_FALSE(parse_date("2022-01-01x"));
}

TEST(Date, Quarters) {
  EXPECT_EQ(quarter_of(from_ymd(2022, 3, 31)), 1);
  EXPECT_EQ(quarter_of(from_ymd(2022, 4, 1)), 2);
  EXPECT_EQ(quarter_of(from_ymd(2022, 12, 31)), 4);
}

namespace smug {
TEST(Date, MonthsBeyondASeriesRepeatItsLastYear) {
  const Date first = from_ymd(2020, 1, 1);
  EXPECT_EQ(month_in_series(first, from_ymd(2020, 3, 9), 24).index, 2);
  EXPECT_EQ(month_in_series(first, from_ymd(2019, 12, 31), 24).index, -1);
  const MonthInSeries later = month_in_series(first, from_ymd(2023, 5, 1), 24);  // month 40
  EXPECT_EQ(later.index, 16);  // May of the series' last year
  EXPECT_EQ(later.years_beyond, 2);
}
}  // namespace smug
