// Drivers' capacity on the road to France (road_capacity.cpp): clients beyond what an
// organisation's drivers can take wait at home for their turn, so fewer drivers (after arrests)
// mean a longer road; with no limit (the default) everyone leaves the day they sign.
#include <gtest/gtest.h>

#include <vector>

#include "model_test_support.hpp"

namespace smug::test {
namespace {

// Departure days of `clients` who all sign with organisation 0 on day 10, which has `drivers`.
std::vector<int> departures(const char* per_driver_week, int drivers, int clients) {
  const ModelParams p =
      ModelParams::from(scenario({{"organisations.travellers_per_driver_week", per_driver_week}}));
  Organisations orgs(p.orgs, StreamKey::make(3, 0), 1.0, 0);
  orgs.all()[0].members[kDriver] = drivers;
  std::vector<int> days;
  for (int c = 0; c < clients; ++c) days.push_back(orgs.road_departure(0, 10));
  return days;
}

TEST(RoadCapacity, ClientsBeyondTheDriversCapacityWaitTheirTurn) {
  // Two drivers taking seven clients a week each: two places a day.
  EXPECT_EQ(departures("7", 2, 6), (std::vector<int>{10, 10, 11, 11, 12, 12}));
}

TEST(RoadCapacity, FewerDriversMeanALongerRoad) {
  EXPECT_EQ(departures("7", 1, 4), (std::vector<int>{10, 11, 12, 13}));
  EXPECT_EQ(departures("7", 0, 2), (std::vector<int>{10, 17})) << "no drivers: a week a place";
}

TEST(RoadCapacity, WithoutALimitEveryoneLeavesTheDayTheySign) {
  EXPECT_EQ(departures("0", 0, 3), (std::vector<int>{10, 10, 10}));
}

TEST(RoadCapacity, ATightRoadDelaysArrivals) {
  // The same busy world with and without a tight road: arrivals in the UK come later.
  const Changes horizon = {{"run.end", "2021-06-30"}};
  Changes tight = horizon;
  tight.push_back({"organisations.travellers_per_driver_week", "0.5"});
  const ModelInputs in = shipped_inputs();
  const ReplicateResult open = build_model(busy(horizon), in).run(2, 0);
  const ReplicateResult slow = build_model(busy(tight), in).run(2, 0);
  EXPECT_LT(sum(slow.rec.series(kArrivals)), 0.9 * sum(open.rec.series(kArrivals)));
  EXPECT_GT(sum(slow.rec.series(kSignedBoat)), 0);
  EXPECT_GT(sum(slow.rec.series(kRoadDelayDays)), 0) << "the wait is in the run file";
  EXPECT_EQ(sum(open.rec.series(kRoadDelayDays)), 0);
}

}  // namespace
}  // namespace smug::test
