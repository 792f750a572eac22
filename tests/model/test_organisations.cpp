// Smuggling organisations: arrests by a measure shrink and dissolve them (attributed to the
// measure), and weekly prices follow demand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "measures/assemble.hpp"
#include "model/organisations.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

// Organisations whose members cost nothing (nobody leaves unpaid, no profit to hire with), with
// neither base arrests nor entries, so that every change of membership is the measure's doing.
Scenario quiet_market(const Changes& extra = {}) {
  Scenario s = scenario({{"organisations.initial", "5"},
                         {"organisations.initial_recruiters", "6"},
                         {"organisations.initial_drivers", "4"},
                         {"organisations.arrest_base_weekly", "0"},
                         {"organisations.entry_base_weekly", "0"},
                         {"organisations.entry_per_revenue", "0"},
                         {"organisations.member_cost_gbp_week", "0"}});
  only_measures(s, {"taskforce"});
  s.set("taskforce.start", "2020-01-01");
  for (const auto& [k, v] : extra) s.set(k, v);
  return s;
}

int role_total(const Organisations& orgs, Role r) {
  int n = 0;
  for (const auto& o : orgs.all())
    if (o.active) n += o.members[r];
  return n;
}

TEST(Taskforce, ArrestsShrinkAndDissolveOrganisationsAndAreAttributedToIt) {
  const Scenario s = quiet_market(
      {{"taskforce.arrest_recruiters_weekly", "0.3"}, {"taskforce.arrest_drivers_weekly", "0.3"}});
  const ModelParams p = ModelParams::from(s);
  const auto measures = make_measures(s);
  const uint32_t tf = measure_index("taskforce");
  const StreamKey key = StreamKey::make(3, 0);
  Organisations treated(p.orgs, key, 1.0, 0), control(p.orgs, key, 1.0, 0);
  const Levers with = levers_on(measures.view(), p.run.start);
  ASSERT_EQ(with.arrests.size(), 1u);
  EXPECT_EQ(with.arrests[0].measure, tf);
  EXPECT_DOUBLE_EQ(with.arrests[0].weekly_hazard[kRecruiter], 0.3);
  EXPECT_DOUBLE_EQ(with.arrests[0].weekly_hazard[kFixer], 0.0);
  const Levers without;
  const int initial = treated.members_total();
  ASSERT_EQ(treated.active_count(), 5);

  double arrested = 0;
  int dissolutions = 0, weeks = 0;
  for (int day = 0; day < 7 * 60 && treated.active_count() > 0; day += 7, ++weeks) {
    const int recruiters = role_total(treated, kRecruiter), drivers = role_total(treated, kDriver);
    const int fixers = role_total(treated, kFixer);
    const OrgWeek wk = treated.week(day, with, measures.size());
    control.week(day, without, measures.size());
    ASSERT_EQ(wk.arrests_by_measure.size(), measures.size());
    for (size_t m = 0; m < measures.size(); ++m) {
      if (m == tf) continue;
      EXPECT_EQ(wk.arrests_by_measure[m], 0) << measure_entries()[m].section;
    }
    EXPECT_EQ(wk.arrests_base, 0);
    arrested += wk.arrests_by_measure[tf];
    dissolutions += wk.dissolutions;
    // The taskforce arrests recruiters and drivers only; nobody is hired while nothing sells.
    // Members of organisations dissolved this week count as gone.
    const int lost =
        recruiters + drivers - role_total(treated, kRecruiter) - role_total(treated, kDriver);
    EXPECT_GE(lost, wk.arrests_by_measure[tf]);
    EXPECT_LE(role_total(treated, kFixer), fixers);
    for (const auto& o : treated.all())
      EXPECT_EQ(o.active, o.members[kRecruiter] > 0 && o.members[kFixer] > 0)
          << "an organisation dissolves exactly when a core role is empty";
  }
  EXPECT_GT(arrested, 0);
  EXPECT_LT(treated.members_total(), initial);
  EXPECT_EQ(treated.active_count(), 0) << "after " << weeks << " weeks";
  EXPECT_EQ(dissolutions, 5);
  // Without the taskforce (and with no base arrests) nobody is arrested and nothing dissolves.
  EXPECT_EQ(control.active_count(), 5);
  EXPECT_EQ(control.members_total(), initial);
}

