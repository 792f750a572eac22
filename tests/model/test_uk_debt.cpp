// Debt bonds: a person who crossed on credit repays month by month from work in the UK; the debt
// outstanding falls and the organisation's cash rises by what is repaid. Credit is a market
// practice from a date, and lenders stop while returns lose them too much of what is settled.
#include <gtest/gtest.h>

#include <algorithm>

#include "model/journey.hpp"
#include "model/organisations.hpp"
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

TEST(Debt, CreditOnlyFromTheDatedStartOfThePractice) {
  // Many people offered the boat, and few with the price in hand: once the practice starts,
  // credit sales follow; before it, none.
  const Scenario s = busy({{"run.start", "2022-01-01"},
                           {"run.end", "2022-08-31"},
                           {"organisations.credit_from", "2022-05-01"},
                           {"organisations.credit_loss_limit", "1"}});
  Sim sim(s, 5);
  sim.run_until(sim.w.ndays);
  const auto& credit = sim.w.rec.series(kSignedCredit);
  const size_t from = static_cast<size_t>(sim.day_of(2022, 5, 1));
  EXPECT_EQ(sum(credit, 0, from), 0) << "no debt bonds before the practice's date";
  EXPECT_GT(sum(sim.w.rec.series(kSignedBoat), 0, from), 0) << "paid sales before it";
  EXPECT_GT(sum(credit, from), 0) << "debt bonds from the practice's date";
  EXPECT_LE(sum(credit), sum(sim.w.rec.series(kSignedBoat)));

  Scenario never = s;
  never.set("organisations.credit_from", "2030-01-01");
  Sim later(never, 5);
  later.run_until(later.w.ndays);
  EXPECT_EQ(later.total(kSignedCredit), 0);
}

TEST(Debt, LendersStopWhileReturnsLoseThemTooMuchOfWhatIsSettled) {
  const Scenario s = scenario({{"organisations.credit_from", "2020-01-01"},
                               {"organisations.credit_loss_limit", "0.3"},
                               {"organisations.credit_cash_gbp", "0"},
                               {"organisations.member_cost_gbp_week", "0"},
                               {"organisations.arrest_base_weekly", "0"}});
  const ModelParams p = ModelParams::from(s);
  Organisations orgs(p.orgs, StreamKey::make(2, 0), 1.0, 0);
  const Date today = from_ymd(2020, 6, 1);
  ASSERT_TRUE(orgs.sells_on_credit(0, today)) << "nothing settled yet: credit is open";
  EXPECT_FALSE(orgs.sells_on_credit(0, from_ymd(2019, 12, 31))) << "not before the date";
  int day = 0;
  auto week = [&](double repaid, double lost) {
    orgs.settle_debt(0, repaid, lost, 0);
    orgs.week(day, Levers{}, 0);
    day += 7;
  };
  // Debtors repay: nothing is lost, credit stays open.
  for (int k = 0; k < 20; ++k) week(20000, 0);
  EXPECT_DOUBLE_EQ(orgs.credit_loss_share(), 0);
  EXPECT_TRUE(orgs.sells_on_credit(0, today));
  // Returns start: each week half of what is settled is lost. The share rises past the limit
  // within weeks and credit stops.
  int weeks_to_stop = 0;
  while (orgs.sells_on_credit(0, today) && weeks_to_stop < 52) week(10000, 10000), ++weeks_to_stop;
  EXPECT_GT(weeks_to_stop, 1) << "lenders judge by recent weeks, not one";
  EXPECT_LT(weeks_to_stop, 52);
  EXPECT_GT(orgs.credit_loss_share(), 0.3);
  EXPECT_LT(orgs.credit_loss_share(), 0.5 + 1e-9);
  // Returns stop, repayments go on: credit reopens.
  int weeks_to_reopen = 0;
  while (!orgs.sells_on_credit(0, today) && weeks_to_reopen < 52) week(10000, 0), ++weeks_to_reopen;
  EXPECT_LT(weeks_to_reopen, 52);
  EXPECT_LE(orgs.credit_loss_share(), 0.3);
}

TEST(Debt, LendersWhoJudgeRecentClientsStopWhenNewDebtorsAreReturnedWhateverOldDebtorsRepay) {
  // Old debtors (signed 300 days ago) repay a lot; new ones (signed 20 days ago) are returned
  // before paying. Lenders who judge every debt see a small loss share; lenders who judge only
  // the debts of the last 90 days see the fast track, and stop.
  auto loss_share = [](const char* cohort) {
    const Scenario s = scenario({{"organisations.credit_from", "2020-01-01"},
                                 {"organisations.credit_loss_limit", "0.3"},
                                 {"organisations.credit_cohort_days", cohort},
                                 {"organisations.member_cost_gbp_week", "0"},
                                 {"organisations.arrest_base_weekly", "0"}});
    Organisations orgs(ModelParams::from(s).orgs, StreamKey::make(2, 0), 1.0, 0);
    for (int k = 0, day = 0; k < 30; ++k, day += 7) {
      orgs.settle_debt(0, 40000, 0, 300);
      orgs.settle_debt(0, 1000, 0, 20);
      orgs.settle_debt(0, 0, 4000, 20);
      orgs.week(day, Levers{}, 0);
    }
    return std::pair{orgs.credit_loss_share(), orgs.sells_on_credit(0, from_ymd(2020, 9, 1))};
  };
  const auto [all_share, all_open] = loss_share("0");
  const auto [recent_share, recent_open] = loss_share("90");
  EXPECT_NEAR(all_share, 4000.0 / 45000, 0.01);
  EXPECT_TRUE(all_open);
  EXPECT_NEAR(recent_share, 4000.0 / 5000, 0.01);
  EXPECT_FALSE(recent_open);
}

TEST(Debt, DebtOfReturnedPeopleIsWrittenOff) {
  // Refused at once and removed fast: debtors are returned before they have repaid much; what
  // they still owed is recorded as written off and leaves the debt outstanding.
  Scenario s = busy({{"run.start", "2022-01-01"},
                     {"run.end", "2023-06-30"},
                     {"organisations.credit_from", "2022-01-01"},
                     {"organisations.credit_loss_limit", "1"},
                     {"uk_processing.claim_share", "0"},
                     {"uk_processing.removal_delay_days", "5"},
                     {"uk_processing.locate_share", "1"},
                     {"uk_processing.removal_capacity_per_day", "200"}});
  only_measures(s, {});
  Sim sim(s, 9);
  sim.run_until(sim.w.ndays);
  ASSERT_GT(sim.total(kSignedCredit), 0);
  EXPECT_GT(sim.total(kDebtWrittenOff), 0);
  double owed = 0;
  for (const Trip& t : sim.w.trips)
    if (t.stage == TripStage::kUkPending || t.stage == TripStage::kUkRefused ||
        t.stage == TripStage::kUkStaying)
      owed += t.debt;
  EXPECT_NEAR(sim.w.uk.debt_outstanding, owed, 1e-6 * std::max(1.0, owed));
  EXPECT_GT(sim.w.orgs.credit_loss_share(), 0.5) << "most debt is lost when removal is this fast";
}

}  // namespace
}  // namespace smug::test
