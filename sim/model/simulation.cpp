#include "model/simulation.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/check.hpp"
#include "model/campaigns.hpp"
#include "model/crossing.hpp"
#include "model/decision.hpp"
#include "model/journey.hpp"
#include "model/public_news.hpp"
#include "model/season_planning.hpp"
#include "model/uk_processing.hpp"
#include "model/uk_stock.hpp"

namespace smug {

World::World(const ModelParams& params, const ModelInputs& inputs,
             std::span<const Measure* const> ms, StreamKey k, Date s, int n, double sc)
    : p(params),
      in(inputs),
      measures(ms),
      key(k),
      start(s),
      ndays(n),
      scale(sc),
      date(s),
      pop(Population::generate(params.population, sc, k)),
      net(params.network, k),
      beliefs(params.beliefs, pop.size()),
      orgs(params.orgs, k, sc, 0),
      current_trip(pop.size(), -1),
      france_arrivals(n),
      uk(n),
      sky(params.weather, inputs.other_first_month, inputs.other_monthly_people),
      rec(n, ms.size()) {
  stock.people = params.stock.initial * sc;
  offer_chances_for_ties(params.decision, media);
}

namespace {

void weekly(World& w) {
  OrgWeek week = w.orgs.week(w.day, w.levers, w.measures.size());
  double arrests = week.arrests_base;
  for (size_t m = 0; m < week.arrests_by_measure.size(); ++m) {
    w.rec.add_measure(m, kMeasureArrests, w.day, week.arrests_by_measure[m]);
    arrests += week.arrests_by_measure[m];
  }
  w.rec.add(kArrests, w.day, arrests);
  w.rec.add(kOrgEntries, w.day, week.entries);
  w.rec.add(kOrgDissolutions, w.day, week.dissolutions);
  for (uint32_t id : week.orphaned) come_home(w, id);
  // Queues of dissolved organisations moved to another: their trips now belong to it.
  for (size_t o = 0; o < w.orgs.all().size(); ++o)
    for (uint32_t id : w.orgs.all()[o].queue) w.trips[id].org = static_cast<int16_t>(o);
}

// Counts that can never be negative: a broken book-keeping shows here, on the day it breaks.
void check_levels(const World& w) {
  SMUG_CHECK(w.uk.pending_count >= 0, "negative pending claims");
  SMUG_CHECK(w.uk.in_uk >= 0, "negative people in the UK");
  SMUG_CHECK(w.uk.in_debt >= 0 && w.uk.in_debt <= w.uk.in_uk, "debtors outside 0..people in UK");
  SMUG_CHECK(w.orgs.members_total() >= 0, "negative organisation members");
  SMUG_CHECK(w.coast.other_waiting >= 0, "negative other nationalities waiting");
  SMUG_CHECK(w.legal_visas >= 0, "negative legal visas");
}

void record_levels(World& w) {
  check_levels(w);
  double waiting = 0;
  for (const auto& o : w.orgs.all()) waiting += static_cast<double>(o.queue.size());
  w.rec.set(kWaitingFrance, w.day, waiting);
  // Undefined on days without launches (NaN), which period averages skip.
  w.rec.set(kPeoplePerBoat, w.day,
            w.coast.launched_today ? w.coast.last_people_per_boat : std::nan(""));
  w.coast.launched_today = false;
  w.rec.set(kPriceGbp, w.day,
            w.price_paid_n > 0 ? w.price_paid_sum / w.price_paid_n : w.orgs.mean_price());
  w.price_paid_sum = 0;
  w.price_paid_n = 0;
  w.rec.set(kActiveNetworks, w.day, w.orgs.active_count());
  w.rec.set(kMembers, w.day, w.orgs.members_total());
  w.rec.set(kDebtOutstanding, w.day, w.uk.debt_outstanding);
  w.rec.set(kPendingClaims, w.day, w.uk.pending_count);
  w.rec.set(kUkBoatStock, w.day, w.uk.in_uk);
  w.rec.set(kDebtBonded, w.day, w.uk.in_debt);
  w.rec.set(kUkOtherStock, w.day, w.stock.people);
  w.rec.set(kOtherWaiting, w.day, w.coast.other_waiting);
  w.rec.set(kCreditLossShare, w.day, w.orgs.credit_loss_share());
  w.rec.set(kCampaignReached, w.day, w.campaign.reached);
  // Reading every person's belief each day would cost as much as a day's decisions: a fixed,
  // evenly spaced sample of up to 1024 people is read once a week and carried in between.
  if (w.day % 7 == 0) {
    const uint32_t n = w.pop.size(), k = std::min<uint32_t>(n, 1024);
    double sum = 0, sum_cross = 0, sum_trust = 0;
    int home = 0;
    for (uint32_t j = 0; j < k; ++j) {
      const uint32_t i = static_cast<uint32_t>(uint64_t{j} * n / k);
      if (w.pop.hot[i].status != Status::kHome) continue;
      const BeliefVec b = w.beliefs.read(i, w.day, w.pop.hot[i].county);
      sum += b[kPReturn];
      sum_cross += b[kPCross];
      sum_trust += b[kTrust];
      ++home;
    }
    if (home > 0) {
      w.perceived_return_sampled = sum / home;
      w.perceived_cross_sampled = sum_cross / home;
      w.perceived_trust_sampled = sum_trust / home;
    }
  }
  w.rec.set(kPerceivedReturn, w.day, w.perceived_return_sampled);
  w.rec.set(kPerceivedCross, w.day, w.perceived_cross_sampled);
  w.rec.set(kPerceivedTrust, w.day, w.perceived_trust_sampled);
}

}  // namespace

void step(World& w) {
  w.date = w.start + w.day;
  w.levers = levers_on(w.measures, w.date);
  // Unused visas roll over for at most a year.
  w.legal_visas = std::min(w.legal_visas + w.levers.legal_visas_per_day * w.scale,
                           w.levers.legal_visas_per_day * 365 * w.scale);
  if (w.day % 7 == 0) weekly(w);
  w.orgs.media(w.pop, w.date, w.media.advert);
  offer_chances_today(w);
  campaigns_day(w);
  public_news_day(w);
  w.beliefs.set_media(w.media);
  plan_for_the_season(w);

  other_nationalities_arrive(w);
  reach_coast(w);
  background_considerations(w);
  // News heard today prompts reconsideration; prompts raised while doing so wait for tomorrow.
  std::vector<uint32_t> prompted;
  prompted.swap(w.prompted);
  consider_all(w, prompted);
  learn_exit_risk(w);
  launch_boats(w);
  uk_processing_day(w);
  stock_day(w);
  record_levels(w);
}

Model::Model(const Scenario& s, ModelInputs inputs, MeasureSet measures)
    : params_(ModelParams::from(s)), inputs_(std::move(inputs)), measures_(std::move(measures)) {
  // Refused here, before any replicate starts, rather than in each replicate's world.
  [[maybe_unused]] const Sky sky(params_.weather, inputs_.other_first_month,
                                 inputs_.other_monthly_people);
}

ReplicateResult Model::run(uint64_t seed, uint64_t replicate, const RunLimits& limits) const {
  const auto t0 = std::chrono::steady_clock::now();
  const RunParams& r = params_.run;
  World w(params_, inputs_, measures_.view(), StreamKey::make(seed, replicate), r.start, r.ndays(),
          r.scale);
  double sales = 0;
  bool aborted = false;
  for (w.day = 0; w.day < w.ndays; ++w.day) {
    step(w);
    sales += w.rec.series(kSignedBoat)[static_cast<size_t>(w.day)];
    if (sales > limits.max_boat_sales * r.scale) {
      aborted = true;
      for (int d = w.day + 1; d < w.ndays; ++d)
        for (int k = 0; k < kNumSeries; ++k) w.rec.set(static_cast<SeriesId>(k), d, std::nan(""));
      break;
    }
  }
  ReplicateResult out{seed, replicate, std::move(w.rec), 0, 0, aborted};
  out.rec.finish(r.scale);
  out.state_bytes = w.pop.bytes() + w.beliefs.bytes() + w.trips.capacity() * sizeof(Trip) +
                    w.current_trip.capacity() * sizeof(int32_t);
  out.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

}  // namespace smug
