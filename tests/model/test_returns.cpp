// The returns agreement (Joint Communique): more returns of boat arrivals, and returnees' stories
// lowering the perceived chance of staying and the intentions of the people they know.
#include <gtest/gtest.h>

#include <set>

#include "measures/assemble.hpp"
#include "model/decision.hpp"
#include "model/news.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

Scenario with_agreement(bool on, const Changes& extra = {}) {
  Scenario s = busy({{"run.end", "2023-12-31"}});
  s.set("joint_communique.enabled", on ? "true" : "false");
  for (const auto& [k, v] : extra) s.set(k, v);
  return s;
}

TEST(Returns, AgreementRaisesReturnsOfBoatArrivals) {
  const ModelInputs in = shipped_inputs();
  const Model on = build_model(with_agreement(true), in);
  const Model off = build_model(with_agreement(false), in);
  const ReplicateResult a = on.run(7, 0), b = off.run(7, 0);
  const Date start = on.params().run.start;
  const size_t jc = static_cast<size_t>(from_ymd(2022, 12, 13) - start);
  const auto& ra = a.rec.series(kReturnsBoatArrivals);
  const auto& rb = b.rec.series(kReturnsBoatArrivals);
  // Paired runs: identical up to the agreement, then more boat arrivals are returned with it.
  EXPECT_TRUE(same_series(a.rec, b.rec, 0, jc));
  const double with = sum(ra, jc), without = sum(rb, jc);
  EXPECT_GT(without, 0);
  EXPECT_GT(with, 1.5 * without) << "returns of boat arrivals after the agreement";
  // Returns per arrival after the agreement rise too (not only because more people came).
  const double arr_with = sum(a.rec.series(kArrivals), jc),
               arr_without = sum(b.rec.series(kArrivals), jc);
  ASSERT_GT(arr_with, 0);
  EXPECT_GT(with / arr_with, without / arr_without);
  // The removals the agreement's own capacity made are attributed to it, only while it acts.
  const uint32_t m = measure_index("joint_communique");
  const auto& removals = a.rec.measure_series(m, kMeasureRemovals);
  EXPECT_EQ(sum(removals, 0, jc), 0);
  EXPECT_GT(sum(removals, jc), 0);
  EXPECT_LE(sum(removals, jc), sum(a.rec.series(kReturnsEnforced), jc));
  EXPECT_EQ(sum(b.rec.measure_series(m, kMeasureRemovals)), 0);
}

TEST(Returns, AgreementLowersSignUpsThroughReturneesNews) {
  // With the agreement's information campaign and airport checks switched off, it reaches people
  // at home only through the news of returnees (and fewer of their ties left in the UK).
  const ModelInputs in = shipped_inputs();
  const Changes quiet = {{"joint_communique.campaign", "0"},
                         {"joint_communique.airport_detect", "0"}};
  Changes deaf = quiet;
  deaf.push_back({"news.hear_returned", "0"});
  const Model on = build_model(with_agreement(true, quiet), in);
  const Model off = build_model(with_agreement(false, quiet), in);
  const Model unheard = build_model(with_agreement(true, deaf), in);
  const ReplicateResult a = on.run(11, 0), b = off.run(11, 0), c = unheard.run(11, 0);
  const size_t from = static_cast<size_t>(from_ymd(2023, 3, 1) - on.params().run.start);
  const double with = sum(a.rec.series(kSignedBoat), from);
  const double without = sum(b.rec.series(kSignedBoat), from);
  const double untold = sum(c.rec.series(kSignedBoat), from);
  EXPECT_GT(without, 0);
  EXPECT_LT(with, 0.95 * without) << "sign-ups from March 2023, with and without the agreement";
  // The same agreement, but nobody hears of returns: many more sign up.
  EXPECT_LT(with, 0.85 * untold) << "sign-ups from March 2023, returns heard of or not";
}

class ReturneeNews : public ::testing::Test {
 protected:
  // A small population at the registry defaults; every tie hears news of a return.
  static Scenario base() {
    Scenario s = scenario({{"run.scale", "0.01"}, {"news.hear_returned", "1"}});
    only_measures(s, {});
    return s;
  }
};

TEST_F(ReturneeNews, RaisesTiesPerceivedChanceOfReturn) {
  Sim sim(base());
  World& w = sim.w;
  sim.set_day(30);
  const uint32_t returnee = w.pop.county_begin[county_index("kukes")] + 17;
  std::vector<uint32_t> ties;
  w.net.ties(w.pop, returnee, ties);
  ASSERT_FALSE(ties.empty());
  const std::set<uint32_t> tie_set(ties.begin(), ties.end());
  std::vector<BeliefVec> before;
  for (uint32_t j : ties) before.push_back(w.beliefs.read(j, w.day, w.pop.hot[j].county));
  const uint32_t stranger = w.pop.county_begin[county_index("tirane")] + 5;
  const BeliefVec stranger_before = w.beliefs.read(stranger, w.day, w.pop.hot[stranger].county);

  tell(w, returnee, NewsType::kReturned);

  for (size_t k = 0; k < ties.size(); ++k) {
    const uint32_t j = ties[k];
    const BeliefVec after = w.beliefs.read(j, w.day, w.pop.hot[j].county);
    EXPECT_GT(after[kPReturn], before[k][kPReturn] + 0.1f) << "tie " << j;
    EXPECT_LT(after[kTrust], before[k][kTrust]) << "tie " << j;
    EXPECT_LT(after[kUkWage], before[k][kUkWage]) << "tie " << j;
    EXPECT_EQ(after[kPCross], before[k][kPCross]) << "a return says nothing of the crossing";
  }
  EXPECT_EQ(tie_set.count(stranger), 0u);
  EXPECT_EQ(w.beliefs.read(stranger, w.day, w.pop.hot[stranger].county), stranger_before);
  EXPECT_EQ(w.beliefs.read(returnee, w.day, w.pop.hot[returnee].county),
            w.beliefs.prior(w.pop.hot[returnee].county))
      << "the returnee's own beliefs are not moved by telling";
}

TEST_F(ReturneeNews, FewerTiesChooseTheBoatThanInAControl) {
  // Same seed, same day, the same people weighing up leaving; in one world one person in 25
  // has just been returned and told their ties.
  Scenario s = base();
  s.set("decision.intercept", "-2");
  s.set("decision.offer_advert", "50");
  Sim treated(s), control(s);
  const int day = 60;
  treated.set_day(day);
  control.set_day(day);
  std::vector<uint8_t> returnee(treated.w.pop.size(), 0);
  for (uint32_t i = 0; i < treated.w.pop.size(); i += 25) {
    returnee[i] = 1;
    tell(treated.w, i, NewsType::kReturned);
  }
  for (uint32_t i = 0; i < treated.w.pop.size(); ++i) {
    if (returnee[i]) continue;
    consider(treated.w, i);
    consider(control.w, i);
  }
  const double t = treated.total(kSignedBoat), c = control.total(kSignedBoat);
  EXPECT_EQ(treated.total(kConsidering), control.total(kConsidering));
  EXPECT_GT(c, 50) << "the control must have sign-ups for the comparison to mean anything";
  EXPECT_LT(t, 0.8 * c) << "treated " << t << " control " << c;
}

}  // namespace
}  // namespace smug::test
