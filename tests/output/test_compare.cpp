// Paired comparison of two runs, on inputs with answers worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "output/compare.hpp"

namespace smug::out {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Date D(const char* text) {
  return *parse_date(text);
}

// Four replicates from 2022-01-01 for 400 days (to 2023-02-04: 365 days of 2022, 35 of 2023).
// `arrivals` is a flow of daily[r] people a day in replicate r; `price_gbp` a level of 3000 every
// day in every replicate; `zeros` a flow of 0.
RunData run_of(const std::vector<double>& daily) {
  RunData d;
  d.start_date = "2022-01-01";
  d.ndays = 400;
  const int nrep = static_cast<int>(daily.size());
  for (int r = 0; r < nrep; ++r) {
    d.seeds.push_back(1000 + static_cast<uint64_t>(r));
    d.replicate_ids.push_back(static_cast<uint64_t>(r));
    d.wall_seconds.push_back(0);
  }
  Series arrivals{"arrivals", "people", "arrivals", SeriesKind::kFlow, {}};
  Series price{"price_gbp", "GBP", "price", SeriesKind::kLevel, {}};
  Series zeros{"zeros", "people", "nothing", SeriesKind::kFlow, {}};
  for (int r = 0; r < nrep; ++r) {
    for (int t = 0; t < d.ndays; ++t) {
      arrivals.values.push_back(daily[static_cast<size_t>(r)]);
      price.values.push_back(3000);
      zeros.values.push_back(0);
    }
  }
  d.series = {arrivals, price, zeros};
  return d;
}

// base {10, 20, 30, 40}, other {12, 18, 35, 40}: differences {2, -2, 5, 0}.
//  mean diff 1.25; sorted {-2, 0, 2, 5}: p05 = -2 + 0.15 * 2 = -1.7, p95 = 2 + 0.85 * 3 = 4.55;
//  means 25 and 26.25: relative change 0.05; one negative difference of four: 0.25;
//  sums of squares about the mean: base 500, other 536.75, diff 26.75 (each over n-1 = 3), so
//  the pairing gain is (500 + 536.75) / 26.75.
const std::vector<double> kBase = {10, 20, 30, 40};
const std::vector<double> kOther = {12, 18, 35, 40};
const double kGain = (500.0 + 536.75) / 26.75;

TEST(Compare, StatisticsOfPairedValues) {
  const CompareRow row = compare_values(kBase, kOther);
  EXPECT_DOUBLE_EQ(row.base_mean, 25);
  EXPECT_DOUBLE_EQ(row.other_mean, 26.25);
  EXPECT_DOUBLE_EQ(row.diff_mean, 1.25);
  EXPECT_DOUBLE_EQ(row.diff_p05, -1.7);
  EXPECT_DOUBLE_EQ(row.diff_p95, 4.55);
  EXPECT_NEAR(row.rel_change, 0.05, 1e-12);  // 1.05 - 1 loses the last bits
  EXPECT_DOUBLE_EQ(row.p_negative, 0.25);
  EXPECT_DOUBLE_EQ(row.pairing_gain, kGain);
  EXPECT_EQ(row.replicates, 4);
  EXPECT_THROW(compare_values({1, 2}, {1, 2, 3}), std::invalid_argument);
}

TEST(Compare, NanReplicatesDropOutOfThePairs) {
  // Replicate 3 is NaN in the other run: pairs {10,12}, {20,18}, {30,35}, differences {2,-2,5}.
  const CompareRow row = compare_values(kBase, {12, 18, 35, kNaN});
  EXPECT_EQ(row.replicates, 3);
  EXPECT_DOUBLE_EQ(row.base_mean, 25);         // over its own four values
  EXPECT_DOUBLE_EQ(row.other_mean, 65.0 / 3);  // over its three
  EXPECT_DOUBLE_EQ(row.diff_mean, 5.0 / 3);    // over the three pairs
  EXPECT_DOUBLE_EQ(row.p_negative, 1.0 / 3);
  // Sorted {-2, 2, 5}: p05 at h = 0.1, p95 at h = 1.9.
  EXPECT_DOUBLE_EQ(row.diff_p05, -2 + 0.1 * 4);
  EXPECT_DOUBLE_EQ(row.diff_p95, 2 + 0.9 * 3);
  const CompareRow none = compare_values({kNaN}, {1});
  EXPECT_EQ(none.replicates, 0);
  EXPECT_TRUE(std::isnan(none.diff_mean));
  EXPECT_TRUE(std::isnan(none.pairing_gain));
}

TEST(Compare, GainIsNanWhenDifferencesDoNotVaryAndRelChangeNanOnZeroBase) {
  const CompareRow same = compare_values(kBase, {11, 21, 31, 41});  // all differences 1
  EXPECT_DOUBLE_EQ(same.diff_mean, 1);
  EXPECT_DOUBLE_EQ(same.p_negative, 0);
  EXPECT_TRUE(std::isnan(same.pairing_gain));
  const CompareRow zero = compare_values({0, 0}, {1, 3});
  EXPECT_TRUE(std::isnan(zero.rel_change));
  EXPECT_DOUBLE_EQ(zero.other_mean, 2);
  const CompareRow one = compare_values({1}, {3});  // one replicate: no variance to compare
  EXPECT_DOUBLE_EQ(one.diff_mean, 2);
  EXPECT_DOUBLE_EQ(one.diff_p05, 2);
  EXPECT_TRUE(std::isnan(one.pairing_gain));
}

TEST(Compare, RunsByYearScaleWithTheDaysCovered) {
  const RunData base = run_of(kBase), other = run_of(kOther);
  const auto rows = compare_runs(base, other, {"arrivals", "price_gbp", "zeros"}, Period::kYear);
  ASSERT_EQ(rows.size(), 6u);  // 2022 and 2023, three metrics each, period-major
  EXPECT_EQ(rows[0].period, "2022");
  EXPECT_EQ(rows[0].metric, "arrivals");
  EXPECT_EQ(rows[1].metric, "price_gbp");
  EXPECT_EQ(rows[3].period, "2023");
  EXPECT_FALSE(rows[0].partial);
  EXPECT_TRUE(rows[3].partial);
  EXPECT_EQ(rows[3].covered.last, D("2023-02-04"));
  for (const auto& [row, days] : {std::pair{rows[0], 365.0}, std::pair{rows[3], 35.0}}) {
    EXPECT_DOUBLE_EQ(row.base_mean, 25 * days);
    EXPECT_DOUBLE_EQ(row.other_mean, 26.25 * days);
    EXPECT_DOUBLE_EQ(row.diff_mean, 1.25 * days);
    EXPECT_DOUBLE_EQ(row.diff_p05, -1.7 * days);
    EXPECT_DOUBLE_EQ(row.diff_p95, 4.55 * days);
    EXPECT_NEAR(row.rel_change, 0.05, 1e-12);  // 1.05 - 1 loses the last bits
    EXPECT_DOUBLE_EQ(row.p_negative, 0.25);
    EXPECT_NEAR(row.pairing_gain, kGain, 1e-12 * kGain);
    EXPECT_EQ(row.replicates, 4);
  }
  // A level is averaged, and the same in both runs: no difference, no gain to measure.
  EXPECT_DOUBLE_EQ(rows[1].base_mean, 3000);
  EXPECT_DOUBLE_EQ(rows[1].diff_mean, 0);
  EXPECT_DOUBLE_EQ(rows[1].rel_change, 0);
  EXPECT_DOUBLE_EQ(rows[1].p_negative, 0);
  EXPECT_TRUE(std::isnan(rows[1].pairing_gain));
  EXPECT_TRUE(std::isnan(rows[2].rel_change));  // zeros: base mean 0
}

TEST(Compare, WindowIsOneRowPerMetric) {
  const RunData base = run_of(kBase), other = run_of(kOther);
  const auto rows = compare_runs(base, other, {"arrivals", "zeros"}, Period::kWindow,
                                 D("2022-12-13"), D("2023-01-15"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].period, "2022-12-13..2023-01-15");
  EXPECT_EQ(rows[1].metric, "zeros");
  EXPECT_DOUBLE_EQ(rows[0].diff_mean, 1.25 * 34);
  const auto months =
      compare_runs(base, other, {"arrivals"}, Period::kMonth, D("2022-12-13"), D("2023-01-15"));
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].period, "2022-12");
  EXPECT_TRUE(months[0].partial);
  EXPECT_DOUBLE_EQ(months[0].base_mean, 25 * 19);  // 13..31 December
  EXPECT_TRUE(compare_runs(base, other, {"arrivals"}, Period::kYear, D("2030-01-01")).empty());
}

