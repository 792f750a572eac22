// The shipped scenarios: each what-if runs; null_intervention is the baseline bit for bit; the
// baseline's 2023 collapse is the measures' doing (no_measures shows none).
#include <gtest/gtest.h>

#include <filesystem>

#include "model/model_registry.hpp"
#include "params/value_text.hpp"
#include "tests/app/scenario_runs.hpp"

using namespace smug;
using namespace smug::testing;

TEST(Scenarios, EveryWhatIfRuns) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(scenario_path("whatifs"))) {
    if (e.path().extension() != ".ini") continue;
    SCOPED_TRACE(e.path().string());
    const auto r =
        run_scenario("whatifs/" + e.path().filename().string(), {{"run.scale", "0.01"}}, 1, 1);
    ASSERT_EQ(r.size(), 1u);
    double arrivals = 0;
    for (double v : r[0].rec.series(kArrivals)) arrivals += v;
    EXPECT_TRUE(std::isfinite(arrivals));
    ++n;
  }
  EXPECT_GE(n, 10);
}

TEST(Scenarios, NullInterventionIsTheBaselineBitForBit) {
  const std::vector<std::pair<std::string, std::string>> small = {{"run.scale", "0.03"}};
  const auto base = run_scenario("baseline.ini", small, 2);
  const auto null = run_scenario("whatifs/null_intervention.ini", small, 2);
  std::string diff;
  EXPECT_TRUE(identical(base, null, &diff)) << "first difference: " << diff;
}

TEST(Scenarios, OneAndTwoThreadsGiveIdenticalData) {
  const std::vector<std::pair<std::string, std::string>> small = {{"run.scale", "0.03"}};
  std::string diff;
  EXPECT_TRUE(identical(run_scenario("baseline.ini", small, 3, 1),
                        run_scenario("baseline.ini", small, 3, 2), &diff))
      << "first difference: " << diff;
}

// A what-if that changes the baseline only from a date has identical daily series before it.
TEST(Scenarios, AgreementLapseChangesNothingBefore2025) {
  const std::vector<std::pair<std::string, std::string>> o = {{"run.scale", "0.03"},
                                                              {"run.end", "2025-06-30"}};
  const auto base = run_scenario("baseline.ini", o, 2);
  const auto lapse = run_scenario("whatifs/agreement_lapses_2025.ini", o, 2);
  const int cut = from_ymd(2025, 1, 1) - from_ymd(2020, 1, 1);
  bool after_differs = false;
  for (size_t r = 0; r < base.size(); ++r)
    for (int k = 0; k < kNumSeries; ++k) {
      const auto& x = base[r].rec.series(static_cast<SeriesId>(k));
      const auto& y = lapse[r].rec.series(static_cast<SeriesId>(k));
      for (int t = 0; t < cut; ++t)
        ASSERT_TRUE((std::isnan(x[t]) && std::isnan(y[t])) || x[t] == y[t])
            << series_info()[k].name << " day " << t;
      for (size_t t = cut; t < x.size(); ++t) after_differs |= !(x[t] == y[t]) && !std::isnan(x[t]);
    }
  EXPECT_TRUE(after_differs) << "the lapse should change something after 2025-01-01";
}

TEST(Scenarios, BaselineCollapsesIn2023AndNoMeasuresDoesNot) {
  // Full scale, as calibrated: the surge grows from a handful of early crossers and
  // organisations, and a 10% sample mostly never takes off. Some full-scale replicates do not
  // either, hence eight.
  const std::vector<std::pair<std::string, std::string>> o = {{"run.scale", "1"},
                                                              {"run.end", "2023-12-31"}};
  const auto base = run_scenario("baseline.ini", o, 8);
  const auto none = run_scenario("whatifs/no_measures.ini", o, 8);
  auto ratio = [](const std::vector<ReplicateResult>& rs) {
    double y22 = 0, y23 = 0;
    for (const auto& r : rs) {
      y22 += window_sum(r, kArrivals, "2020-01-01", "2022-01-01", "2022-12-31");
      y23 += window_sum(r, kArrivals, "2020-01-01", "2023-01-01", "2023-12-31");
    }
    return y23 / y22;
  };
  const double b = ratio(base), n = ratio(none);
  EXPECT_LT(b, 0.3) << "baseline 2023/2022 arrivals";
  EXPECT_GT(n, 0.8) << "no_measures 2023/2022 arrivals";
}

// The what-if's capacity is written as a number: it must stay half the baseline's on every date,
// whatever the baseline's calibration wrote, and change nothing else.
TEST(Scenarios, SlowRemovalsHalvesTheCommuniquesRemovalsAndDetainsNobody) {
  const Scenario base = load_scenario(scenario_path("baseline.ini"));
  const Scenario slow = load_scenario(scenario_path("whatifs/slow_removals.ini"));
  const std::string capacity = "joint_communique.removal_capacity_per_day";
  for (const char* d : {"2022-12-13", "2023-01-15", "2023-07-01", "2024-06-01", "2025-12-31"}) {
    const Date date = *parse_date(d);
    EXPECT_NEAR(slow.real_at(capacity, date), 0.5 * base.real_at(capacity, date), 1e-7) << d;
    EXPECT_EQ(slow.real_at("joint_communique.detention_share", date), 0) << d;
  }
  EXPECT_GT(base.real_at("joint_communique.detention_share", *parse_date("2023-07-01")), 0);
  for (const ParamSpec& p : model_registry().params()) {
    if (p.name() == capacity || p.name() == "joint_communique.detention_share") continue;
    EXPECT_EQ(detail::canonical_text(base.value(p.name())),
              detail::canonical_text(slow.value(p.name())))
        << p.name();
  }
}
