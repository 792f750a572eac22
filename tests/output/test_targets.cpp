// Calibration targets: the CSV reader, the targets file, and how a run meets each target, on
// inputs with answers worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>

#include "core/errors.hpp"
#include "output/targets.hpp"

namespace smug::out {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Date D(const char* text) {
  return *parse_date(text);
}

// Four replicates, 2021-01-01 .. 2023-12-31 (1095 days). `arrivals` is a flow of, per day in
// replicate r: r+1 in 2021, 4(r+1) in 2022, and in 2023 r+1 (r < 3) or 8 (r = 3).
// `price_gbp` is a level of 3000 + 100r, except 4000 + 100r from 2022-06-01 to 2022-12-31, and
// NaN on 2022-07-01 (a day without a price drops out of the mean).
RunData known_run() {
  RunData d;
  d.start_date = "2021-01-01";
  d.ndays = 1095;
  const int nrep = 4;
  for (int r = 0; r < nrep; ++r) {
    d.seeds.push_back(7);
    d.replicate_ids.push_back(static_cast<uint64_t>(r));
    d.wall_seconds.push_back(0);
  }
  Series arrivals{"arrivals", "people", "arrivals", SeriesKind::kFlow, {}};
  Series price{"price_gbp", "GBP", "price", SeriesKind::kLevel, {}};
  const Date start = D("2021-01-01");
  for (int r = 0; r < nrep; ++r) {
    for (int t = 0; t < d.ndays; ++t) {
      const Date day = start + t;
      const int year = to_ymd(day).year;
      arrivals.values.push_back(year == 2021   ? r + 1
                                : year == 2022 ? 4 * (r + 1)
                                               : (r < 3 ? r + 1 : 8));
      double p = 3000 + 100 * r;
      if (day >= D("2022-06-01") && day <= D("2022-12-31")) p = 4000 + 100 * r;
      if (day == D("2022-07-01")) p = kNaN;
      price.values.push_back(p);
    }
  }
  d.series = {arrivals, price};
  return d;
}

Target target(const std::string& metric, const char* from, const char* to, double lower,
              double upper) {
  Target t;
  t.id = "T";
  t.metric = metric;
  t.yoy = metric.rfind("yoy:", 0) == 0;
  t.series = t.yoy ? metric.substr(4) : metric;
  t.window_start = D(from);
  t.window_end = D(to);
  t.lower = lower;
  t.upper = upper;
  return t;
}

// sd of {1, 2, 3, 4} (n-1): sqrt(5/3).
const double kSd1234 = std::sqrt(5.0 / 3);

TEST(Targets, WindowSumOfAFlow) {
  const RunData run = known_run();
  // 2021: 365 (r+1) per replicate: mean 912.5, p05 = 365 (1 + 0.15), p95 = 365 (3 + 0.85).
  const TargetResult r =
      evaluate_target(run, target("arrivals", "2021-01-01", "2021-12-31", 0, 1e9));
  EXPECT_DOUBLE_EQ(r.mean, 912.5);
  EXPECT_DOUBLE_EQ(r.p05, 365 * 1.15);
  EXPECT_DOUBLE_EQ(r.p95, 365 * 3.85);
  EXPECT_DOUBLE_EQ(r.se, 365 * kSd1234 / 2);
  EXPECT_EQ(r.replicates, 4);
  EXPECT_TRUE(r.pass);
  EXPECT_EQ(r.note, "");
  // A window across the turn of the year: 2021-12-31 (r+1) + 2022-01-01..02 (2 * 4(r+1)).
  const TargetResult x =
      evaluate_target(run, target("arrivals", "2021-12-31", "2022-01-02", 0, 1e9));
  EXPECT_DOUBLE_EQ(x.mean, 9 * 2.5);
}

TEST(Targets, WindowMeanOfALevelSkipsNanDays) {
  const RunData run = known_run();
  const TargetResult r =
      evaluate_target(run, target("price_gbp", "2022-06-01", "2022-12-31", 3000, 5000));
  EXPECT_DOUBLE_EQ(r.mean, 4150);
  EXPECT_DOUBLE_EQ(r.p05, 4000 + 100 * 0.15);
  EXPECT_DOUBLE_EQ(r.se, 100 * kSd1234 / 2);
  EXPECT_TRUE(r.pass);
}

TEST(Targets, YearOnYearIsTheRatioOfEnsembleMeans) {
  const RunData run = known_run();
  // x = 2023 sums = 365 {1, 2, 3, 8}, y = 2022 sums = 1460 {1, 2, 3, 4}. Mean of x 1277.5, of
  // y 3650: ratio 0.35 (the mean of the per-replicate ratios {.25, .25, .25, .5} would be
  // 0.3125). p05/p95 of the ratios: 0.25 and 0.25 + 0.85 * 0.25. se: residuals x - 0.35 y =
  // {-146, -292, -438, 876}, sum of squares 146^2 * 50, sd sqrt(146^2 * 50 / 3), over 2 * 3650.
  const TargetResult r =
      evaluate_target(run, target("yoy:arrivals", "2023-01-01", "2023-12-31", 0, 0.35));
  EXPECT_DOUBLE_EQ(r.mean, 0.35);
  EXPECT_DOUBLE_EQ(r.p05, 0.25);
  EXPECT_DOUBLE_EQ(r.p95, 0.25 + 0.85 * 0.25);
  EXPECT_NEAR(r.se, std::sqrt(146.0 * 146.0 * 50 / 3) / (2 * 3650), 1e-12);
  EXPECT_EQ(r.replicates, 4);
  EXPECT_TRUE(r.pass);  // the upper edge is inside the band
  EXPECT_EQ(one_year_earlier(D("2024-02-29")), D("2023-02-28"));
  EXPECT_EQ(one_year_earlier(D("2023-10-15")), D("2022-10-15"));
}

TEST(Targets, BandEdgesAreInclusive) {
  const RunData run = known_run();
  auto pass = [&](double lower, double upper) {
    return evaluate_target(run, target("arrivals", "2021-01-01", "2021-12-31", lower, upper)).pass;
  };
  EXPECT_TRUE(pass(912.5, 1000));
  EXPECT_TRUE(pass(900, 912.5));
  EXPECT_TRUE(pass(912.5, 912.5));
  EXPECT_FALSE(pass(std::nextafter(912.5, 1e9), 1000));
  EXPECT_FALSE(pass(900, std::nextafter(912.5, 0)));
}

TEST(Targets, WindowOutsideTheRunFails) {
  const RunData run = known_run();
  for (const auto& [from, to] : {std::pair{"2019-01-01", "2019-12-31"},
                                 std::pair{"2023-06-01", "2024-01-31"},  // partly outside
                                 std::pair{"2020-12-31", "2021-12-31"}}) {
    const TargetResult r = evaluate_target(run, target("arrivals", from, to, -1e9, 1e9));
    EXPECT_FALSE(r.pass) << from;
    EXPECT_NE(r.note.find("window outside the run"), std::string::npos) << r.note;
    EXPECT_TRUE(std::isnan(r.mean));
  }
  // The year before 2021 is not in the run either.
  const TargetResult y =
      evaluate_target(run, target("yoy:arrivals", "2021-01-01", "2021-12-31", -1e9, 1e9));
  EXPECT_FALSE(y.pass);
  EXPECT_NE(y.note.find("previous-year window 2020-01-01..2020-12-31 outside the run"),
            std::string::npos)
      << y.note;
  const TargetResult missing =
      evaluate_target(run, target("returns", "2021-01-01", "2021-12-31", -1e9, 1e9));
  EXPECT_FALSE(missing.pass);
  EXPECT_NE(missing.note.find("no series 'returns'"), std::string::npos) << missing.note;
  const auto all = evaluate_targets(run, {target("arrivals", "2021-01-01", "2021-12-31", 0, 1e9),
                                          target("arrivals", "2019-01-01", "2019-12-31", 0, 1e9)});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(all[0].pass);
  EXPECT_FALSE(all[1].pass);
}

TEST(Csv, QuotedFieldsCommentsAndLineEnds) {
  const auto recs = parse_csv(
      "# a comment, with a comma\r\n"
      "a,b,c\r\n"
      "\n"
      "1,\"two, and \"\"three\"\"\",\r\n"
      "\"multi\nline\",,\"\"\n"
      "   \n"
      "last,\"x\"");
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].line, 2);
  EXPECT_EQ(recs[0].fields, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(recs[1].line, 4);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"1", "two, and \"three\"", ""}));
  EXPECT_EQ(recs[2].line, 5);
  EXPECT_EQ(recs[2].fields, (std::vector<std::string>{"multi\nline", "", ""}));
  EXPECT_EQ(recs[3].line, 8);
  EXPECT_EQ(recs[3].fields, (std::vector<std::string>{"last", "x"}));
  EXPECT_THROW(parse_csv("a,\"never closed\n"), std::invalid_argument);
  EXPECT_THROW(parse_csv("a,\"closed\"then\n"), std::invalid_argument);
}

