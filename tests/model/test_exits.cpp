// Exits and interceptions (issue 19 item 2): people counted at each exit, buyers shifting away
// from an exit they have learned is checked, the costs of being stopped at an exit (a ban, money)
// and of a stopped launch (the organisation's loss, the client's wait).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "model/journey.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

// Boat route only (lorry and air made unattractive), no measures unless switched on.
Scenario boat_only(const Changes& changes = {}) {
  Scenario s = busy({{"run.start", "2022-01-01"},
                     {"run.end", "2022-12-31"},
                     {"decision.lorry_success", "0"},
                     {"decision.lorry_shift", "-20"},
                     {"decision.air_success", "0"},
                     {"decision.air_shift", "-20"},
                     {"run.scale", "0.1"}});
  only_measures(s, {});
  for (const auto& [k, v] : changes) s.set(k, v);
  return s;
}

// Kosovo drones that stop most people there, from 2022-05-01.
void drones(Scenario& s, const std::string& detect = "0.5") {
  only_measures(s, {"kosovo_drones"});
  s.set("kosovo_drones.start", "2022-05-01");
  s.set("kosovo_drones.detect", detect);
}

struct ExitTotals {
  double kosovo = 0, others = 0;
};
ExitTotals exits_after(const Sim& sim, int from) {
  ExitTotals t;
  const auto& r = sim.w.rec;
  const size_t f = static_cast<size_t>(from);
  t.kosovo = sum(r.series(kLeftKosovo), f);
  t.others = sum(r.series(kLeftAirport), f) + sum(r.series(kLeftMontenegro), f) +
             sum(r.series(kLeftGreece), f);
  return t;
}

TEST(Exits, DronesOnOneExitShiftDeparturesToOthers) {
  for (const char* aversion : {"10", "0"}) {
    SCOPED_TRACE(aversion);
    Scenario with = boat_only({{"journey.exit_risk_aversion", aversion}});
    drones(with);
    Scenario without = boat_only({{"journey.exit_risk_aversion", aversion}});
    Sim a(with, 5), b(without, 5);
    a.run_until(a.w.ndays);
    b.run_until(b.w.ndays);
    // A month for the learned rate to rise.
    const int from = a.day_of(2022, 6, 1);
    const ExitTotals d = exits_after(a, from), n = exits_after(b, from);
    ASSERT_GT(n.kosovo, 200);
    ASSERT_GT(n.others, 500);
    const double share_d = d.kosovo / (d.kosovo + d.others);
    const double share_n = n.kosovo / (n.kosovo + n.others);
    if (aversion[0] != '0') {
      EXPECT_LT(d.kosovo, 0.5 * n.kosovo);
      EXPECT_GT(d.others, 1.05 * n.others);
      EXPECT_LT(share_d, 0.5 * share_n);
      EXPECT_GT(a.w.exit_risk.perceived[kExitKosovo], 0.3);
      EXPECT_EQ(a.w.exit_risk.perceived[kExitAirport], 0.0);
    } else {
      // The fixed shares: Kosovo keeps its share; others rise only by the retries of those
      // stopped there (who choose by the same shares).
      EXPECT_NEAR(share_d, share_n, 0.03);
      EXPECT_LT(d.others, 1.2 * n.others);
    }
  }
}

TEST(Exits, ExitSeriesSumToDeparturesByBoatAndOtherRoutes) {
  for (bool detect : {false, true}) {
    SCOPED_TRACE(detect);
    // Every route open.
    Scenario s =
        busy({{"run.start", "2022-01-01"}, {"run.end", "2022-09-30"}, {"run.scale", "0.1"}});
    only_measures(s, {});
    if (detect) drones(s, "0.3");
    Sim sim(s, 3);
    sim.run_until(sim.w.ndays);
    const auto& r = sim.w.rec;
    double exits_total = 0, detected_total = 0;
    for (int d = 0; d < sim.w.ndays; ++d) {
      const size_t i = static_cast<size_t>(d);
      const double exits = r.series(kLeftAirport)[i] + r.series(kLeftKosovo)[i] +
                           r.series(kLeftMontenegro)[i] + r.series(kLeftGreece)[i];
      const double left = r.series(kSignedBoat)[i] + r.series(kOtherRouteDepartures)[i];
      // Boat buyers count at the exit whether stopped or not (signed_boat counts them too);
      // other-route travellers stopped at the exit count there but not as departures.
      if (!detect) {
        EXPECT_EQ(exits, left) << "day " << d;
      } else {
        EXPECT_GE(exits, left) << "day " << d;
        EXPECT_LE(exits, left + r.series(kDetectedExit)[i]) << "day " << d;
      }
      exits_total += exits;
      detected_total += r.series(kDetectedExit)[i];
    }
    EXPECT_GT(exits_total, 1000);
    EXPECT_EQ(detected_total > 0, detect);
  }
}

