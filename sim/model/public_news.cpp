#include "model/public_news.hpp"

#include <algorithm>
#include <cmath>

#include "model/world.hpp"
#include "params/declare.hpp"

namespace smug {

const Declare<PublicNewsParams>& PublicNewsParams::table() {
  static const Declare<PublicNewsParams> d =
      Declare<PublicNewsParams>(
          "public_news",
          "News of returns and crossings in the press and by word of mouth beyond one's ties, "
          "moving the perceived chance of return towards the returns per arrival it reports")
          .flag("enabled", &PublicNewsParams::enabled, "false",
                "Whether the public channel moves the perceived chance of return (its intensity "
                "is recorded either way)",
                "MODEL")
          .integer("lag_days", &PublicNewsParams::lag_days, "days", "14", 1, 365,
                   "Days before a return or an arrival reaches the public channel",
                   "prior: removal flights were reported in the Albanian press within days, and "
                   "talk spreads over weeks (PRESS-AUG22, SEED-PRESS-OCT23)")
          .real("decay_days", &PublicNewsParams::decay_days, "days", "60", 1, 3650,
                "Time constant over which the public channel forgets an event", "prior")
          .real("other_return_share", &PublicNewsParams::other_return_share, "share", "0.5", 0, 1,
                "Weight of an enforced return of an Albanian who did not come by boat, against "
                "one who did (both fly home on the same removal flights)",
                "prior")
          .real("gain", &PublicNewsParams::gain, "share", "0.5", 0, 1,
                "Largest share of the gap between p_return_base and the returns per arrival "
                "reported that the channel closes when the news saturates",
                "prior")
          .real("half_intensity", &PublicNewsParams::half_intensity,
                "events per 1000 people at risk", "2", 0.001, 1000,
                "Intensity (decayed returns and arrivals per 1000 people simulated) at which the "
                "channel closes half of gain",
                "prior: of the order of the 2022 arrivals per 1000 of the population at risk")
          .real("gain_cross", &PublicNewsParams::gain_cross, "share", "0", 0, 1,
                "Largest share of the gap between p_cross_base and the share of launched "
                "Albanians who reached the UK that the channel closes when the news saturates (0: "
                "the channel says nothing of crossings' success)",
                "prior: no published estimate, off by default; what it reports is the model's own "
                "share (PRESS-FRANCE: 42-61% of attempts stopped in 2022)")
          .real("gain_debt", &PublicNewsParams::gain_debt, "share", "0", 0, 1,
                "Largest fall in trust in smugglers' promises when the news of debt bonds "
                "saturates and every Albanian boat arrival in the UK still owes a debt (0: the "
                "channel says nothing of debts)",
                "prior: no published estimate, off by default; press reporting of Albanians "
                "working off smuggling debts on cannabis farms (SEED-NEWS-MAY24, PRESS-NETWORKS)")
          .real("half_debtors", &PublicNewsParams::half_debtors, "debtors per 1000 people at risk",
                "2", 0.001, 1000,
                "Albanian boat arrivals in the UK working off a debt, per 1000 people simulated, "
                "at which the news of debts is half as loud as it can be",
                "prior: of the order of the 2022 arrivals per 1000 of the population at risk")
          .integer("debt_lag_days", &PublicNewsParams::debt_lag_days, "days", "14", 1, 365,
                   "Days before the debts of the arrivals in the UK reach the public channel (a "
                   "debt bond shows in the work and the pay reported home, not on arrival)",
                   "prior: the same as lag_days by default; bonded workers report home over "
                   "months (SEED-NEWS-MAY24)")
          .real("gain_norm", &PublicNewsParams::gain_norm, "log-odds", "0", 0, 10,
                "Largest rise in the log-odds of the boat that news of many recent crossings "
                "brings (everyone is going: cumulative causation), reached when the arrivals in "
                "the news saturate (0: off)",
                "prior: no published estimate, off by default; MODEL (the 2022 surge builds on "
                "itself)")
          .real("half_norm", &PublicNewsParams::half_norm, "arrivals per 1000 people at risk", "5",
                0.001, 1000,
                "Arrivals in the public news (lagged, decayed) per 1000 people simulated at which "
                "the rise is half of gain_norm",
                "prior: of the order of the 2022 arrivals per 1000 of the population at risk")
          .real("norm_decay_days", &PublicNewsParams::norm_decay_days, "days", "30", 1, 3650,
                "Time constant over which the news of many crossings fades (videos of arrivals "
                "are news while they are recent)",
                "prior")
          .integer("quick_days", &PublicNewsParams::quick_days, "days", "0", 0, 3650,
                   "Only returns of boat arrivals within this many days of arriving are news of "
                   "returns (0: every return of a boat arrival, and other enforced returns at "
                   "other_return_share)",
                   "prior: the Communique's fast track was reported as removals within days or "
                   "weeks of arrival (PRESS-AUG22, SEED-PRESS-OCT23); no published estimate of "
                   "how far back the news looks");
  return d;
}

namespace {

// The fall in trust that news of debt bonds brings: the share of arrivals in the UK who owe a
// debt, as loud as there are debtors per person at home.
double debt_news(const PublicNewsParams& p, double debtors, double in_uk, uint32_t people) {
  const double share = in_uk > 0 ? debtors / in_uk : 0;
  const double loud = 1 - std::exp2(-1000 * debtors / std::max(1u, people) / p.half_debtors);
  return -p.gain_debt * loud * share;
}

}  // namespace

void public_news_day(World& w) {
  const PublicNewsParams& p = w.p.public_news;
  PublicNewsState& s = w.public_news;
  const int seen = w.day - p.lag_days;  // the day whose events reach the channel today
  const double keep = std::exp(-1.0 / p.decay_days);
  s.returns *= keep;
  s.arrivals *= keep;
  s.attempts *= keep;
  s.crowd *= std::exp(-1.0 / p.norm_decay_days);
  // A series' value on an earlier day (day >= 0).
  const auto at = [&](SeriesId k, int day) { return w.rec.series(k)[static_cast<size_t>(day)]; };
  if (seen >= 0) {
    const double boat = at(kReturnsBoatArrivals, seen);
    // (Quick returns are recorded only while the channel is on: off, it counts as before.)
    s.returns += p.reports_quick() ? at(kReturnsQuick, seen)
                                   : boat + p.other_return_share *
                                                std::max(0.0, at(kReturnsEnforced, seen) - boat);
    s.arrivals += at(kArrivals, seen);
    s.crowd += at(kArrivals, seen);
    s.attempts += at(kAttempts, seen);
  }
  // Counts are in simulated people, as is the population: the intensity does not depend on scale.
  const double intensity = 1000 * (s.returns + s.arrivals) / std::max(1u, w.pop.size());
  w.rec.set(kPublicNewsIntensity, w.day, intensity);
  if (!p.enabled) return;
  const double base = w.p.beliefs.p_return_base;
  const double truth = s.arrivals > 0 ? std::min(1.0, s.returns / s.arrivals) : base;
  const double on = 1 - std::exp2(-intensity / p.half_intensity);  // how loud the news is
  w.media.news_p_return = p.gain * on * (truth - base);
  const int seen_debt = w.day - p.debt_lag_days;
  if (p.gain_debt > 0 && seen_debt >= 0)
    w.media.news_trust =
        debt_news(p, at(kDebtBonded, seen_debt), at(kUkBoatStock, seen_debt), w.pop.size());
  const double crowd = 1000 * s.crowd / std::max(1u, w.pop.size());
  w.media.news_norm = p.gain_norm * (1 - std::exp2(-crowd / p.half_norm));
  w.rec.set(kBoatNormShift, w.day, w.media.news_norm);
  if (p.gain_cross <= 0 || s.attempts <= 0) return;
  const double cross_base = w.p.beliefs.p_cross_base;
  const double cross_truth = std::min(1.0, s.arrivals / s.attempts);
  w.media.news_p_cross = p.gain_cross * on * (cross_truth - cross_base);
}

}  // namespace smug