TEST(TargetsFile, ParsesTheRepositoryTargets) {
  const std::string path = SMUG_SOURCE_DIR "/scenarios/data/targets.csv";
  const auto targets = read_targets(path);
  ASSERT_GE(targets.size(), 10u);
  EXPECT_EQ(targets[0].id, "T1");
  EXPECT_EQ(targets[0].metric, "arrivals");
  EXPECT_EQ(targets[0].window_start, D("2022-01-01"));
  EXPECT_EQ(targets[0].window_end, D("2022-12-31"));
  EXPECT_EQ(targets[0].observed, 12658);
  EXPECT_EQ(targets[0].lower, 12000);
  EXPECT_EQ(targets[0].upper, 13300);
  EXPECT_EQ(targets[0].note, "seed: over 12,000 in 2022");
  EXPECT_EQ(targets[1].observed, std::nullopt);
  EXPECT_TRUE(targets[3].yoy);
  EXPECT_EQ(targets[3].series, "arrivals");
  EXPECT_EQ(targets[3].metric, "yoy:arrivals");
}

TEST(TargetsFile, ColumnsByNameAndErrors) {
  const std::string header = "metric,id,window_start,window_end,observed,lower,upper\n";
  const auto t = parse_targets(header + "returns,R1,2022-01-01,2022-12-31,,1,2\n", "t.csv");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].id, "R1");
  EXPECT_EQ(t[0].line, 2);
  EXPECT_EQ(t[0].source, "");

  auto error_of = [](const std::string& text) -> std::string {
    try {
      parse_targets(text, "t.csv");
    } catch (const InputError& e) {
      return e.what();
    }
    return "(no error)";
  };
  EXPECT_NE(error_of("id,metric,window_start,window_end,lower,upper\n").find("'observed'"),
            std::string::npos);
  EXPECT_NE(error_of(header).find("no targets"), std::string::npos);
  EXPECT_NE(error_of(header + "x,A,2022-01-01,2022-13-01,,1,2\n").find("t.csv:2: 'window_end'"),
            std::string::npos);
  EXPECT_NE(error_of(header + "x,A,2022-02-01,2022-01-01,,1,2\n").find("ends before"),
            std::string::npos);
  EXPECT_NE(error_of(header + "x,A,2022-01-01,2022-01-01,,3,2\n").find("lower is above upper"),
            std::string::npos);
  EXPECT_NE(error_of(header + "x,A,2022-01-01,2022-01-01,,one,2\n").find("'lower'"),
            std::string::npos);
  EXPECT_NE(error_of(header + "x,A,2022-01-01,2022-01-01,,1,2,extra\n").find("expected 7 fields"),
            std::string::npos);
  EXPECT_NE(error_of(header + "mean:x,A,2022-01-01,2022-01-01,,1,2\n").find("'metric'"),
            std::string::npos);
  EXPECT_NE(error_of(header + "x,A,2022-01-01,2022-01-01,,1,2\nx,A,2022-01-01,2022-01-01,,1,2\n")
                .find("used twice"),
            std::string::npos);
  EXPECT_NE(error_of(header + "x,A,2022-01-01,2022-01-01,,1,\"2\n").find("never closed"),
            std::string::npos);
  EXPECT_THROW(read_targets("/nonexistent/targets.csv"), InputError);
}

}  // namespace
}  // namespace smug::out
