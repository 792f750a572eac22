// Exits and weather: the Kosovo drones see only the Kosovo route, and nobody crosses on a day the
// weather does not allow.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "measures/assemble.hpp"
#include "model/journey.hpp"
#include "model/weather.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

// Drones on the Kosovo border that see everyone there, from the first day, and no other measure;
// lorry and air routes made so unattractive that only the boat route is taken.
Scenario drones_only() {
  Scenario s = busy({{"run.start", "2022-01-01"},
                     {"run.end", "2022-12-31"},
                     {"decision.lorry_success", "0"},
                     {"decision.lorry_shift", "-20"},
                     {"decision.air_success", "0"},
                     {"decision.air_shift", "-20"}});
  only_measures(s, {"kosovo_drones"});
  s.set("kosovo_drones.start", "2022-01-01");
  s.set("kosovo_drones.detect", "1");
  return s;
}

TEST(KosovoDrones, DetectorCoversOnlyTheKosovoExit) {
  const Scenario s = drones_only();
  const auto measures = make_measures(s);
  const uint32_t m = measure_index("kosovo_drones");
  const Levers before = levers_on(measures.view(), from_ymd(2021, 12, 31));
  EXPECT_TRUE(before.detectors.empty());
  const Levers l = levers_on(measures.view(), from_ymd(2022, 6, 1));
  ASSERT_EQ(l.detectors.size(), 1u);
  EXPECT_EQ(l.detectors[0].measure, m);
  for (int e = 0; e < kNumExits; ++e)
    EXPECT_EQ(l.detectors[0].probability[e], e == kExitKosovo ? 1.0 : 0.0) << exit_name(Exit(e));
  // Its arrests fall on drivers only.
  ASSERT_EQ(l.arrests.size(), 1u);
  for (int r = 0; r < kNumRoles; ++r)
    EXPECT_EQ(l.arrests[0].weekly_hazard[r] > 0, r == kDriver) << role_name(Role(r));
}

TEST(KosovoDrones, StopEveryoneLeavingViaKosovoAndNobodyElse) {
  Sim sim(drones_only(), 21);
  World& w = sim.w;
  const uint32_t m = measure_index("kosovo_drones");
  int kosovo = 0, other = 0;
  // Each person's first trip only, for the share of exits: people stopped at the Kosovo border
  // are home at once and may leave again within the year; travellers by other exits are not.
  int first_kosovo = 0, first_other = 0;
  std::vector<bool> travelled(w.pop.size(), false);
  for (; w.day < w.ndays; ++w.day) {
    const size_t first_new = w.trips.size();
    step(w);
    // Trips signed today: the Kosovo ones were stopped at once (home, never reached France),
    // the others are on their way.
    for (size_t id = first_new; id < w.trips.size(); ++id) {
      const Trip& t = w.trips[id];
      ASSERT_EQ(t.signed_day, w.day);
      if (!travelled[t.person]) (t.exit == kExitKosovo ? first_kosovo : first_other) += 1;
      travelled[t.person] = true;
      if (t.exit == kExitKosovo) {
        ++kosovo;
        EXPECT_EQ(t.stage, TripStage::kEnded) << "trip " << id;
        EXPECT_EQ(t.attempts, 0);
        EXPECT_EQ(w.current_trip[t.person], -1);
      } else {
        ++other;
        EXPECT_EQ(t.stage, TripStage::kTravelling) << "trip " << id << " via " << exit_name(t.exit);
      }
    }
  }
  EXPECT_GT(kosovo, 10);
  // The drones do not change which exit people take: the Kosovo share of first trips is the
  // route's share (binomial, within four standard errors).
  const double n = first_kosovo + first_other, share = w.p.journey.exit_share[kExitKosovo];
  EXPECT_NEAR(first_kosovo / n, share, 4 * std::sqrt(share * (1 - share) / n))
      << first_kosovo << " of " << n << " first trips via Kosovo";
  EXPECT_GT(other, kosovo) << "the other exits carry most travellers";
  // Every detection is the drones', one per Kosovo traveller; nobody left by lorry or air.
  ASSERT_EQ(sim.total(kOtherRouteDepartures), 0);
  EXPECT_EQ(sum(w.rec.measure_series(m, kMeasureDetected)), kosovo);
  EXPECT_EQ(sim.total(kDetectedExit), kosovo);
  // No Kosovo traveller ever reached the UK; travellers by the other exits did.
  int arrived_other = 0;
  for (const Trip& t : w.trips) {
    EXPECT_FALSE(t.exit == kExitKosovo && t.arrival_day >= 0);
    arrived_other += t.arrival_day >= 0;
  }
  EXPECT_GT(arrived_other, 0);
}

