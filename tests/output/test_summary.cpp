// Aggregation over periods and statistics across replicates, on inputs with known answers.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "output/summary.hpp"

namespace smug::out {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Date D(const char* text) {
  return *parse_date(text);
}

// One run from 2022-11-01 for 400 days (to 2023-12-05). `ones` is a flow of 1 per day and
// replicate r; `level` is a level equal to the day index t; `rep` is a flow of r+1 per day.
RunData known_run(int nrep = 1) {
  RunData d;
  d.start_date = "2022-11-01";
  d.ndays = 400;
  for (int r = 0; r < nrep; ++r) {
    d.seeds.push_back(static_cast<uint64_t>(r));
    d.replicate_ids.push_back(static_cast<uint64_t>(r));
    d.wall_seconds.push_back(0);
  }
  Series ones{"ones", "1", "one a day", SeriesKind::kFlow, {}};
  Series level{"level", "1", "day index", SeriesKind::kLevel, {}};
  Series rep{"rep", "1", "replicate + 1", SeriesKind::kFlow, {}};
  for (int r = 0; r < nrep; ++r) {
    for (int t = 0; t < d.ndays; ++t) {
      ones.values.push_back(1);
      level.values.push_back(t);
      rep.values.push_back(r + 1);
    }
  }
  d.series = {ones, level, rep};
  return d;
}

TEST(Summary, Labels) {
  const DateRange day{D("2022-08-15"), D("2022-08-15")};
  EXPECT_EQ(period_label(Period::kDay, day), "2022-08-15");
  EXPECT_EQ(period_label(Period::kMonth, calendar_period(Period::kMonth, D("2022-08-15"))),
            "2022-08");
  EXPECT_EQ(period_label(Period::kQuarter, calendar_period(Period::kQuarter, D("2022-08-15"))),
            "2022Q3");
  EXPECT_EQ(period_label(Period::kYear, calendar_period(Period::kYear, D("2022-08-15"))), "2022");
  EXPECT_EQ(period_label(Period::kWindow, {D("2022-12-13"), D("2023-10-15")}),
            "2022-12-13..2023-10-15");
}

TEST(Summary, CalendarPeriods) {
  const DateRange q = calendar_period(Period::kQuarter, D("2023-12-31"));
  EXPECT_EQ(q.first, D("2023-10-01"));
  EXPECT_EQ(q.last, D("2023-12-31"));
  EXPECT_EQ(calendar_period(Period::kMonth, D("2024-02-10")).days(), 29);
  EXPECT_EQ(calendar_period(Period::kMonth, D("2023-02-10")).days(), 28);
  EXPECT_EQ(calendar_period(Period::kYear, D("2024-06-01")).days(), 366);
  EXPECT_THROW(calendar_period(Period::kWindow, D("2024-06-01")), std::invalid_argument);
  EXPECT_EQ(parse_period("quarter"), Period::kQuarter);
  EXPECT_EQ(parse_period("weekly"), std::nullopt);
}

TEST(Summary, FlowsSumAndLevelsAverageByMonth) {
  const RunData run = known_run();
  const auto flow = aggregate(run, *run.find("ones"), Period::kMonth);
  ASSERT_EQ(flow.size(), 14u);  // 2022-11 .. 2023-12
  EXPECT_EQ(flow[0].label, "2022-11");
  EXPECT_EQ(flow[0].values[0], 30);
  EXPECT_EQ(flow[1].values[0], 31);
  EXPECT_EQ(flow[3].label, "2023-02");
  EXPECT_EQ(flow[3].values[0], 28);
  EXPECT_EQ(flow.back().label, "2023-12");
  EXPECT_EQ(flow.back().values[0], 5);  // horizon ends 2023-12-05: covered days only
  EXPECT_TRUE(flow.back().partial());
  EXPECT_FALSE(flow[0].partial());

  const auto level = aggregate(run, *run.find("level"), Period::kMonth);
  EXPECT_DOUBLE_EQ(level[0].values[0], 14.5);       // mean of 0..29
  EXPECT_DOUBLE_EQ(level[1].values[0], 45.0);       // mean of 30..60
  EXPECT_DOUBLE_EQ(level.back().values[0], 397.0);  // mean of 395..399
}

TEST(Summary, QuartersYearsAndDays) {
  const RunData run = known_run();
  const auto q = aggregate(run, *run.find("ones"), Period::kQuarter);
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q[0].label, "2022Q4");
  EXPECT_EQ(q[0].values[0], 61);  // Nov + Dec only
  EXPECT_EQ(q[1].label, "2023Q1");
  EXPECT_EQ(q[1].values[0], 90);
  EXPECT_EQ(q[4].label, "2023Q4");
  EXPECT_EQ(q[4].values[0], 31 + 30 + 5);

  const auto y = aggregate(run, *run.find("ones"), Period::kYear);
  ASSERT_EQ(y.size(), 2u);
  EXPECT_EQ(y[0].label, "2022");
  EXPECT_EQ(y[0].values[0], 61);
  EXPECT_EQ(y[1].label, "2023");
  EXPECT_EQ(y[1].values[0], 339);
  EXPECT_EQ(y[1].period.days(), 365);
  EXPECT_EQ(y[1].covered.days(), 339);

  const auto days = aggregate(run, *run.find("level"), Period::kDay);
  ASSERT_EQ(days.size(), 400u);
  EXPECT_EQ(days[0].label, "2022-11-01");
  EXPECT_EQ(days[399].label, "2023-12-05");
  EXPECT_EQ(days[399].values[0], 399);
}