// People stopped at the Kosovo border (everyone there is, from May), and the days they signed
// trips on.
struct Stops {
  std::vector<int> stopped_on;        // per person, last stop day or -1
  int retried_within = 0, stops = 0;  // trips signed within the ban of a stop
  double savings_lost = 0, expected_loss = 0;
};
Stops run_stops(const Scenario& s, int ban, double loss_share) {
  Sim sim(s, 8);
  World& w = sim.w;
  Stops st;
  st.stopped_on.assign(w.pop.size(), -1);
  std::vector<float> savings(w.pop.size());
  for (; w.day < w.ndays; ++w.day) {
    const size_t first_new = w.trips.size();
    for (uint32_t i = 0; i < w.pop.size(); ++i) savings[i] = w.pop.hot[i].savings;
    step(w);
    for (size_t id = first_new; id < w.trips.size(); ++id) {
      const Trip& t = w.trips[id];
      const int last = st.stopped_on[t.person];
      if (last >= 0 && w.day < last + ban) ++st.retried_within;
      if (t.exit == kExitKosovo && t.stage == TripStage::kEnded && t.signed_day == w.day) {
        st.stopped_on[t.person] = w.day;
        ++st.stops;
        st.savings_lost += savings[t.person] - w.pop.hot[t.person].savings;
        st.expected_loss += std::min<double>(loss_share * t.price, savings[t.person]);
      }
    }
  }
  return st;
}

TEST(Exits, AStoppedPersonWaitsOutTheBan) {
  Scenario s = boat_only({{"journey.exit_ban_days", "90"}, {"journey.exit_loss_share", "0.5"}});
  drones(s, "1");
  const Stops banned = run_stops(s, 90, 0.5);
  ASSERT_GT(banned.stops, 50);
  EXPECT_EQ(banned.retried_within, 0);
  // Half the price (or what they had) lost from their savings.
  ASSERT_GT(banned.expected_loss, 0);
  EXPECT_NEAR(banned.savings_lost, banned.expected_loss, 1e-4 * banned.expected_loss + 1);
  // Without the ban, some of those stopped do try again within those days, and lose nothing.
  Scenario free = boat_only();
  drones(free, "1");
  const Stops unbanned = run_stops(free, 90, 0);
  EXPECT_GT(unbanned.retried_within, 0);
  EXPECT_EQ(unbanned.savings_lost, 0.0);
}

double total_cash(const World& w) {
  double c = 0;
  for (const auto& o : w.orgs.all()) c += o.cash;
  return c;
}

TEST(Exits, InterceptionsCostTheOrganisation) {
  const double cost = 3000;
  Sim a(boat_only({{"crossing.stop_share", "0.8"},
                   {"crossing.intercept_cost_gbp", std::to_string(cost)}}),
        4);
  Sim b(boat_only({{"crossing.stop_share", "0.8"}}), 4);
  // In lockstep to the first day with a stopped launch: until then the same, that day the
  // organisations' cash is lower by the cost per stopped client.
  for (; a.w.day < a.w.ndays; ++a.w.day, ++b.w.day) {
    step(a.w);
    step(b.w);
    const size_t d = static_cast<size_t>(a.w.day);
    const double stopped = a.w.rec.series(kAttemptsStopped)[d];
    if (stopped == 0) {
      ASSERT_EQ(total_cash(a.w), total_cash(b.w)) << "day " << a.w.day;
      continue;
    }
    EXPECT_NEAR(total_cash(b.w) - total_cash(a.w), stopped * cost / a.w.scale,
                1e-6 * stopped * cost / a.w.scale);
    return;
  }
  FAIL() << "no launch was stopped";
}

TEST(Exits, InterceptedClientsWaitBeforeBoardingAgain) {
  for (int wait : {20, 0}) {
    SCOPED_TRACE(wait);
    Sim sim(boat_only({{"crossing.stop_share", "0.8"},
                       {"crossing.intercept_wait_days", std::to_string(wait)}}),
            6);
    World& w = sim.w;
    std::vector<int> attempts, stopped_on;
    int early = 0, retries = 0;
    for (; w.day < w.ndays; ++w.day) {
      step(w);
      attempts.resize(w.trips.size(), 0);
      stopped_on.resize(w.trips.size(), -1);
      for (size_t id = 0; id < w.trips.size(); ++id) {
        const Trip& t = w.trips[id];
        if (t.attempts == attempts[id]) continue;
        if (stopped_on[id] >= 0) {
          ++retries;
          if (w.day < stopped_on[id] + 20) ++early;  // within 20 days of the stop
        }
        attempts[id] = t.attempts;
        // Stopped today if still on this side (waiting again or queued), not arrived or dead.
        const bool stopped = t.stage == TripStage::kTravelling || t.stage == TripStage::kWaiting;
        stopped_on[id] = stopped ? w.day : -1;
      }
    }
    ASSERT_GT(retries, 20);
    if (wait > 0) {
      EXPECT_EQ(early, 0);
    } else {
      EXPECT_GT(early, 0);
    }
  }
}

}  // namespace
}  // namespace smug::test
