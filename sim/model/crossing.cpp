#include "model/crossing.hpp"

#include <algorithm>
#include <cmath>

#include "model/coast_lorry.hpp"
#include "model/journey.hpp"
#include "model/news.hpp"
#include "model/uk_processing.hpp"
#include "model/weather.hpp"
#include "model/world.hpp"
#include "params/declare.hpp"

namespace smug {

const Declare<CrossingParams>& CrossingParams::table() {
  static const Declare<CrossingParams> d = [] {
    Declare<CrossingParams> t =
        Declare<CrossingParams>("crossing",
                                "Launches from northern France, French prevention and deaths")
            .real("stop_share", &CrossingParams::stop_share, "share", "0.45", 0, 0.99,
                  "Share of attempts the French police stop, before the November 2022 deal",
                  "PRESS-FRANCE (42-61% in 2022)")
            .real(
                "stop_load", &CrossingParams::stop_load, "per 1000 people", "0.05", 0, 10,
                "Fall in the stopped share (relative) per 1000 people attempting that day: patrols "
                "are stretched by many launches",
                "prior")
            .real("give_up", &CrossingParams::give_up, "probability", "0.15", 0, 1,
                  "Chance an Albanian whose launch was stopped gives up and goes home", "prior")
            .real("death_rate", &CrossingParams::death_rate, "per attempt", "0.0005", 0, 0.1,
                  "Deaths per person attempting", "prior: rare deaths")
            .sched(
                "boat_capacity", &CrossingParams::boat_capacity, "people per boat",
                "14, 2021-01-01: 28, 2022-01-01: 41, 2023-01-01: 48", 1, 200,
                "People per boat, an input and not emergent: the supply of boats (purchases, "
                "seizures, sizes) is not modelled, so the published yearly mean is imposed. With "
                "boats_per_day it sets the day's places; a day's boats are the people launched "
                "divided by it, rounded up (so the people_per_boat output follows it)",
                "HO-DAILY: yearly mean of all nationalities, 13.2 (2020), 27.6 (2021), 41.2 "
                "(2022), 48.9 (2023); scenarios/data/small_boats_monthly_all_nationalities.csv")
            .sched("boats_per_day", &CrossingParams::boats_per_day, "boats per viable day", "40", 0,
                   10000,
                   "Boats the operators can supply on a viable day (all nationalities, full scale)",
                   "prior: HO-DAILY (at most about 30 boats on the busiest days)")
            .real("launch_share_other", &CrossingParams::launch_share_other, "share", "0.5", 0, 1,
                  "Share of waiting people of other nationalities who try on a viable day", "prior")
            .real("intercept_cost_gbp", &CrossingParams::intercept_cost_gbp, "GBP per client", "0",
                  0, 100000,
                  "What an organisation loses per Albanian client whose launch the French police "
                  "stop (their share of the boat and engine seized), taken from its cash",
                  "prior: 0 (no cost)")
            .real("intercept_wait_days", &CrossingParams::intercept_wait_days, "days", "0", 0, 365,
                  "Days a client whose launch was stopped waits before the organisation can board "
                  "them again (0: back in the queue at once)",
                  "prior: 0 (no wait)");
    declare_coast_lorry(t);
    return t;
  }();
  return d;
}

const Declare<OtherNationalitiesParams>& OtherNationalitiesParams::table() {
  static const Declare<OtherNationalitiesParams> d =
      Declare<OtherNationalitiesParams>(
          "other_nationalities",
          "Exogenous flow of people of other nationalities to the coast (competition for places, "
          "patrol load)")
          .flag("enabled", &OtherNationalitiesParams::enabled, "true",
                "Whether the other-nationalities flow is simulated", "MODEL")
          .real("flow_factor", &OtherNationalitiesParams::attempts_per_arrival, "factor", "1", 0,
                10, "Factor on the monthly all-nationality arrivals used as the flow to the coast",
                "HO-DAILY")
          .real("projection_factor", &OtherNationalitiesParams::projection_factor, "factor", "1", 0,
                10, "Beyond the data, each month repeats the last data year's month times this",
                "prior")
          .text("series_file", &OtherNationalitiesParams::series_file,
                "data/small_boats_monthly_all_nationalities.csv",
                "Monthly all-nationality series (relative to the scenario file that sets it)",
                "HO-DAILY");
  return d;
}

void other_nationalities_arrive(World& w) {
  const auto& p = w.p.other;
  const auto& series = w.in.other_monthly_people;
  if (!p.enabled || series.empty()) return;
  const MonthInSeries m =
      month_in_series(w.in.other_first_month, w.date, static_cast<long>(series.size()));
  if (m.index < 0) return;
  // Beyond the data: the same month of the last data year, times the projection once a year on.
  double factor = p.attempts_per_arrival;
  for (int y = 0; y < m.years_beyond; ++y) factor *= p.projection_factor;
  const Ymd now = to_ymd(w.date);
  w.coast.other_waiting +=
      series[static_cast<size_t>(m.index)] * factor / days_in_month(now.year, now.month) * w.scale;
}

void launch_boats(World& w) {
  const CrossingParams& p = w.p.crossing;
  if (!w.sky.viable(w.key, w.date)) return;
  Stream s(w.key, Purpose::kLaunch, 0, w.uday());
  // Who boards: each organisation's fixers move the front of its queue.
  std::vector<uint32_t> boarding;
  for (size_t o = 0; o < w.orgs.all().size(); ++o) {
    Organisation& org = w.orgs.all()[o];
    if (!org.active) continue;
    const int cap = w.orgs.boarding_capacity(static_cast<int>(o), s);
    for (int k = 0; k < cap && !org.queue.empty(); ++k) {
      boarding.push_back(org.queue.front());
      org.queue.pop_front();
    }
  }
  double others = w.coast.other_waiting * p.launch_share_other;
  const double capacity = p.boat_capacity.at(w.date);
  const double places = p.boats_per_day.at(w.date) * capacity * w.scale;
  const double demand = others + static_cast<double>(boarding.size());
  if (demand <= 0) return;
  double share = demand > places ? places / demand : 1.0;  // competition for scarce places
  others *= share;
  // Stopped share: the patrols' odds, stretched by the day's load.
  const double odds = p.stop_share / (1 - p.stop_share) * w.levers.patrol_odds_factor;
  const double stop = odds / (1 + odds) / (1 + p.stop_load * demand * share / w.scale / 1000);
  double albanians = 0;
  for (uint32_t id : boarding) {
    Trip& t = w.trips[id];
    Stream ps(w.key, Purpose::kCrossing, t.person, w.uday());
    const double u_place = ps.uniform(), u_stop = ps.uniform(), u_after = ps.uniform();
    if (u_place >= share) {  // no place today: back to the front of the queue
      w.orgs.all()[t.org].queue.push_front(id);
      continue;
    }
    albanians += 1;
    ++t.attempts;
    w.rec.add(kAttempts, w.day, 1);
    if (u_stop < stop) {
      w.rec.add(kAttemptsStopped, w.day, 1);
      w.orgs.crossing_outcome(t.org, false);
      if (p.intercept_cost_gbp > 0) w.orgs.charge(t.org, p.intercept_cost_gbp);
      if (u_after < p.give_up) {
        w.rec.add(kGaveUp, w.day, 1);
        tell(w, t.person, NewsType::kStopped);
        come_home(w, id);
      } else if (p.lorry_after_stop > 0 && lorry_from_coast(w, id, ps.uniform(), ps.uniform())) {
        continue;
      } else if (p.intercept_wait_days >= 1) {
        // Back to the coast's arrivals later (reach_coast queues them again, as on arrival).
        t.stage = TripStage::kTravelling;
        w.france_arrivals.schedule(w.day + static_cast<int>(p.intercept_wait_days), id);
      } else {
        w.orgs.all()[t.org].queue.push_back(id);
      }
      continue;
    }
    if (u_after < p.death_rate) {
      w.rec.add(kDeaths, w.day, 1);
      w.orgs.crossing_outcome(t.org, false);
      tell(w, t.person, NewsType::kDrowned);
      t.stage = TripStage::kEnded;
      w.pop.hot[t.person].status = Status::kDead;
      continue;
    }
    w.orgs.crossing_outcome(t.org, true);
    arrive_in_uk(w, id);
  }
  if (albanians > 0) {
    const double on_boats = albanians + others;
    const double boats = std::ceil(on_boats / w.scale / capacity);
    w.rec.add(kBoats, w.day, boats * w.scale);
    w.rec.add(kBoatPeople, w.day, on_boats);
    w.coast.last_people_per_boat = on_boats / w.scale / boats;
    w.coast.launched_today = true;
  }
  w.coast.other_waiting -= others * (1 - stop);
}

}  // namespace smug