TEST(Taskforce, ArrestsShowInTheRunOnlyFromItsStartAndUnderItsIndex) {
  Scenario s = busy({{"run.end", "2023-12-31"}});
  const uint32_t tf = measure_index("taskforce");
  const Model model = build_model(s, shipped_inputs());
  const ReplicateResult r = model.run(5, 0);
  const size_t start = static_cast<size_t>(*s.date("taskforce.start") - model.params().run.start);
  const auto& arrests = r.rec.measure_series(tf, kMeasureArrests);
  EXPECT_EQ(sum(arrests, 0, start), 0);
  EXPECT_GT(sum(arrests, start), 0);
  // Every measure's arrests are part of the total arrests of the day.
  const auto& total = r.rec.series(kArrests);
  for (size_t d = 0; d < total.size(); ++d) {
    double by_measures = 0;
    for (size_t m = 0; m < r.rec.nmeasures(); ++m)
      by_measures += r.rec.measure_series(m, kMeasureArrests)[d];
    ASSERT_LE(by_measures, total[d]) << "day " << d;
  }
}

TEST(Organisations, DissolveWhenTheirFixersAreGone) {
  // Base arrests only (no measure): fixers are few, recruiters many.
  Scenario s = quiet_market({{"organisations.initial_recruiters", "50"},
                             {"organisations.initial_fixers", "1"},
                             {"organisations.arrest_base_weekly", "0.2"}});
  only_measures(s, {});
  const ModelParams p = ModelParams::from(s);
  Organisations orgs(p.orgs, StreamKey::make(9, 0), 1.0, 0);
  int dissolved = 0;
  for (int day = 0; day < 7 * 80 && orgs.active_count() > 0; day += 7)
    dissolved += orgs.week(day, Levers{}, 0).dissolutions;
  EXPECT_EQ(dissolved, 5);
  for (const auto& o : orgs.all()) {
    EXPECT_FALSE(o.active);
    EXPECT_EQ(o.members[kFixer], 0);
    EXPECT_GT(o.members[kRecruiter], 0) << "dissolved for want of fixers, not recruiters";
  }
}

TEST(Organisations, ChoiceFollowsRecruitersAndSeesEveryChange) {
  // Buyers pick an organisation in proportion to recruiters x (choice_base_weight + reputation).
  // The weights are cached between changes, so a change made through all() must show in the next
  // choice.
  Scenario s = quiet_market({{"organisations.initial", "2"}});
  const ModelParams p = ModelParams::from(s);
  Organisations orgs(p.orgs, StreamKey::make(5, 0), 1.0, 0);
  orgs.all()[0].members[kRecruiter] = 3;
  orgs.all()[1].members[kRecruiter] = 1;
  const StreamKey key = StreamKey::make(6, 0);
  auto share_of_first = [&](int n) {
    int first = 0;
    for (int k = 0; k < n; ++k) {
      Stream st(key, Purpose::kDecide, static_cast<uint32_t>(k), 0);
      first += orgs.choose(st) == 0;
    }
    return static_cast<double>(first) / n;
  };
  EXPECT_NEAR(share_of_first(20000), 0.75, 0.015);
  orgs.all()[0].members[kRecruiter] = 0;
  EXPECT_EQ(share_of_first(1000), 0.0) << "an organisation without recruiters sells to nobody";
  orgs.all()[0].members[kRecruiter] = 1;
  for (int k = 0; k < 50; ++k)
    orgs.crossing_outcome(1, false);  // its clients fail: reputation falls
  const double base = p.orgs.choice_base_weight;
  const double w1 = base + orgs.at(1).reputation, w0 = base + orgs.at(0).reputation;
  ASSERT_LT(w1, 0.75);
  EXPECT_NEAR(share_of_first(20000), w0 / (w0 + w1), 0.015);
  orgs.all()[0].active = orgs.all()[1].active = false;
  Stream st(key, Purpose::kDecide, 0, 1);
  EXPECT_EQ(orgs.choose(st), -1) << "no active organisation";
}

