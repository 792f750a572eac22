// Learned deterrence: the public channel (press and talk beyond one's ties) moves the perceived
// chance of return with the model's own recent returns and crossings, after a lag, and forgets
// them; the crowd of recent crossings that makes the boat the norm; campaigns as reach-limited
// nudges that fade; and the switch that turns campaigns off.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "measures/assemble.hpp"
#include "model/campaigns.hpp"
#include "model/public_news.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

// The perceived chance of return of county 0 on each day, with the recorder's returns and arrivals
// written beforehand: a steady trickle of arrivals, and a wave of returns on [wave_from, wave_to)
// written to each series of `wave`.
std::vector<double> prior_under_wave(int ndays, int wave_from, int wave_to,
                                     const Changes& extra = {},
                                     std::vector<SeriesId> wave = {kReturnsBoatArrivals}) {
  Changes c = {{"run.scale", "0.01"}, {"run.end", "2020-12-31"}, {"public_news.enabled", "true"}};
  for (const auto& kv : extra) c.push_back(kv);
  Scenario sc = scenario(c);
  only_measures(sc, {});
  Sim s(sc);
  const double per_day = 0.0005 * s.w.pop.size();  // 0.5 arrivals per 1000 people a day
  for (int d = 0; d < ndays; ++d) {
    s.w.rec.add(kArrivals, d, per_day);
    if (d >= wave_from && d < wave_to)
      for (SeriesId k : wave) s.w.rec.add(k, d, 2 * per_day);
  }
  std::vector<double> out;
  for (int d = 0; d < ndays; ++d) {
    s.set_day(d);
    out.push_back(s.w.beliefs.prior(0)[kPReturn]);
  }
  return out;
}

TEST(LearnedReturnRisk, RisesAfterAWaveOfReturnsAndFadesAfterIt) {
  const PublicNewsParams p = PublicNewsParams::from(scenario());
  const double base = BeliefParams::from(scenario()).p_return_base;
  const int from = 100, to = 130, n = 360;
  const std::vector<double> v = prior_under_wave(n, from, to);
  // Before the wave the news is of crossings and nobody sent back: the perceived chance is below
  // the prior base.
  EXPECT_LT(v[from - 1], base);
  // The wave shows only after the lag.
  const std::vector<double> calm = prior_under_wave(n, 0, 0);
  for (int d = 0; d < from + p.lag_days; ++d) ASSERT_EQ(v[d], calm[d]) << "day " << d;
  EXPECT_GT(v[from + p.lag_days], calm[from + p.lag_days]);
  const int peak = to + p.lag_days;
  EXPECT_GT(v[peak], base + 0.1) << "after a month of two returns per arrival";
  EXPECT_GT(v[peak], v[from + p.lag_days - 1]);
  // Three time constants later most of the rise has gone again.
  const int later = peak + static_cast<int>(3 * p.decay_days);
  ASSERT_LT(later, n);
  EXPECT_LT(v[later] - v[from - 1], 0.25 * (v[peak] - v[from - 1]));
  EXPECT_LT(v[later], v[peak]);
}

TEST(QuickReturns, OnlyReturnsSoonAfterArrivalAreNewsOfWhatAwaitsThoseWhoCross) {
  // A wave of removals of people who came long ago (every return a boat arrival's, none quick).
  const Changes quick = {{"public_news.quick_days", "30"}};
  const int from = 100, to = 130, n = 200, peak = to + 14;
  const std::vector<double> calm = prior_under_wave(n, 0, 0, quick);
  const std::vector<double> old_stock = prior_under_wave(n, from, to, quick);
  EXPECT_EQ(old_stock[peak], calm[peak]) << "removing the old stock is not news of the fast track";
  // Without quick_days the same wave is news.
  EXPECT_GT(prior_under_wave(n, from, to)[peak], prior_under_wave(n, 0, 0)[peak] + 0.1);
  // The same wave of people sent back within weeks of arriving is.
  const std::vector<double> fast =
      prior_under_wave(n, from, to, quick, {kReturnsBoatArrivals, kReturnsQuick});
  EXPECT_GT(fast[peak], calm[peak] + 0.1);
}

