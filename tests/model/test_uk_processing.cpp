// UK processing: detention for fast-track decision and removal under the returns agreement.
#include <gtest/gtest.h>

#include "model/uk_processing.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

// One arrival into a UK where the returns agreement detains everyone and refuses everyone, with
// ample removal capacity.
struct FastTrack {
  Sim sim;
  uint32_t id = 0;
  explicit FastTrack(const char* claim_share)
      : sim([&] {
          Scenario s = scenario({{"run.scale", "0.01"},
                                 {"run.start", "2023-01-01"},
                                 {"run.end", "2023-12-31"},
                                 {"uk_processing.claim_share", claim_share},
                                 {"uk_processing.withdrawal_per_year", "0"},
                                 {"uk_processing.voluntary_per_year", "0"},
                                 {"joint_communique.start", "2023-01-01"},
                                 {"joint_communique.detention_share", "1"},
                                 {"joint_communique.grant_rate_factor", "0"},
                                 {"joint_communique.removal_capacity_per_day", "1000"}});
          only_measures(s, {"joint_communique"});
          return s;
        }()) {
    World& w = sim.w;
    Trip t;
    t.person = 77;
    t.org = 0;
    t.stage = TripStage::kWaiting;
    id = static_cast<uint32_t>(w.trips.size());
    w.trips.push_back(t);
    w.current_trip[t.person] = static_cast<int32_t>(id);
    w.pop.hot[t.person].status = Status::kInFrance;
    sim.set_day(5);
    arrive_in_uk(w, id);
  }
  // Runs UK processing day by day up to and including `last`.
  void process_until(int last) {
    for (int d = sim.w.day; d <= last; ++d) {
      sim.set_day(d);
      uk_processing_day(sim.w);
    }
  }
};

TEST(UkProcessing, DetainedClaimantIsDecidedAndRemovedFast) {
  FastTrack f("1");
  World& w = f.sim.w;
  const Trip& t = w.trips[f.id];
  ASSERT_TRUE(t.detained);
  EXPECT_EQ(t.stage, TripStage::kUkPending);
  const int decided = 5 + static_cast<int>(w.p.uk.detention_decision_days);
  f.process_until(decided + 3);
  EXPECT_EQ(f.sim.total(kRefusals), 1);
  // Detained, refused: removable at once and first in the removal queue.
  EXPECT_EQ(t.stage, TripStage::kEnded) << "still in the UK, stage " << static_cast<int>(t.stage);
  EXPECT_EQ(f.sim.total(kReturnsEnforced), 1);
  EXPECT_EQ(f.sim.total(kReturnsBoatArrivals), 1);
  EXPECT_EQ(w.pop.hot[t.person].status, Status::kHome);
  EXPECT_EQ(w.uk.in_uk, 0);
  const auto& removals = w.rec.measure_series(measure_index("joint_communique"), kMeasureRemovals);
  EXPECT_EQ(sum(removals), 1) << "removed with the agreement's capacity";
  EXPECT_EQ(sum(removals, 0, static_cast<size_t>(decided)), 0) << "not before the decision";
}

TEST(UkProcessing, DetainedArrivalWithoutClaimIsRemovedFast) {
  FastTrack f("0");
  World& w = f.sim.w;
  ASSERT_TRUE(w.trips[f.id].detained);
  EXPECT_EQ(w.trips[f.id].stage, TripStage::kUkRefused);
  f.process_until(8);
  EXPECT_EQ(w.trips[f.id].stage, TripStage::kEnded);
  EXPECT_EQ(f.sim.total(kReturnsEnforced), 1);
  EXPECT_EQ(f.sim.total(kClaims), 0);
}

}  // namespace
}  // namespace smug::test
