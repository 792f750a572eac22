// Debts reported home: the Albanian boat arrivals in the UK still working off a debt bond
// (series debt_bonded), and the public channel that carries their debts home
// (public_news.gain_debt), lowering trust in smugglers' promises after its lag.
#include <gtest/gtest.h>

#include <vector>

#include "model/public_news.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

// County 0's trust in smugglers on each day, with the recorder's stocks written beforehand:
// in_uk boat arrivals in the UK from day 0, of whom debtors owe a debt from day from.
std::vector<double> trust_under_debts(double gain, double in_uk, double debtors, int from,
                                      int ndays, int lag = 14) {
  Scenario sc = scenario({{"run.scale", "0.01"},
                          {"run.end", "2020-12-31"},
                          {"public_news.enabled", "true"},
                          {"public_news.debt_lag_days", std::to_string(lag)},
                          {"public_news.gain_debt", std::to_string(gain)}});
  only_measures(sc, {});
  Sim s(sc);
  const double n = s.w.pop.size() / 1000.0;  // the stocks are given per 1000 people
  for (int d = 0; d < ndays; ++d) {
    s.w.rec.set(kUkBoatStock, d, in_uk * n);
    s.w.rec.set(kDebtBonded, d, d >= from ? debtors * n : 0);
  }
  std::vector<double> out;
  for (int d = 0; d < ndays; ++d) {
    s.set_day(d);
    out.push_back(s.w.beliefs.prior(0)[kTrust]);
  }
  return out;
}

TEST(DebtNews, DebtorsInTheUkLowerTrustAtHomeAfterTheLag) {
  const int lag = PublicNewsParams::from(scenario()).debt_lag_days, from = 50, n = 120;
  const std::vector<double> calm = trust_under_debts(0.5, 4, 0, from, n);
  const std::vector<double> some = trust_under_debts(0.5, 4, 1, from, n);
  const std::vector<double> most = trust_under_debts(0.5, 4, 3, from, n);
  for (int d = 0; d < from + lag; ++d) ASSERT_EQ(some[d], calm[d]) << "day " << d;
  EXPECT_LT(some[from + lag], calm[from + lag]);
  // More debtors, and a larger share of the arrivals in debt, lower trust further.
  EXPECT_LT(most[n - 1], some[n - 1] - 0.05);
  // Of a fall at most gain_debt: three in four in debt, the news three-quarters loud at most.
  EXPECT_GT(most[n - 1], calm[n - 1] - 0.5 * 0.75);
}

TEST(DebtNews, ALongerDebtLagDelaysTheFall) {
  const int from = 20, n = 200;
  const std::vector<double> calm = trust_under_debts(0.5, 4, 0, from, n, 90);
  const std::vector<double> late = trust_under_debts(0.5, 4, 2, from, n, 90);
  for (int d = 0; d < from + 90; ++d) ASSERT_EQ(late[d], calm[d]) << "day " << d;
  EXPECT_LT(late[from + 90], calm[from + 90] - 0.05);
}

TEST(DebtNews, WithoutGainTheDebtsSayNothing) {
  const std::vector<double> calm = trust_under_debts(0, 4, 0, 10, 60);
  const std::vector<double> debts = trust_under_debts(0, 4, 3, 10, 60);
  for (size_t d = 0; d < calm.size(); ++d) ASSERT_EQ(debts[d], calm[d]) << "day " << d;
}

TEST(DebtNews, ASurgeBoughtOnCreditLowersTrustAndCreditSales) {
  const ModelInputs in = shipped_inputs();
  const Changes heard = {{"run.end", "2023-03-31"}, {"public_news.enabled", "true"}};
  Changes debts = heard;
  debts.push_back({"public_news.gain_debt", "0.8"});
  const ReplicateResult off = build_model(busy(heard), in).run(3, 0);
  const ReplicateResult on = build_model(busy(debts), in).run(3, 0);
  ASSERT_GT(sum(off.rec.series(kSignedCredit)), 100) << "the set-up sells on credit";
  const Ymd autumn{2022, 10, 1}, winter{2023, 4, 1};
  EXPECT_LT(mean_between(on.rec.series(kPerceivedTrust), autumn, winter),
            mean_between(off.rec.series(kPerceivedTrust), autumn, winter) - 0.05);
  EXPECT_LT(sum(on.rec.series(kSignedCredit)), sum(off.rec.series(kSignedCredit)));
  // Before anyone owed a debt (credit from May 2022) the two runs are the same.
  EXPECT_TRUE(same_series(on.rec, off.rec, 0,
                          static_cast<size_t>(from_ymd(2022, 5, 1) - from_ymd(2020, 1, 1))));
}

TEST(DebtBonds, DebtorsAreAmongTheArrivalsInTheUkAndOweTheDebtOutstanding) {
  const ReplicateResult r =
      build_model(busy({{"run.end", "2023-12-31"}}), shipped_inputs()).run(4, 0);
  const auto& bonded = r.rec.series(kDebtBonded);
  const auto& stock = r.rec.series(kUkBoatStock);
  const auto& owed = r.rec.series(kDebtOutstanding);
  double most = 0;
  for (size_t d = 0; d < bonded.size(); ++d) {
    ASSERT_LE(bonded[d], stock[d]) << "day " << d;
    // Nobody in debt exactly when no debt is outstanding (up to rounding of the sums).
    ASSERT_EQ(bonded[d] > 0, owed[d] > 0.5) << "day " << d << ", owed " << owed[d];
    most = std::max(most, bonded[d]);
  }
  EXPECT_GT(most, 10) << "the set-up sells on credit";
  EXPECT_LT(bonded.back(), most) << "debts are worked off or written off";
}

}  // namespace
}  // namespace smug::test