TEST(QuickReturns, TheCommuniquesFastTrackIsRecordedAndRaisesThePerceivedChanceOfReturn) {
  // The Communique without its campaign, with and without its detention of new arrivals.
  const ModelInputs in = shipped_inputs();
  const Changes fast = {{"run.end", "2023-12-31"},
                        {"public_news.enabled", "true"},
                        {"public_news.quick_days", "30"},
                        {"public_news.gain", "0.8"},
                        {"public_news.half_intensity", "0.2"},
                        {"public_news.decay_days", "20"},
                        {"joint_communique.campaign", "0"},
                        {"uk_albania_deal_aug22.campaign", "0"}};
  Changes slow = fast;
  slow.push_back({"joint_communique.detention_share", "0"});
  const ReplicateResult a = build_model(busy(fast), in).run(3, 0);
  const ReplicateResult b = build_model(busy(slow), in).run(3, 0);
  const std::vector<double>& quick = a.rec.series(kReturnsQuick);
  const std::vector<double>& boat = a.rec.series(kReturnsBoatArrivals);
  for (size_t d = 0; d < quick.size(); ++d) ASSERT_LE(quick[d], boat[d]) << "day " << d;
  EXPECT_GT(sum(quick), 2 * sum(b.rec.series(kReturnsQuick))) << "detention makes returns quick";
  const double with = mean_between(a.rec.series(kPerceivedReturn), {2023, 2, 1}, {2023, 7, 1});
  const double without = mean_between(b.rec.series(kPerceivedReturn), {2023, 2, 1}, {2023, 7, 1});
  EXPECT_GT(with, without + 0.03) << with << " vs " << without;
}

TEST(LearnedReturnRisk, SwitchedOffItOnlyRecordsItsIntensity) {
  // With public_news and the nudge form off (the defaults), their size parameters move nothing.
  const ModelInputs in = shipped_inputs();
  const Changes horizon = {{"run.end", "2023-06-30"}};
  Changes other = horizon;
  for (const auto& kv : Changes{{"public_news.gain", "0.9"},
                                {"public_news.half_intensity", "0.1"},
                                {"campaigns.reach", "0.5"},
                                {"campaigns.decay_days", "10"},
                                {"campaigns.nudge_p_return", "0.2"},
                                {"public_news.gain_cross", "0.8"},
                                {"public_news.gain_debt", "0.8"},
                                {"public_news.gain_norm", "3"},
                                {"public_news.quick_days", "30"}})
    other.push_back(kv);
  const ReplicateResult a = build_model(busy(horizon), in).run(5, 0);
  const ReplicateResult b = build_model(busy(other), in).run(5, 0);
  EXPECT_TRUE(same_series(a.rec, b.rec));
  EXPECT_GT(sum(a.rec.series(kPublicNewsIntensity)), 0);
  EXPECT_EQ(sum(a.rec.series(kCampaignReached)), 0);
}

TEST(LearnedReturnRisk, ReturnsAfterTheCommuniqueRaiseThePerceivedChanceOfReturn) {
  // The Communique without its campaign: with the public channel, people at home come to expect
  // return as removals rise; without it, only those whose ties were returned do.
  const ModelInputs in = shipped_inputs();
  const Changes quiet = {{"run.end", "2023-12-31"},
                         {"joint_communique.campaign", "0"},
                         {"uk_albania_deal_aug22.campaign", "0"}};
  Changes heard = quiet;
  heard.push_back({"public_news.enabled", "true"});
  const ReplicateResult off = build_model(busy(quiet), in).run(3, 0);
  const ReplicateResult on = build_model(busy(heard), in).run(3, 0);
  const double with = mean_between(on.rec.series(kPerceivedReturn), {2023, 6, 1}, {2024, 1, 1});
  const double without = mean_between(off.rec.series(kPerceivedReturn), {2023, 6, 1}, {2024, 1, 1});
  EXPECT_GT(with, without + 0.02) << "mean perceived chance of return, second half of 2023";
}

