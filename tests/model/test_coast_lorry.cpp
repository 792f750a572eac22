// The lorry from the coast (crossing.lorry_after_stop): clients whose launch was stopped and who
// can pay try a lorry from the northern French ports instead, so harder boats displace some
// crossings to lorries.
#include <gtest/gtest.h>

#include "model_test_support.hpp"

namespace smug::test {
namespace {

// Lorries within reach (GBP 3,000) to mid-2022, with French patrols stopping nearly every launch
// from June 2020 if harder, and the coast's lorry tried by a share `after_stop` of the stopped.
ReplicateResult run(bool harder, const char* after_stop, const char* lorry_price = "3000") {
  Changes c = {{"run.end", "2022-06-30"},
               {"decision.lorry_price_gbp", lorry_price},
               {"crossing.lorry_after_stop", after_stop}};
  if (harder)
    for (const auto& kv : Changes{{"french_patrols.enabled", "true"},
                                  {"french_patrols.start", "2020-06-01"},
                                  {"french_patrols.patrol_odds_factor", "100"}})
      c.push_back(kv);
  return build_model(busy(c), shipped_inputs()).run(4, 0);
}

TEST(CoastLorry, WhenLaunchesAreStoppedMoreOfTheBoatsClientsTakeALorryFromTheCoast) {
  const ReplicateResult open = run(false, "0.3"), hard = run(true, "0.3");
  EXPECT_LT(sum(hard.rec.series(kArrivals)), sum(open.rec.series(kArrivals)));
  const auto switched = [](const ReplicateResult& r) {
    return sum(r.rec.series(kCoastLorry)) / sum(r.rec.series(kSignedBoat));
  };
  // Measured: 0.10 open, 0.15 harder (seed 4).
  EXPECT_GT(switched(hard), 1.25 * switched(open))
      << "share of the boat's clients who took a lorry from the coast: open " << switched(open)
      << ", harder " << switched(hard);
  // Not asserted, as issue 19 asked (Decision.DISABLED_WhenTheBoatGetsHarder...): that lorry and
  // air departures as a whole rise. Fewer sign up for the boat when it gets harder, and so fewer
  // reach the coast to switch: in this set-up lorry and air from Albania and from the coast
  // together fall slightly (docs/model.md, section 8).
}

TEST(CoastLorry, OffNobodyTakesIt) {
  const ReplicateResult off = run(true, "0");
  EXPECT_EQ(sum(off.rec.series(kCoastLorry)), 0);
}

TEST(CoastLorry, OnlyThoseWhoCanPayTheLorryTakeIt) {
  // At GBP 50,000 (the range's top) few have the money; at 3,000 many more.
  const double cheap = sum(run(true, "0.3").rec.series(kCoastLorry));
  const double dear = sum(run(true, "0.3", "50000").rec.series(kCoastLorry));
  EXPECT_LT(dear, 0.2 * cheap);
}

}  // namespace
}  // namespace smug::test
