// Reproducibility and common random numbers: the same scenario, seed and replicate give
// bit-identical series on any thread count; a measure switched on with zero effect reproduces the
// baseline bit for bit; a scenario that differs from a date on is identical before it.
#include <gtest/gtest.h>

#include "engine/ensemble.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

Scenario short_busy(const Changes& extra = {}) {
  Scenario s = busy({{"run.end", "2023-06-30"}});
  for (const auto& [k, v] : extra) s.set(k, v);
  return s;
}

TEST(Determinism, SameSeedSameSeries) {
  const Model model(short_busy(), shipped_inputs());
  const ReplicateResult a = model.run(42, 3), b = model.run(42, 3);
  EXPECT_TRUE(same_series(a.rec, b.rec));
  EXPECT_GT(sum(a.rec.series(kArrivals)), 0);
  // A different replicate is a different draw.
  const ReplicateResult c = model.run(42, 4);
  EXPECT_FALSE(same_series(a.rec, c.rec));
}

TEST(Determinism, EnsembleIdenticalOnOneAndTwoThreads) {
  const Model model(short_busy(), shipped_inputs());
  EnsembleOptions o;
  o.seed = 5;
  o.replicates = {0, 1, 2, 7};
  o.threads = 1;
  const auto one = run_ensemble(model, o);
  o.threads = 2;
  const auto two = run_ensemble(model, o);
  ASSERT_EQ(one.size(), o.replicates.size());
  ASSERT_EQ(two.size(), o.replicates.size());
  for (size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].replicate, o.replicates[i]);
    EXPECT_EQ(two[i].replicate, o.replicates[i]);
    EXPECT_TRUE(same_series(one[i].rec, two[i].rec)) << "replicate " << o.replicates[i];
    // ... and the same as running the replicate alone.
    EXPECT_TRUE(same_series(one[i].rec, model.run(5, o.replicates[i]).rec));
  }
}

// Runs the baseline and a variant with the same seed; expects bit-identical series.
void expect_null(const Changes& variant, uint64_t seed) {
  const ModelInputs in = shipped_inputs();
  const Model base(short_busy(), in), var(short_busy(variant), in);
  EXPECT_TRUE(same_series(base.run(seed, 0).rec, var.run(seed, 0).rec));
}

TEST(CommonRandomNumbers, FrenchPatrolsWithFactorOneIsTheBaseline) {
  expect_null({{"french_patrols.enabled", "true"},
               {"french_patrols.start", "2020-01-01"},
               {"french_patrols.patrol_odds_factor", "1"}},
              6);
  // The check can fail: doubled patrols are not the baseline.
  const ModelInputs in = shipped_inputs();
  const Model base(short_busy(), in),
      doubled(short_busy({{"french_patrols.enabled", "true"},
                          {"french_patrols.start", "2020-01-01"},
                          {"french_patrols.patrol_odds_factor", "2"}}),
              in);
  EXPECT_FALSE(same_series(base.run(6, 0).rec, doubled.run(6, 0).rec));
}

TEST(CommonRandomNumbers, MeasuresWithZeroEffectAreTheBaseline) {
  expect_null({{"taskforce_regional.enabled", "true"},
               {"taskforce_regional.start", "2020-01-01"},
               {"taskforce_regional.arrest_weekly", "0"},
               {"taskforce_regional.detect_land", "0"}},
              9);
  expect_null({{"taskforce.arrest_recruiters_weekly", "0"},
               {"taskforce.arrest_drivers_weekly", "0"},
               {"taskforce.exit_detect", "0"},
               {"taskforce.start", "2020-01-01"}},
              9);
  // The baseline against a variant without the taskforce at all, whose zero-effect version is
  // the one above.
  expect_null({{"taskforce.enabled", "false"}},
              9);
}

TEST(CommonRandomNumbers, ZeroEffectTaskforceEqualsNoTaskforce) {
  const ModelInputs in = shipped_inputs();
  const Changes zero = {{"taskforce.arrest_recruiters_weekly", "0"},
                        {"taskforce.arrest_drivers_weekly", "0"},
                        {"taskforce.exit_detect", "0"}};
  Changes none = zero;
  none.push_back({"taskforce.enabled", "false"});
  const Model a(short_busy(zero), in), b(short_busy(none), in);
  EXPECT_TRUE(same_series(a.run(13, 0).rec, b.run(13, 0).rec));
}

TEST(CommonRandomNumbers, ScenarioDifferingFromADateIsIdenticalBeforeIt) {
  const ModelInputs in = shipped_inputs();
  const Model base(short_busy(), in),
      later(short_busy({{"joint_communique.start", "2023-03-01"}}), in);
  const ReplicateResult a = base.run(17, 2), b = later.run(17, 2);
  const size_t jc = static_cast<size_t>(from_ymd(2022, 12, 13) - base.params().run.start);
  EXPECT_TRUE(same_series(a.rec, b.rec, 0, jc));
  EXPECT_FALSE(same_series(a.rec, b.rec, jc)) << "the agreement changes what follows its start";
}

}  // namespace
}  // namespace smug::test
