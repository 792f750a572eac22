// The decision to leave: who leaves when people differ in how ready they are to take the risk.
#include <gtest/gtest.h>

#include "model_test_support.hpp"

namespace smug::test {
namespace {

struct Leavers {
  double count = 0, mean_risk = 0;
};

// People no longer at home at the end of 2021, and their mean risk aversion.
Leavers leavers_of(const Scenario& s) {
  Sim sim(s, 7, 0);
  sim.run_until(sim.day_of(2022, 1, 1));
  Leavers l;
  for (size_t i = 0; i < sim.w.pop.hot.size(); ++i) {
    if (sim.w.pop.hot[i].status == Status::kHome) continue;
    l.count += 1;
    l.mean_risk += sim.w.pop.traits[i].risk;
  }
  if (l.count > 0) l.mean_risk /= l.count;
  return l;
}

Scenario willing(const char* risk_weight, const char* intercept, const char* reference) {
  return busy({{"run.end", "2022-01-01"},
               {"decision.risk_weight", risk_weight},
               {"decision.intercept", intercept},
               {"decision.risk_reference", reference}});
}

TEST(Decision, WhenTheWillingAreATailTheBoldestLeave) {
  const Leavers mild = leavers_of(willing("0.6", "-4", "0"));
  const Leavers tail = leavers_of(willing("5", "0", "-2"));
  ASSERT_GT(mild.count, 50);
  ASSERT_GT(tail.count, 50);
  EXPECT_GT(mild.mean_risk, -1.0) << "with little difference between people, leavers are typical";
  EXPECT_LT(tail.mean_risk, -1.5) << "with a tail, leavers are among the boldest few per cent";
}

TEST(Decision, RiskReferenceOnlyMovesWhereTheInterceptIsRead) {
  // With risk_weight 5, an intercept read at risk_reference -2 is the one read at 0 plus 10.
  const Leavers at_tail = leavers_of(willing("5", "0", "-2"));
  const Leavers at_mean = leavers_of(willing("5", "-10", "0"));
  ASSERT_GT(at_mean.count, 50);
  EXPECT_NEAR(at_tail.count, at_mean.count, 0.01 * at_mean.count);
  EXPECT_NEAR(at_tail.mean_risk, at_mean.mean_risk, 0.02);
}

// Issue 19 item 5, not met yet, so disabled: today the lorry is a complement of the boat, not a
// substitute. People reconsider leaving mostly when news of a tie's crossing prompts them, and
// ties lend money: when patrols stop nearly every launch, the prompts fall with the crossings and
// lorry and air departures fall too (100,600 to 43,800 here; 66,800 to 37,800 with kin help off).
// Run it with --gtest_also_run_disabled_tests.
TEST(Decision, DISABLED_WhenTheBoatGetsHarderSomeWhoCanPayTakeTheLorryInstead) {
  // Lorries within reach (GBP 3,000) and the public learning how few boats get through: with
  // French patrols stopping nearly every launch, fewer buy the boat and more leave by lorry.
  const Changes common = {{"run.end", "2022-06-30"},
                          {"decision.lorry_price_gbp", "3000"},
                          {"public_news.enabled", "true"},
                          {"public_news.gain_cross", "1"},
                          {"public_news.half_intensity", "0.01"}};
  Changes harder = common;
  for (const auto& kv : Changes{{"french_patrols.enabled", "true"},
                                {"french_patrols.start", "2020-06-01"},
                                {"french_patrols.patrol_odds_factor", "100"}})
    harder.push_back(kv);
  const ModelInputs in = shipped_inputs();
  const ReplicateResult open = build_model(busy(common), in).run(4, 0);
  const ReplicateResult hard = build_model(busy(harder), in).run(4, 0);
  const auto total = [](const ReplicateResult& r, SeriesId k) { return sum(r.rec.series(k)); };
  EXPECT_LT(total(hard, kSignedBoat), total(open, kSignedBoat));
  EXPECT_GT(total(hard, kOtherRouteDepartures), 1.1 * total(open, kOtherRouteDepartures))
      << "lorry and air departures: open " << total(open, kOtherRouteDepartures) << ", harder "
      << total(hard, kOtherRouteDepartures);
}

}  // namespace
}  // namespace smug::test
