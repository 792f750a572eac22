#include "model/journey.hpp"

#include "model/news.hpp"
#include "model/world.hpp"
#include "params/declare.hpp"

namespace smug {

const Declare<JourneyParams>& JourneyParams::table() {
  static const Declare<JourneyParams> d =
      Declare<JourneyParams>("journey", "Leaving Albania and travelling to northern France")
          .real("exit_airport", &JourneyParams::exit_share, kExitAirport, "share", "0.3", 0, 1,
                "Share of boat-route travellers who fly out of Tirana", "prior")
          .real("exit_kosovo", &JourneyParams::exit_share, kExitKosovo, "share", "0.3", 0, 1,
                "Share who leave over the Kosovo border (bus)", "prior")
          .real("exit_montenegro", &JourneyParams::exit_share, kExitMontenegro, "share", "0.25", 0,
                1, "Share who leave over the Montenegro border (bus)", "prior")
          .real("exit_greece", &JourneyParams::exit_share, kExitGreece, "share", "0.15", 0, 1,
                "Share who leave over the southern border with Greece", "prior")
          .real("travel_days_land", &JourneyParams::travel_days_land, "days", "4", 1, 60,
                "Days by bus to northern France", "prior: about EUR 200 bus (PRESS-PRICES)")
          .real("travel_days_air", &JourneyParams::travel_days_air, "days", "2", 1, 60,
                "Days by air and road to northern France", "prior");
  return d;
}

namespace {

Exit draw_exit(const JourneyParams& p, Stream& s) {
  const double total = p.exit_share[0] + p.exit_share[1] + p.exit_share[2] + p.exit_share[3];
  double u = s.uniform() * total;
  for (int e = 0; e < kNumExits - 1; ++e) {
    if (u < p.exit_share[e]) return static_cast<Exit>(e);
    u -= p.exit_share[e];
  }
  return static_cast<Exit>(kNumExits - 1);
}

// Each active measure checks the person with its own stream; the first to detect stops them.
bool detected_at_exit(World& w, uint32_t person, Exit exit) {
  for (const Detector& d : w.levers.detectors) {
    const double p = d.probability[exit];
    if (p <= 0) continue;
    Stream s(w.key, measure_purpose(d.measure), person, w.uday());
    if (s.uniform() < p) {
      w.rec.add_measure(d.measure, kMeasureDetected, w.day, 1);
      w.rec.add(kDetectedExit, w.day, 1);
      return true;
    }
  }
  return false;
}

}  // namespace

void start_boat_trip(World& w, uint32_t person, int org, double price, bool paid, Stream& s) {
  Trip t;
  t.person = person;
  t.org = static_cast<int16_t>(org);
  t.price = static_cast<float>(price);
  t.debt = paid ? 0.0f : static_cast<float>(price);
  t.signed_day = w.day;
  t.exit = draw_exit(w.p.journey, s);
  const uint32_t id = static_cast<uint32_t>(w.trips.size());
  w.trips.push_back(t);
  w.current_trip[person] = static_cast<int32_t>(id);
  w.orgs.sign(org, price, paid);
  w.rec.add(kSignedBoat, w.day, 1);
  if (!paid) w.rec.add(kSignedCredit, w.day, 1);
  w.price_paid_sum += price;
  ++w.price_paid_n;
  w.pop.hot[person].status = Status::kTravelling;
  if (detected_at_exit(w, person, t.exit)) {
    tell(w, person, NewsType::kStopped);
    come_home(w, id);
    return;
  }
  const double days =
      t.exit == kExitAirport ? w.p.journey.travel_days_air : w.p.journey.travel_days_land;
  w.france_arrivals.schedule(w.day + static_cast<int>(days), id);
}

void start_other_route(World& w, uint32_t person, double success, Exit exit, Stream& s) {
  if (detected_at_exit(w, person, exit)) {
    tell(w, person, NewsType::kStopped);
    return;
  }
  w.rec.add(kOtherRouteDepartures, w.day, 1);
  if (s.uniform() < success) {
    // Gone by another route: part of the UK stock that returns are drawn from, not a boat arrival.
    w.pop.hot[person].status = Status::kAbroadLegal;
    w.stock.people += 1;
    tell(w, person, NewsType::kCrossed);
  } else {
    tell(w, person, NewsType::kStopped);
  }
}

void reach_coast(World& w) {
  for (uint32_t id : w.france_arrivals.take(w.day)) {
    Trip& t = w.trips[id];
    if (t.stage != TripStage::kTravelling) continue;
    // The organisation may have dissolved on the way: the one with most fixers takes the
    // client, or nobody does and they go home.
    if (!w.orgs.all()[t.org].active) {
      int best = -1;
      const auto& all = w.orgs.all();
      for (size_t o = 0; o < all.size(); ++o)
        if (all[o].active && (best < 0 || all[o].members[kFixer] > all[best].members[kFixer]))
          best = static_cast<int>(o);
      if (best < 0) {
        come_home(w, id);
        continue;
      }
      t.org = static_cast<int16_t>(best);
    }
    t.stage = TripStage::kWaiting;
    w.pop.hot[t.person].status = Status::kInFrance;
    w.orgs.all()[t.org].queue.push_back(id);
  }
}

void come_home(World& w, uint32_t trip) {
  Trip& t = w.trips[trip];
  t.stage = TripStage::kEnded;
  w.pop.hot[t.person].status = Status::kHome;
  w.current_trip[t.person] = -1;
}

}  // namespace smug
