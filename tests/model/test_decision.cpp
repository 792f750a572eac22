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

}  // namespace
}  // namespace smug::test