TEST(KosovoDrones, DetectionsShowInTheBaselineOnlyFromMay2024) {
  Scenario s = busy({{"run.end", "2024-12-31"}});
  const Model model = build_model(s, shipped_inputs());
  const ReplicateResult r = model.run(2, 0);
  const uint32_t m = measure_index("kosovo_drones");
  const size_t start = static_cast<size_t>(from_ymd(2024, 5, 15) - model.params().run.start);
  const auto& detected = r.rec.measure_series(m, kMeasureDetected);
  EXPECT_EQ(sum(detected, 0, start), 0);
  EXPECT_GT(sum(detected, start), 0);
  EXPECT_LE(sum(detected), sum(r.rec.series(kDetectedExit)));
}

TEST(Weather, NobodyCrossesWhenNoDayIsViable) {
  const Scenario s = busy(
      {{"run.end", "2022-12-31"}, {"weather.viable_summer", "0"}, {"weather.viable_winter", "0"}});
  Sim sim(s, 3, 0, shipped_inputs());
  sim.run_until(sim.w.ndays);
  EXPECT_GT(sim.total(kSignedBoat), 100) << "people still set out";
  for (SeriesId id :
       {kArrivals, kAttempts, kAttemptsStopped, kBoats, kBoatPeople, kDeaths, kClaims})
    EXPECT_EQ(sim.total(id), 0) << series_info()[id].name;
  EXPECT_GT(sim.w.rec.series(kWaitingFrance).back(), 0) << "they wait on the coast";
}

TEST(Weather, NoAttemptsOnNonViableDays) {
  const Scenario s = busy({{"run.end", "2022-12-31"}});
  const Model model = build_model(s, shipped_inputs());
  const uint64_t seed = 8, rep = 1;
  const ReplicateResult r = model.run(seed, rep);
  const StreamKey key = StreamKey::make(seed, rep);
  const Date start = model.params().run.start;
  const auto& attempts = r.rec.series(kAttempts);
  int viable = 0, viable_with_attempts = 0;
  for (size_t d = 0; d < attempts.size(); ++d) {
    const Date date = start + static_cast<int>(d);
    if (viable_day(model.params().weather, key, date)) {
      ++viable;
      viable_with_attempts += attempts[d] > 0;
      continue;
    }
    EXPECT_EQ(attempts[d], 0) << format_date(date);
    EXPECT_EQ(r.rec.series(kArrivals)[d], 0) << format_date(date);
    EXPECT_EQ(r.rec.series(kBoats)[d], 0) << format_date(date);
  }
  EXPECT_GT(viable_with_attempts, 100);
  // Viable days are seasonal: more in July than in January.
  int jan = 0, jul = 0;
  for (int y = 2020; y <= 2022; ++y)
    for (int d = 1; d <= 31; ++d) {
      jan += viable_day(model.params().weather, key, from_ymd(y, 1, d));
      jul += viable_day(model.params().weather, key, from_ymd(y, 7, d));
    }
  EXPECT_GT(jul, jan);
  EXPECT_LT(viable, static_cast<int>(attempts.size()));
}

}  // namespace
}  // namespace smug::test