TEST(Summary, ClipAndWindow) {
  const RunData run = known_run();
  const auto m =
      aggregate(run, *run.find("ones"), Period::kMonth, D("2022-11-15"), D("2023-01-10"));
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].label, "2022-11");
  EXPECT_EQ(m[0].values[0], 16);
  EXPECT_TRUE(m[0].partial());
  EXPECT_EQ(m[1].values[0], 31);
  EXPECT_FALSE(m[1].partial());
  EXPECT_EQ(m[2].values[0], 10);

  const auto w =
      aggregate(run, *run.find("ones"), Period::kWindow, D("2022-12-13"), D("2023-10-15"));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].label, "2022-12-13..2023-10-15");
  EXPECT_EQ(w[0].values[0], D("2023-10-15") - D("2022-12-13") + 1);
  EXPECT_FALSE(w[0].partial());

  // A window reaching before the run keeps its requested label and covers the run's days only.
  const auto early =
      aggregate(run, *run.find("level"), Period::kWindow, D("2022-10-01"), D("2022-11-10"));
  ASSERT_EQ(early.size(), 1u);
  EXPECT_EQ(early[0].label, "2022-10-01..2022-11-10");
  EXPECT_EQ(early[0].covered.first, D("2022-11-01"));
  EXPECT_TRUE(early[0].partial());
  EXPECT_DOUBLE_EQ(early[0].values[0], 4.5);  // mean of 0..9

  // Without bounds a window is the whole horizon; only one bound clips one end.
  const auto all = aggregate(run, *run.find("ones"), Period::kWindow);
  EXPECT_EQ(all[0].label, "2022-11-01..2023-12-05");
  EXPECT_EQ(all[0].values[0], 400);
  const auto tail = aggregate(run, *run.find("ones"), Period::kWindow, D("2023-12-01"));
  EXPECT_EQ(tail[0].label, "2023-12-01..2023-12-05");
  EXPECT_EQ(tail[0].values[0], 5);

  EXPECT_TRUE(aggregate(run, *run.find("ones"), Period::kYear, D("2030-01-01")).empty());
}

TEST(Summary, LevelsSkipNaNDaysFlowsDoNot) {
  RunData run = known_run();
  Series& level = run.series[1];
  Series& flow = run.series[0];
  for (int t = 0; t < 30; t += 2) level.values[t] = kNaN;  // even days of November
  flow.values[3] = kNaN;
  const auto l = aggregate(run, level, Period::kMonth);
  EXPECT_DOUBLE_EQ(l[0].values[0], 15.0);  // mean of the odd days 1..29
  const auto f = aggregate(run, flow, Period::kMonth);
  EXPECT_TRUE(std::isnan(f[0].values[0]));
  EXPECT_EQ(f[1].values[0], 31);
  for (int t = 0; t < 30; ++t) level.values[t] = kNaN;
  EXPECT_TRUE(std::isnan(aggregate(run, level, Period::kMonth)[0].values[0]));
}

TEST(Summary, StatisticsAcrossReplicates) {
  const Stats s = describe({4, 1, 3, 2});
  EXPECT_DOUBLE_EQ(s.mean, 2.5);
  EXPECT_DOUBLE_EQ(s.sd, std::sqrt(5.0 / 3.0));
  EXPECT_DOUBLE_EQ(s.p05, 1.15);
  EXPECT_DOUBLE_EQ(s.p50, 2.5);
  EXPECT_DOUBLE_EQ(s.p95, 3.85);
  EXPECT_EQ(s.replicates, 4);

  // numpy.percentile([10, 0, 5, 7, 3], [5, 50, 95]) == [0.6, 5, 9.4]
  const Stats t = describe({10, 0, 5, 7, 3});
  EXPECT_NEAR(t.p05, 0.6, 1e-12);
  EXPECT_DOUBLE_EQ(t.p50, 5);
  EXPECT_NEAR(t.p95, 9.4, 1e-12);

  const Stats one = describe({7});
  EXPECT_EQ(one.sd, 0);
  EXPECT_EQ(one.p05, 7);
  EXPECT_EQ(one.p95, 7);
  EXPECT_EQ(one.replicates, 1);

  const Stats some = describe({kNaN, 2, kNaN, 4});
  EXPECT_EQ(some.replicates, 2);
  EXPECT_DOUBLE_EQ(some.mean, 3);

  const Stats none = describe({kNaN});
  EXPECT_EQ(none.replicates, 0);
  EXPECT_TRUE(std::isnan(none.mean));
  EXPECT_TRUE(std::isnan(none.p50));
}

TEST(Summary, RowsArePeriodMajor) {
  const RunData run = known_run(3);
  const auto rows = summarize(run, {"rep", "ones"}, Period::kYear);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].period, "2022");
  EXPECT_EQ(rows[0].metric, "rep");
  EXPECT_EQ(rows[1].metric, "ones");
  EXPECT_EQ(rows[2].period, "2023");
  // Replicates sum 61, 122, 183 over 2022.
  EXPECT_DOUBLE_EQ(rows[0].stats.mean, 122);
  EXPECT_DOUBLE_EQ(rows[0].stats.sd, 61);
  EXPECT_DOUBLE_EQ(rows[0].stats.p50, 122);
  EXPECT_DOUBLE_EQ(rows[0].stats.p05, 61 + 0.1 * 61);
  EXPECT_EQ(rows[0].stats.replicates, 3);
  EXPECT_TRUE(rows[0].partial);
  EXPECT_EQ(rows[1].stats.sd, 0);
  EXPECT_THROW(summarize(run, {"ones", "bogus"}, Period::kYear), std::invalid_argument);
}

TEST(Summary, ARunWithNoSeriesIsAnErrorNotAnEmptyTable) {
  RunData run = known_run(2);
  run.series.clear();
  EXPECT_THROW(summarize(run, {}, Period::kYear), RunFileError);
}

}  // namespace
}  // namespace smug::out
