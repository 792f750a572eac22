#include "model/uk_processing.hpp"

#include <algorithm>
#include <cmath>

#include "model/journey.hpp"
#include "model/news.hpp"
#include "model/world.hpp"
#include "params/declare.hpp"

namespace smug {

const Declare<UkParams>& UkParams::table() {
  static const Declare<UkParams> d =
      Declare<UkParams>("uk_processing", "Claims, decisions, withdrawals and returns in the UK")
          .real("claim_share", &UkParams::claim_share, "share", "0.9", 0, 1,
                "Share of Albanian small-boat arrivals who claim asylum",
                "HO-ASY: 14,637 claims in 2022 (main applicants)")
          .real("slavery_referral_share", &UkParams::slavery_referral_share, "share", "0.3", 0, 1,
                "Share of claimants referred as possible victims of modern slavery", "prior")
          .real("slavery_extra_days", &UkParams::slavery_extra_days, "days", "180", 0, 3650,
                "Extra days a modern-slavery referral adds before a decision", "prior")
          .sched("decision_delay_days", &UkParams::decision_delay_days, "days", "420", 1, 5000,
                 "Mean days from claim to initial decision (the backlog), without measures",
                 "prior: HAC-REPORT")
          .sched("grant_rate", &UkParams::grant_rate, "share", "0.16", 0, 1,
                 "Chance an initial decision grants protection or leave, without measures",
                 "HO-ASY: 18.5% (2021), 11% (2022)")
          .real("withdrawal_per_year", &UkParams::withdrawal_per_year, "per person per year", "0.9",
                0, 20, "Rate at which pending claims are withdrawn",
                "HO-ASY: 8,514 of 14,637 claims of 2022 later withdrawn")
          .real("withdrawn_abscond", &UkParams::withdrawn_abscond, "share", "0.6", 0, 1,
                "Share of withdrawals after which the person disappears into irregular work",
                "prior")
          .real("locate_share", &UkParams::locate_share, "share", "0.6", 0, 1,
                "Share of refused people the Home Office can locate for removal", "prior")
          .real("removal_delay_days", &UkParams::removal_delay_days, "days", "150", 0, 3650,
                "Days from refusal (or no claim) to removability: appeals, documents", "prior")
          .real("removal_capacity_per_day", &UkParams::removal_capacity_per_day, "people per day",
                "1", 0, 1000,
                "Enforced removals of Albanian small-boat arrivals per day without measures",
                "prior")
          .real("detention_decision_days", &UkParams::detention_decision_days, "days", "12", 0, 365,
                "Days to a decision for a detained, fast-tracked arrival",
                "MIN-SEP23 (removals within 48 hours at the fastest)")
          .real("voluntary_per_year", &UkParams::voluntary_per_year, "per person per year", "0.3",
                0, 20, "Rate of voluntary return of refused or irregular Albanians", "prior")
          .real("debt_repay_share", &UkParams::debt_repay_share, "share", "0.5", 0, 1,
                "Share of UK earnings that goes to repaying the smugglers' debt",
                "SEED-NEWS-MAY24: up to two years' work in cannabis houses")
          .real("news_interval_days", &UkParams::news_interval_days, "days", "90", 1, 3650,
                "Days between pieces of news a person in the UK sends home", "prior");
  return d;
}

namespace {

double exponential(Stream& s) {
  return -std::log1p(-s.uniform());
}

void leave_uk(World& w, uint32_t id, bool enforced) {
  Trip& t = w.trips[id];
  w.rec.add(enforced ? kReturnsEnforced : kReturnsVoluntary, w.day, 1);
  w.rec.add(kReturns, w.day, 1);
  w.rec.add(kReturnsBoatArrivals, w.day, 1);
  const PublicNewsParams& news = w.p.public_news;
  if (news.reports_quick() && w.day - t.arrival_day <= news.quick_days)
    w.rec.add(kReturnsQuick, w.day, 1);
  --w.uk.in_uk;
  w.uk.debt_outstanding -= t.debt;
  if (t.debt > 0) {
    --w.uk.in_debt;
    w.rec.add(kDebtWrittenOff, w.day, t.debt);
    w.orgs.settle_debt(t.org, 0, t.debt, w.day - t.signed_day);
    t.debt = 0;
  }
  come_home(w, id);
  tell(w, t.person, NewsType::kReturned);
}

void refuse(World& w, uint32_t id, bool detained) {
  Trip& t = w.trips[id];
  t.stage = TripStage::kUkRefused;
  const double delay = detained ? 0 : w.p.uk.removal_delay_days * w.levers.removal_delay_factor;
  w.uk.events.schedule(w.day + static_cast<int>(delay), UkEvent{id, UkEventType::kRemovable});
  Stream s(w.key, Purpose::kReturns, t.person, w.uday());
  w.uk.voluntary.push({w.uk.voluntary_hazard + exponential(s), id});
}

void decide(World& w, uint32_t id) {
  Trip& t = w.trips[id];
  --w.uk.pending_count;
  Stream s(w.key, Purpose::kUkProcessing, t.person, w.uday() * 4u + 1);
  const double grant = std::min(1.0, w.p.uk.grant_rate.at(w.date) * w.levers.grant_rate_factor);
  if (s.uniform() < grant) {
    w.rec.add(kGrants, w.day, 1);
    t.stage = TripStage::kUkStaying;
    t.granted = true;
  } else {
    w.rec.add(kRefusals, w.day, 1);
    refuse(w, id, t.detained);
  }
}

void abscond(World& w, uint32_t id, Stream& s) {
  w.trips[id].stage = TripStage::kUkStaying;
  w.uk.voluntary.push({w.uk.voluntary_hazard + exponential(s), id});
}

void handle(World& w, const UkEvent& e) {
  Trip& t = w.trips[e.trip];
  Stream s(w.key, Purpose::kUkProcessing, t.person, w.uday() * 4u + 2);
  switch (e.type) {
    case UkEventType::kWithdraw:
      if (t.stage != TripStage::kUkPending) return;
      --w.uk.pending_count;
      w.rec.add(kWithdrawals, w.day, 1);
      if (s.uniform() < w.p.uk.withdrawn_abscond)
        abscond(w, e.trip, s);
      else
        refuse(w, e.trip, false);
      return;
    case UkEventType::kDetainedDecision:
      if (t.stage == TripStage::kUkPending) decide(w, e.trip);
      return;
    case UkEventType::kRemovable:
      if (t.stage != TripStage::kUkRefused) return;
      if (t.detained)
        w.uk.removal_queue.push_front(e.trip);
      else if (s.uniform() < w.p.uk.locate_share)
        w.uk.removal_queue.push_back(e.trip);
      else
        abscond(w, e.trip, s);
      return;
    case UkEventType::kMonthly: {
      if (t.stage == TripStage::kEnded) return;
      const double repay =
          std::min<double>(t.debt, w.p.news.uk_earnings_gbp * w.p.uk.debt_repay_share);
      if (repay > 0) {
        t.debt -= static_cast<float>(repay);
        if (t.debt <= 0) --w.uk.in_debt;
        w.uk.debt_outstanding -= repay;
        w.orgs.settle_debt(t.org, repay, 0, w.day - t.signed_day);
        w.rec.add(kDebtRepaid, w.day, repay);
      }
      const int months = (w.day - t.arrival_day) / 30;
      const int every = std::max(1, static_cast<int>(w.p.uk.news_interval_days / 30));
      if (months % every == 0)
        tell(w, t.person, t.debt > 0 ? NewsType::kDebtBondage : NewsType::kWorking);
      w.uk.events.schedule(w.day + 30, UkEvent{e.trip, UkEventType::kMonthly});
      return;
    }
  }
}

// Removal capacity of one source, in simulated people, rounded stochastically.
int capacity_today(World& w, double per_day, uint32_t source) {
  Stream s(w.key, Purpose::kRemovalCapacity, source, w.uday());
  const double x = per_day * w.scale;
  return static_cast<int>(x) + (s.uniform() < x - std::floor(x) ? 1 : 0);
}

void remove_from_queue(World& w, int n, int measure) {
  for (int k = 0; k < n && !w.uk.removal_queue.empty();) {
    const uint32_t id = w.uk.removal_queue.front();
    w.uk.removal_queue.pop_front();
    if (w.trips[id].stage != TripStage::kUkRefused) continue;
    leave_uk(w, id, true);
    if (measure >= 0) w.rec.add_measure(static_cast<size_t>(measure), kMeasureRemovals, w.day, 1);
    ++k;
  }
}

}  // namespace

void arrive_in_uk(World& w, uint32_t id) {
  Trip& t = w.trips[id];
  const UkParams& p = w.p.uk;
  t.stage = TripStage::kUkPending;
  t.arrival_day = w.day;
  w.pop.hot[t.person].status = Status::kInUk;
  w.rec.add(kArrivals, w.day, 1);
  ++w.uk.in_uk;
  w.uk.debt_outstanding += t.debt;
  if (t.debt > 0) ++w.uk.in_debt;
  tell(w, t.person, NewsType::kCrossed);
  Stream s(w.key, Purpose::kUkProcessing, t.person, w.uday() * 4u);
  const double u_detain = s.uniform(), u_claim = s.uniform(), u_slavery = s.uniform();
  const double e_decide = exponential(s), e_withdraw = exponential(s);
  w.uk.events.schedule(w.day + 30, UkEvent{id, UkEventType::kMonthly});
  t.detained = u_detain < w.levers.detention_share_add;
  if (u_claim >= p.claim_share) {
    refuse(w, id, t.detained);
    return;
  }
  w.rec.add(kClaims, w.day, 1);
  ++w.uk.pending_count;
  if (t.detained) {
    w.uk.events.schedule(w.day + static_cast<int>(p.detention_decision_days),
                         UkEvent{id, UkEventType::kDetainedDecision});
    return;
  }
  // A slavery referral adds days at today's decision rate, in units of cumulative hazard.
  double threshold = w.uk.decision_hazard + e_decide;
  if (u_slavery < p.slavery_referral_share * w.levers.slavery_referral_factor)
    threshold +=
        p.slavery_extra_days / (p.decision_delay_days.at(w.date) * w.levers.decision_delay_factor);
  w.uk.pending.push({threshold, id});
  const double withdraw_days = e_withdraw / (p.withdrawal_per_year / 365.0);
  if (withdraw_days < 3650)
    w.uk.events.schedule(w.day + static_cast<int>(withdraw_days),
                         UkEvent{id, UkEventType::kWithdraw});
}

void uk_processing_day(World& w) {
  const UkParams& p = w.p.uk;
  w.uk.decision_hazard +=
      1 / std::max(1e-9, p.decision_delay_days.at(w.date) * w.levers.decision_delay_factor);
  w.uk.voluntary_hazard += p.voluntary_per_year / 365.0 * w.levers.voluntary_return_factor;
  while (!w.uk.pending.empty() && w.uk.pending.top().first <= w.uk.decision_hazard) {
    const uint32_t id = w.uk.pending.top().second;
    w.uk.pending.pop();
    if (w.trips[id].stage == TripStage::kUkPending) decide(w, id);
  }
  // Handling an event may file another for today (a detained person refused is removable at
  // once): take today's bucket until it stays empty.
  for (auto today = w.uk.events.take(w.day); !today.empty(); today = w.uk.events.take(w.day))
    for (const UkEvent& e : today) handle(w, e);
  while (!w.uk.voluntary.empty() && w.uk.voluntary.top().first <= w.uk.voluntary_hazard) {
    const uint32_t id = w.uk.voluntary.top().second;
    w.uk.voluntary.pop();
    const Trip& t = w.trips[id];
    if (t.stage == TripStage::kUkRefused || (t.stage == TripStage::kUkStaying && !t.granted))
      leave_uk(w, id, false);
  }
  // Base capacity first, then each measure's, so removals are attributed to what made room.
  remove_from_queue(w, capacity_today(w, p.removal_capacity_per_day, 0xFFFF), -1);
  for (const RemovalCapacity& c : w.levers.removal_capacity)
    remove_from_queue(w, capacity_today(w, c.per_day, c.measure), static_cast<int>(c.measure));
}

}  // namespace smug
