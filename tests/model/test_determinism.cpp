// Reproducibility and common random numbers: the same scenario, seed and replicate give
// bit-identical series on any thread count; a measure switched on with zero effect reproduces the
// baseline bit for bit; a scenario that differs from a date on is identical before it.
#include <gtest/gtest.h>

#include "engine/ensemble.hpp"
#include "measures/assemble.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

Scenario short_busy(const Changes& extra = {}) {
  Scenario s = busy({{"run.end", "2023-06-30"}});
  for (const auto& [k, v] : extra) s.set(k, v);
  return s;
}

TEST(Determinism, SameSeedSameSeries) {
  const Model model = build_model(short_busy(), shipped_inputs());
  const ReplicateResult a = model.run(42, 3), b = model.run(42, 3);
  EXPECT_TRUE(same_series(a.rec, b.rec));
  EXPECT_GT(sum(a.rec.series(kArrivals)), 0);
  // A different replicate is a different draw.
  const ReplicateResult c = model.run(42, 4);
  EXPECT_FALSE(same_series(a.rec, c.rec));
}

TEST(Determinism, EnsembleIdenticalOnOneAndTwoThreads) {
  const Model model = build_model(short_busy(), shipped_inputs());
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

// Runs two variants of the short busy scenario with the same seed; expects bit-identical series.
void expect_same(const Changes& a, const Changes& b, uint64_t seed) {
  const ModelInputs in = shipped_inputs();
  const Model ma = build_model(short_busy(a), in), mb = build_model(short_busy(b), in);
  EXPECT_TRUE(same_series(ma.run(seed, 0).rec, mb.run(seed, 0).rec));
}

// `zero` switches measure `name` on from the start with zero effect: the same as without it.
void expect_null(const std::string& name, Changes zero, uint64_t seed) {
  SCOPED_TRACE(name);
  zero.push_back({name + ".enabled", "true"});
  zero.push_back({name + ".start", "2020-01-01"});
  expect_same({{name + ".enabled", "false"}}, zero, seed);
}

TEST(CommonRandomNumbers, FrenchPatrolsWithFactorOneIsTheBaseline) {
  // The null_intervention what-if: the baseline has no French-patrols measure.
  expect_same({},
              {{"french_patrols.enabled", "true"},
               {"french_patrols.start", "2020-01-01"},
               {"french_patrols.patrol_odds_factor", "1"}},
              6);
  // The check can fail: doubled patrols are not the baseline.
  const ModelInputs in = shipped_inputs();
  const Model base = build_model(short_busy(), in);
  const Model doubled = build_model(short_busy({{"french_patrols.enabled", "true"},
                                                {"french_patrols.start", "2020-01-01"},
                                                {"french_patrols.patrol_odds_factor", "2"}}),
                                    in);
  EXPECT_FALSE(same_series(base.run(6, 0).rec, doubled.run(6, 0).rec));
}

TEST(CommonRandomNumbers, EveryMeasureWithZeroEffectIsAsIfAbsent) {
  expect_null("taskforce_regional",
              {{"taskforce_regional.arrest_weekly", "0"}, {"taskforce_regional.detect_land", "0"}},
              9);
  expect_null("taskforce",
              {{"taskforce.arrest_recruiters_weekly", "0"},
               {"taskforce.arrest_drivers_weekly", "0"},
               {"taskforce.exit_detect", "0"}},
              9);
  expect_null("kosovo_drones",
              {{"kosovo_drones.detect", "0"}, {"kosovo_drones.arrest_drivers_weekly", "0"}}, 9);
  expect_null("frontex_albania",
              {{"frontex_albania.detect_south", "0"}, {"frontex_albania.detect_other_land", "0"}},
              9);
  expect_null("uk_albania_deal_aug22",
              {{"uk_albania_deal_aug22.removal_delay_factor", "1"},
               {"uk_albania_deal_aug22.removal_capacity_per_day", "0"},
               {"uk_albania_deal_aug22.campaign", "0"}},
              9);
  expect_null("joint_communique",
              {{"joint_communique.decision_delay_factor", "1"},
               {"joint_communique.grant_rate_factor", "1"},
               {"joint_communique.slavery_referral_factor", "1"},
               {"joint_communique.removal_delay_factor", "1"},
               {"joint_communique.removal_capacity_per_day", "0"},
               {"joint_communique.detention_share", "0"},
               {"joint_communique.airport_detect", "0"},
               {"joint_communique.stock_removal_factor", "1"},
               {"joint_communique.voluntary_return_factor", "1"},
               {"joint_communique.campaign", "0"}},
              9);
}

TEST(CommonRandomNumbers, ScenarioDifferingFromADateIsIdenticalBeforeIt) {
  const ModelInputs in = shipped_inputs();
  const Model base = build_model(short_busy(), in);
  const Model later = build_model(short_busy({{"joint_communique.start", "2023-03-01"}}), in);
  const ReplicateResult a = base.run(17, 2), b = later.run(17, 2);
  const size_t jc = static_cast<size_t>(from_ymd(2022, 12, 13) - base.params().run.start);
  EXPECT_TRUE(same_series(a.rec, b.rec, 0, jc));
  EXPECT_FALSE(same_series(a.rec, b.rec, jc)) << "the agreement changes what follows its start";
}

}  // namespace
}  // namespace smug::test