// The guide table finds exactly what a binary search of the cumulative weights finds, for points
// on every edge: zero weights (recruiterless), ties, inactive organisations and u near 0 and 1.
TEST(Organisations, GuidedChoiceIsTheUpperBoundOfTheCumulativeWeights) {
  Scenario s = quiet_market({{"organisations.initial", "9"}});
  const ModelParams p = ModelParams::from(s);
  Organisations orgs(p.orgs, StreamKey::make(5, 0), 1.0, 0);
  const int recruiters[9] = {3, 0, 1, 7, 0, 0, 2, 1, 5};
  for (int o = 0; o < 9; ++o) orgs.all()[o].members[kRecruiter] = recruiters[o];
  orgs.all()[2].reputation = 0.1234567;
  orgs.all()[5].active = false;
  std::vector<int> index;
  std::vector<double> cum;
  double total = 0;
  for (int o = 0; o < 9; ++o) {
    if (!orgs.at(o).active) continue;
    total += orgs.at(o).members[kRecruiter] * (p.orgs.choice_base_weight + orgs.at(o).reputation);
    index.push_back(o);
    cum.push_back(total);
  }
  std::vector<double> us = {0.0, 1e-300, 0.5, std::nextafter(1.0, 0.0)};
  for (double c : cum) {  // the points that land on or next to a cumulative weight
    us.push_back(c / total);
    us.push_back(std::nextafter(c / total, 0.0));
    us.push_back(std::nextafter(c / total, 1.0));
  }
  for (int k = 0; k < 100000; ++k) us.push_back((k + 0.5) / 100000);
  for (double u : us) {
    if (u >= 1) continue;
    const size_t k =
        static_cast<size_t>(std::upper_bound(cum.begin(), cum.end(), u * total) - cum.begin());
    ASSERT_EQ(orgs.choose_at(u), index[std::min(k, cum.size() - 1)]) << u;
  }
}

// Choices made ahead stay valid while nothing changes, and are void once the weights change.
TEST(Organisations, ChoicesMadeAheadAreVoidAfterAChange) {
  Scenario s = quiet_market({{"organisations.initial", "4"}});
  const ModelParams p = ModelParams::from(s);
  Organisations orgs(p.orgs, StreamKey::make(5, 0), 1.0, 0);
  for (int o = 0; o < 4; ++o) orgs.all()[o].members[kRecruiter] = o + 1;
  std::vector<double> u;
  for (int k = 0; k < 50; ++k) u.push_back((k + 0.25) / 50);
  std::vector<int> ahead;
  for (double x : u) ahead.push_back(orgs.choose_at(x));
  const uint64_t version = orgs.choice_version();
  EXPECT_TRUE(orgs.choices_still_valid(version));
  for (size_t k = 0; k < u.size(); ++k) ASSERT_EQ(ahead[k], orgs.choose_at(u[k]));
  EXPECT_TRUE(orgs.choices_still_valid(version)) << "choosing changes nothing";
  orgs.crossing_outcome(2, true);  // reputation, hence a weight, moves
  EXPECT_FALSE(orgs.choices_still_valid(version));
  orgs.choose_at(0.5);  // rebuilt with the new weights: still not the old choices
  EXPECT_FALSE(orgs.choices_still_valid(version));
}

// Signs n clients with organisation o at its current price (paid in cash).
void sign_n(Organisations& orgs, int o, int n) {
  for (int k = 0; k < n; ++k) orgs.sign(o, orgs.all()[o].price, true);
}

// Two organisations with long-steady demand (10 clients a week each); then in one week
// organisation 0 signs `jump` and organisation 1 signs `collapse` clients. Returns the prices after
// that week (and before it in *before).
std::pair<double, double> prices_after(const OrgParams& p, int jump, int collapse,
                                       std::pair<double, double>* before = nullptr) {
  Organisations orgs(p, StreamKey::make(4, 0), 1.0, 0);
  const int steady = 200;
  for (int wk = 0; wk < steady; ++wk) {
    sign_n(orgs, 0, 10);
    sign_n(orgs, 1, 10);
    orgs.week(7 * wk, Levers{}, 0);
  }
  if (before) *before = {orgs.all()[0].price, orgs.all()[1].price};
  sign_n(orgs, 0, jump);
  sign_n(orgs, 1, collapse);
  orgs.week(7 * steady, Levers{}, 0);
  return {orgs.all()[0].price, orgs.all()[1].price};
}

