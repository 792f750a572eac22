// Debt bonds: a person who crossed on credit repays month by month from work in the UK; the debt
// outstanding falls and the organisation's cash rises by what is repaid.
#include <gtest/gtest.h>

#include <algorithm>

#include "model/journey.hpp"
#include "model/uk_processing.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

TEST(Debt, RepaidMonthByMonthToTheOrganisation) {
  // A claim that stays pending (no withdrawal, a decision years away, or a grant) so that the
  // person works in the UK throughout; no measures.
  Scenario s = scenario({{"run.scale", "0.01"},
                         {"run.start", "2022-01-01"},
                         {"run.end", "2023-12-31"},
                         {"uk_processing.claim_share", "1"},
                         {"uk_processing.withdrawal_per_year", "0"},
                         {"uk_processing.decision_delay_days", "5000"},
                         {"uk_processing.grant_rate", "1"}});
  only_measures(s, {});
  Sim sim(s, 12);
  World& w = sim.w;
  const double monthly = w.p.news.uk_earnings_gbp * w.p.uk.debt_repay_share;
  ASSERT_GT(monthly, 0);
  const int org = 0;
  const float price = 4000;
  const uint32_t person = 123;
  Trip t;
  t.person = person;
  t.org = org;
  t.price = price;
  t.debt = price;
  t.stage = TripStage::kWaiting;
  const uint32_t id = static_cast<uint32_t>(w.trips.size());
  w.trips.push_back(t);
  w.current_trip[person] = static_cast<int32_t>(id);
  w.pop.hot[person].status = Status::kInFrance;

  const int arrival = 10;
  sim.set_day(arrival);
  arrive_in_uk(w, id);
  EXPECT_EQ(w.pop.hot[person].status, Status::kInUk);
  EXPECT_DOUBLE_EQ(w.uk.debt_outstanding, price);
  const double cash0 = w.orgs.all()[org].cash;

  double expected_debt = price;
  int months = 0;
  for (int d = arrival + 1; d <= arrival + 30 * 9; ++d) {
    sim.set_day(d);
    const double before = w.trips[id].debt;
    uk_processing_day(w);
    const bool month_end = (d - arrival) % 30 == 0;
    if (month_end) {
      ++months;
      expected_debt = std::max(0.0, expected_debt - monthly);
    }
    ASSERT_NE(w.trips[id].stage, TripStage::kEnded);
    EXPECT_NEAR(w.trips[id].debt, expected_debt, 1e-3) << "day " << d;
    EXPECT_NEAR(w.uk.debt_outstanding, w.trips[id].debt, 1e-3) << "day " << d;
    EXPECT_NEAR(w.rec.series(kDebtRepaid)[static_cast<size_t>(d)], before - w.trips[id].debt, 1e-3);
    if (month_end && before > 0) {
      EXPECT_LT(w.trips[id].debt, before) << "a month of work repays some of the debt";
    }
  }
  EXPECT_EQ(months, 9);
  EXPECT_EQ(w.trips[id].debt, 0.0f) << "GBP 4,000 is repaid within nine months";
  EXPECT_NEAR(w.orgs.all()[org].cash - cash0, price / w.scale, 1e-6 * price / w.scale)
      << "the organisation's cash rises by what was repaid (at full scale)";
  EXPECT_NEAR(sim.total(kDebtRepaid), price, 1e-3);
}

TEST(Debt, OutstandingDebtMatchesTheTripsInTheUk) {
  // In a run where organisations sell on credit, the recorded debt outstanding is the debt of
  // the people in the UK, repayments flow, and the level falls once sign-ups dry up.
  Scenario s = busy({{"run.end", "2023-12-31"}, {"organisations.credit_cash_gbp", "0"}});
  Sim sim(s, 4, 0, shipped_inputs());
  sim.run_until(sim.w.ndays);
  const World& w = sim.w;
  double owed = 0;
  int in_uk = 0;
  for (const Trip& t : w.trips)
    if (t.stage == TripStage::kUkPending || t.stage == TripStage::kUkRefused ||
        t.stage == TripStage::kUkStaying) {
      owed += t.debt;
      ++in_uk;
    }
  EXPECT_EQ(in_uk, w.uk.in_uk);
  EXPECT_NEAR(w.uk.debt_outstanding, owed, 1e-6 * std::max(1.0, owed));
  EXPECT_GT(sim.total(kDebtRepaid), 0);
  const auto& level = w.rec.series(kDebtOutstanding);
  const double peak = *std::max_element(level.begin(), level.end());
  EXPECT_GT(peak, 0);
  EXPECT_LT(level.back(), peak);
  for (double v : level) EXPECT_GE(v, -1e-3);
}

}  // namespace
}  // namespace smug::test
