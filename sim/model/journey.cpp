#include "model/journey.hpp"

#include <algorithm>
#include <cmath>

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
                "Days by air and road to northern France", "prior")
          .real("exit_risk_aversion", &JourneyParams::exit_risk_aversion, "per unit rate", "0", 0,
                100,
                "Aversion of boat-route buyers and their organisations to an exit's learned "
                "detection rate: an exit's share is weighted by exp(-aversion * rate). 0 keeps the "
                "fixed shares",
                "prior: 0 (no shift); about 5 would cut an exit where one in ten is stopped by 40%")
          .real("exit_risk_days", &JourneyParams::exit_risk_days, "days", "30", 1, 3650,
                "Time constant of the learned detection rate at each exit (an exponential average "
                "of the daily share of people reaching it who were stopped)",
                "prior: word of checks spreads in about a month")
          .real("exit_ban_days", &JourneyParams::exit_ban_days, "days", "0", 0, 3650,
                "Days a person stopped at an exit cannot leave again (after that they may retry)",
                "prior: 0 (no ban)")
          .real("exit_loss_share", &JourneyParams::exit_loss_share, "share of the price", "0", 0, 1,
                "Share of the boat price a person stopped at an exit loses from their savings (the "
                "organisation keeps what was paid)",
                "prior: 0 (no loss)");
  return d;
}

namespace {

// Each exit by its share, weighted by exp(-aversion * the rate learned there) when buyers are
// averse; at aversion 0 by the shares alone (the same sums in the same order as before).
Exit draw_exit(const JourneyParams& p, const ExitRiskState& r, Stream& s) {
  std::array<double, kNumExits> wt = p.exit_share;
  if (p.exit_risk_aversion > 0)
    for (int e = 0; e < kNumExits; ++e) wt[e] *= std::exp(-p.exit_risk_aversion * r.perceived[e]);
  double total = 0;
  for (double x : wt) total += x;
  double u = s.uniform() * total;
  for (int e = 0; e < kNumExits - 1; ++e) {
    if (u < wt[e]) return static_cast<Exit>(e);
    u -= wt[e];
  }
  return static_cast<Exit>(kNumExits - 1);
}

// The cost of being stopped: a ban on leaving again for a while.
void stopped_at_exit(World& w, uint32_t person) {
  const double ban = w.p.journey.exit_ban_days;
  if (ban <= 0) return;
  if (w.not_before.empty()) w.not_before.assign(w.pop.size(), 0);
  w.not_before[person] = w.day + static_cast<int32_t>(ban);
}

// Each active measure checks the person with its own stream; the first to detect stops them.
// Everyone reaching an exit counts in its series, stopped or not.
bool detected_at_exit(World& w, uint32_t person, Exit exit) {
  w.rec.add(static_cast<SeriesId>(static_cast<int>(kLeftAirport) + static_cast<int>(exit)), w.day,
            1);
  w.exit_risk.reached[exit] += 1;
  for (const Detector& d : w.levers.detectors) {
    const double p = d.probability[exit];
    if (p <= 0) continue;
    Stream s(w.key, measure_purpose(d.measure), person, w.uday());
    if (s.uniform() < p) {
      w.rec.add_measure(d.measure, kMeasureDetected, w.day, 1);
      w.rec.add(kDetectedExit, w.day, 1);
      w.exit_risk.stopped[exit] += 1;
      stopped_at_exit(w, person);
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
  t.exit = draw_exit(w.p.journey, w.exit_risk, s);
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
    if (w.p.journey.exit_loss_share > 0) {
      float& savings = w.pop.hot[person].savings;
      savings = std::max(0.0f, savings - static_cast<float>(w.p.journey.exit_loss_share * price));
    }
    come_home(w, id);
    return;
  }
  const bool by_air = t.exit == kExitAirport;
  const double days = by_air ? w.p.journey.travel_days_air : w.p.journey.travel_days_land;
  const int leave = by_air ? w.day : w.orgs.road_departure(org, w.day);
  if (leave > w.day) w.rec.add(kRoadDelayDays, w.day, leave - w.day);
  w.france_arrivals.schedule(leave + static_cast<int>(days), id);
}

void start_other_route(World& w, uint32_t person, double success, Exit exit, Stream& s) {
  if (detected_at_exit(w, person, exit)) {
    tell(w, person, NewsType::kStopped);
    return;
  }
  w.rec.add(kOtherRouteDepartures, w.day, 1);
  other_route_outcome(w, person, s.uniform() < success);
}

void other_route_outcome(World& w, uint32_t person, bool through) {
  if (through) {
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

void learn_exit_risk(World& w) {
  ExitRiskState& r = w.exit_risk;
  const double keep = std::exp(-1 / w.p.journey.exit_risk_days);
  for (int e = 0; e < kNumExits; ++e) {
    if (r.reached[e] > 0)
      r.perceived[e] = keep * r.perceived[e] + (1 - keep) * r.stopped[e] / r.reached[e];
    r.reached[e] = r.stopped[e] = 0;
  }
}

void come_home(World& w, uint32_t trip) {
  Trip& t = w.trips[trip];
  t.stage = TripStage::kEnded;
  w.pop.hot[t.person].status = Status::kHome;
  w.current_trip[t.person] = -1;
}

}  // namespace smug