TEST(LearnedCrossingRisk, FrenchInterceptionsLowerThePerceivedChanceOfGettingAcross) {
  // Patrols stopping most launches from 2021: with gain_cross the public learns how few get
  // through; without it, people at home keep the prior (and adverts') view of the crossing.
  const ModelInputs in = shipped_inputs();
  const Changes patrols = {{"run.end", "2022-06-30"},
                           {"public_news.enabled", "true"},
                           {"french_patrols.enabled", "true"},
                           {"french_patrols.start", "2021-01-01"},
                           {"french_patrols.patrol_odds_factor", "20"}};
  Changes learnt = patrols;
  learnt.push_back({"public_news.gain_cross", "0.8"});
  const ReplicateResult off = build_model(busy(patrols), in).run(3, 0);
  const ReplicateResult on = build_model(busy(learnt), in).run(3, 0);
  const double with = mean_between(on.rec.series(kPerceivedCross), {2022, 1, 1}, {2022, 7, 1});
  const double without = mean_between(off.rec.series(kPerceivedCross), {2022, 1, 1}, {2022, 7, 1});
  EXPECT_LT(with, without - 0.05) << "mean perceived chance of getting across, first half of 2022";
  EXPECT_LT(sum(on.rec.series(kSignedBoat)), sum(off.rec.series(kSignedBoat)));
}

// The crowd's shift of the boat's log-odds on each day, with the recorder's arrivals written
// beforehand: a wave of arrivals on [wave_from, wave_to), per_1000 a day per 1000 people.
std::vector<double> crowd_under_wave(int ndays, int wave_from, int wave_to, double per_1000) {
  Scenario sc = scenario({{"run.scale", "0.01"},
                          {"run.end", "2020-12-31"},
                          {"public_news.enabled", "true"},
                          {"public_news.gain_norm", "2"}});
  only_measures(sc, {});
  Sim s(sc);
  for (int d = wave_from; d < wave_to; ++d)
    s.w.rec.add(kArrivals, d, per_1000 / 1000 * s.w.pop.size());
  std::vector<double> out;
  for (int d = 0; d < ndays; ++d) {
    s.set_day(d);
    out.push_back(s.w.rec.series(kBoatNormShift)[static_cast<size_t>(d)]);
    EXPECT_EQ(out.back(), s.w.media.news_norm) << "the run file shows what the decision uses";
  }
  return out;
}

TEST(TheCrowd, AWaveOfCrossingsRaisesTheBoatsLogOddsAfterTheLagAndFadesAfterIt) {
  const PublicNewsParams p = PublicNewsParams::from(scenario());
  const int from = 100, to = 130, n = 360;
  const std::vector<double> big = crowd_under_wave(n, from, to, 0.5);
  for (int d = 0; d < from + p.lag_days; ++d) ASSERT_EQ(big[d], 0) << "day " << d;
  const int peak = to + p.lag_days - 1;
  EXPECT_GT(big[peak], 1.0) << "a month of 0.5 arrivals per 1000 people a day";
  EXPECT_LT(big[peak], 2.0) << "saturates below gain_norm";
  // A small wave moves it less: the crowd counts how many crossed, not only that some did.
  const std::vector<double> small = crowd_under_wave(n, from, to, 0.05);
  EXPECT_LT(small[peak], 0.3 * big[peak]);
  EXPECT_GT(small[peak], 0);
  // The crowd forgets at norm_decay_days: three time constants later most of it has gone.
  const int later = peak + static_cast<int>(3 * p.norm_decay_days);
  ASSERT_LT(later, n);
  EXPECT_LT(big[later], 0.15 * big[peak]);
}

TEST(TheCrowd, WithItOnMorePeopleBuyTheBoatThanWithItOff) {
  const ModelInputs in = shipped_inputs();
  const Changes off = {{"run.end", "2022-06-30"}, {"public_news.enabled", "true"}};
  Changes on = off;
  on.push_back({"public_news.gain_norm", "3"});
  on.push_back({"public_news.half_norm", "0.5"});
  const ReplicateResult a = build_model(busy(off), in).run(3, 0);
  const ReplicateResult b = build_model(busy(on), in).run(3, 0);
  EXPECT_EQ(sum(a.rec.series(kBoatNormShift)), 0);
  EXPECT_GT(sum(b.rec.series(kBoatNormShift)), 0);
  EXPECT_GT(sum(b.rec.series(kSignedBoat)), 1.1 * sum(a.rec.series(kSignedBoat)));
}

// Runs a busy model to mid-2023 with the campaigns' strengths given and campaigns as set.
Recorder with_campaigns(const Changes& form, const char* jc, const char* aug22) {
  Changes c = {{"run.end", "2023-06-30"},
               {"joint_communique.campaign", jc},
               {"uk_albania_deal_aug22.campaign", aug22}};
  for (const auto& kv : form) c.push_back(kv);
  return build_model(busy(c), shipped_inputs()).run(9, 0).rec;
}