TEST(Prices, RiseWhenSignUpsJumpAndFallWhenTheyCollapse) {
  Scenario s = quiet_market({{"organisations.initial", "2"}});
  only_measures(s, {});
  // Demand alone (no pull towards competitors or the reference price): the price moves with
  // this week's sign-ups against their recent average.
  {
    Scenario alone = s;
    alone.set("organisations.price_competition", "0");
    alone.set("organisations.price_reversion", "0");
    alone.set("organisations.price_cap_gbp", "50000");
    alone.set("organisations.price_floor_gbp", "100");
    const OrgParams p = ModelParams::from(alone).orgs;
    std::pair<double, double> before;
    const auto after = prices_after(p, 30, 0, &before);
    EXPECT_GT(after.first, before.first) << "sign-ups tripled";
    EXPECT_LT(after.second, before.second) << "sign-ups collapsed";
    const auto steady = prices_after(p, 10, 10, &before);
    EXPECT_NEAR(steady.first, before.first, 1e-4 * before.first) << "steady demand, steady price";
  }
  // With the default pulls, against the counterfactual of steady demand (same seed).
  const OrgParams p = ModelParams::from(s).orgs;
  const auto control = prices_after(p, 10, 10);
  const auto shocked = prices_after(p, 30, 0);
  EXPECT_GT(shocked.first, control.first);
  EXPECT_LT(shocked.second, control.second);
  // A lasting collapse drives the price down towards the floor, never below it.
  Organisations orgs(p, StreamKey::make(4, 0), 1.0, 0);
  for (int wk = 0; wk < 100; ++wk) {
    sign_n(orgs, 0, 40);
    sign_n(orgs, 1, 40);
    orgs.week(7 * wk, Levers{}, 0);
  }
  const double high = orgs.all()[0].price;
  for (int wk = 100; wk < 130; ++wk) orgs.week(7 * wk, Levers{}, 0);
  EXPECT_LT(orgs.all()[0].price, high);
  EXPECT_GE(orgs.all()[0].price, p.price_floor_gbp);
}

TEST(Organisations, MembersWithoutWorkDriftAwayButTheCoreStays) {
  // Nothing sells: with idle exit, members beyond the last recruiter and fixer leave week by
  // week and no organisation dissolves for it; without it, nobody leaves.
  const Scenario s = quiet_market({{"organisations.idle_exit_weekly", "0.2"}});
  const ModelParams p = ModelParams::from(s);
  Organisations orgs(p.orgs, StreamKey::make(4, 0), 1.0, 0);
  const Scenario still = quiet_market();
  const ModelParams q = ModelParams::from(still);
  Organisations control(q.orgs, StreamKey::make(4, 0), 1.0, 0);
  const int initial = orgs.members_total();
  ASSERT_EQ(initial, control.members_total());
  ASSERT_GT(initial, 5 * 2);
  int previous = initial, dissolutions = 0;
  for (int wk = 0; wk < 60; ++wk) {
    dissolutions += orgs.week(7 * wk, Levers{}, 0).dissolutions;
    control.week(7 * wk, Levers{}, 0);
    EXPECT_LE(orgs.members_total(), previous);
    previous = orgs.members_total();
  }
  EXPECT_EQ(dissolutions, 0);
  EXPECT_EQ(orgs.active_count(), 5);
  for (const auto& o : orgs.all()) {
    EXPECT_EQ(o.members[kRecruiter], 1);
    EXPECT_EQ(o.members[kFixer], 1);
  }
  // Rounded down: an organisation keeps the last few idle members it has (0.2 of under 5).
  EXPECT_LE(orgs.members_total(), 5 * (2 + 4));
  EXPECT_LT(orgs.members_total(), initial / 2);
  EXPECT_EQ(control.members_total(), initial) << "no idle exit: nobody leaves an idle market";
}

}  // namespace
}  // namespace smug::test