TEST(Compare, RefusesRunsThatAreNotPaired) {
  const RunData base = run_of(kBase);
  EXPECT_EQ(incomparable_reason(base, run_of(kOther)), std::nullopt);

  RunData seeds = run_of(kOther);
  seeds.seeds[2] = 77;
  RunData keys = run_of(kOther);
  keys.replicate_ids = {3, 2, 1, 0};
  RunData fewer = run_of({12, 18, 35});
  RunData start = run_of(kOther);
  start.start_date = "2022-01-02";
  RunData length = run_of(kOther);
  length.ndays = 399;
  for (auto& s : length.series) s.values.resize(4 * 399);

  const std::vector<std::pair<const RunData*, const char*>> cases = {
      {&seeds, "different seeds"},
      {&keys, "different replicate keys"},
      {&fewer, "different replicate keys"},
      {&start, "different horizons"},
      {&length, "different horizons"}};
  for (const auto& [other, why] : cases) {
    const auto reason = incomparable_reason(base, *other);
    ASSERT_TRUE(reason.has_value()) << why;
    EXPECT_NE(reason->find(why), std::string::npos) << *reason;
    EXPECT_THROW(compare_runs(base, *other, {"arrivals"}, Period::kYear), std::invalid_argument);
  }
}

TEST(Compare, MetricMustBeInBothRunsWithTheSameKind) {
  const RunData base = run_of(kBase);
  RunData other = run_of(kOther);
  other.series.pop_back();  // no `zeros`
  try {
    compare_runs(base, other, {"arrivals", "zeros"}, Period::kYear);
    ADD_FAILURE() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'zeros'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("other"), std::string::npos) << e.what();
  }
  other.series[1].kind = SeriesKind::kFlow;
  EXPECT_THROW(compare_runs(base, other, {"price_gbp"}, Period::kYear), std::invalid_argument);
}

}  // namespace
}  // namespace smug::out