TEST(Campaigns, SwitchedOffNoCampaignStrengthChangesAnything) {
  for (const char* nudge : {"false", "true"}) {
    const Changes off = {{"campaigns.enabled", "false"}, {"campaigns.nudge", nudge}};
    EXPECT_TRUE(same_series(with_campaigns(off, "0", "0"), with_campaigns(off, "0.9", "0.5")))
        << "nudge = " << nudge;
  }
  // Switched on, the same strengths do change the run (the test above could not pass vacuously).
  EXPECT_FALSE(same_series(with_campaigns({}, "0", "0"), with_campaigns({}, "0.9", "0.5")));
}

TEST(Campaigns, SeparateCampaignsEachReachPeopleSoASecondMessageAddsToTheFirst) {
  // The August 2022 deal's campaign at full strength, the Communique's at 0.5 or 0.
  const Changes shared = {{"campaigns.nudge", "true"},
                          {"campaigns.reach", "0.05"},
                          {"campaigns.nudge_p_return", "0.2"}};
  Changes separate = shared;
  separate.push_back({"campaigns.separate", "true"});
  // Shared, the pressure is capped at 1: the second campaign changes nothing.
  EXPECT_TRUE(same_series(with_campaigns(shared, "0", "1"), with_campaigns(shared, "0.5", "1")));
  const Recorder alone = with_campaigns(separate, "0", "1");
  const Recorder both = with_campaigns(separate, "0.5", "1");
  EXPECT_TRUE(same_series(alone, with_campaigns(shared, "0", "1")))
      << "one campaign alone is the same in both forms";
  const Ymd jc = {2022, 12, 13}, to = {2023, 7, 1};
  EXPECT_GT(mean_between(both.series(kCampaignReached), jc, to),
            mean_between(alone.series(kCampaignReached), jc, to) + 0.3);
  EXPECT_GT(mean_between(both.series(kPerceivedReturn), jc, to),
            mean_between(alone.series(kPerceivedReturn), jc, to) + 0.03);
  EXPECT_LT(mean_between(both.series(kSignedBoat), jc, to),
            0.9 * mean_between(alone.series(kSignedBoat), jc, to));
}

TEST(Campaigns, ANudgeFadesWithItsDecayTimeAfterTheCampaignEnds) {
  Scenario sc = scenario({{"run.scale", "0.01"},
                          {"run.end", "2020-12-31"},
                          {"campaigns.nudge", "true"},
                          {"uk_albania_deal_aug22.start", "2020-02-01"},
                          {"uk_albania_deal_aug22.end", "2020-04-01"},
                          {"uk_albania_deal_aug22.campaign", "1"}});
  only_measures(sc, {"uk_albania_deal_aug22"});
  Sim t(sc);
  const CampaignParams p = t.params.campaigns;
  const double base = t.params.beliefs.p_return_base;
  const int end = t.day_of(2020, 4, 1), tau = static_cast<int>(p.decay_days);
  std::vector<double> reached, prior;
  for (int d = 0; d <= end + 2 * tau; ++d) {
    t.set_day(d);
    reached.push_back(t.w.campaign.reached);
    prior.push_back(t.w.beliefs.prior(3)[kPReturn]);
  }
  const int start = t.day_of(2020, 2, 1);
  EXPECT_EQ(reached[start - 1], 0);
  EXPECT_EQ(prior[start - 1], static_cast<float>(base));
  const double top = reached[end - 1];
  EXPECT_GT(top, 0.1) << "two months at full strength";
  EXPECT_NEAR(prior[end - 1] - base, p.nudge_p_return * top, 1e-6);
  // After the campaign, the reached share fades by exp(-1) per decay_days, and the nudge with it.
  EXPECT_NEAR(reached[end - 1 + tau] / top, std::exp(-1.0), 1e-9);
  EXPECT_NEAR(reached[end - 1 + 2 * tau] / top, std::exp(-2.0), 1e-9);
  EXPECT_NEAR(prior[end - 1 + tau] - base, p.nudge_p_return * top * std::exp(-1.0), 1e-6);
}

}  // namespace
}  // namespace smug::test
