// Public news of returns: what the press, television and word of mouth beyond one's own ties say
// about small-boat arrivals being sent back. Its intensity follows the model's own recent events
// (returns of boat arrivals, enforced returns on flights, and crossings), seen after a lag and
// fading exponentially; it moves every county's perceived chance of return (the prior of
// kPReturn) from p_return_base towards the returns per arrival it reports, the more the louder
// the news is. Off by default ([public_news] enabled = false): then it only records its intensity.
// With gain_cross above 0 it also moves the perceived chance of getting across (kPCross) from
// p_cross_base towards the share of launched Albanians who reached the UK: French interceptions
// are then learnt as well as suffered.
// With gain_debt above 0 it also carries the debts of those who crossed on credit: the more of
// the Albanian boat arrivals in the UK are working off a debt bond, and the more of them there
// are, the lower the trust at home in smugglers' promises (kTrust), which makes credit dearer and
// the boat less attractive. A surge bought on credit thus reports its own cost home, after the
// lag and whatever the measures do.
// With gain_norm above 0 it also carries the crowd: recent arrivals (with their own, shorter
// memory, norm_decay_days) raise the log-odds of the boat for everyone at home (w.media.news_norm,
// recorded as boat_norm_shift), saturating at gain_norm. Seeing many leave makes leaving the norm
// (cumulative causation): the surge builds on itself beyond one's own ties, and fades with it.
// With quick_days above 0 the returns it reports are only those of boat arrivals sent back within
// quick_days of arriving (recorded as returns_quick): what awaits someone who crosses now is told
// by those who crossed lately, not by the removal of people who came years ago. A fast track
// (detention, quick decisions, removal flights) is then news at home; a removal of the old stock
// is not.
#pragma once
#include "params/declare.hpp"

namespace smug {

struct World;

struct PublicNewsParams : ParamsOf<PublicNewsParams> {
  bool enabled;
  int lag_days;               // days before an event reaches the public channel
  double decay_days;          // time constant over which the channel forgets an event
  double other_return_share;  // weight of an enforced return of someone who did not come by boat
  double gain;                // largest share of the gap to the reported truth the channel closes
  double half_intensity;      // intensity (events per 1000 people at risk) at half of gain
  double gain_cross;          // the same for the perceived chance of getting across (0: off)
  double gain_debt;           // largest fall in trust when every arrival is in debt (0: off)
  double half_debtors;        // debtors in the UK per 1000 people at half of gain_debt
  int debt_lag_days;          // days before a debtor's situation reaches the channel
  double gain_norm;           // largest rise in the boat's log-odds from news of crossings
  double half_norm;           // arrivals in the news per 1000 people at half of gain_norm
  double norm_decay_days;     // time constant over which the crowd of crossings is forgotten
  int quick_days;             // only returns this soon after arrival are news (0: every return)
  static const Declare<PublicNewsParams>& table();  // every parameter, with the field it fills
  // Whether the channel reports quick returns (and the UK side records them).
  bool reports_quick() const { return enabled && quick_days > 0; }
};

// The channel's memory: lagged, exponentially decayed counts of events (simulated people).
struct PublicNewsState {
  double returns = 0;   // returns of boat arrivals, plus other enforced returns at their weight
                        // (with quick_days: quick returns alone)
  double arrivals = 0;  // Albanian small-boat arrivals
  double attempts = 0;  // Albanians in launched boats, stopped or not
  double crowd = 0;     // Albanian small-boat arrivals again, forgotten at norm_decay_days
};

// Today's intensity and its shifts of the perceived chances of return and of getting across
// and of trust in smugglers (w.media.news_p_return, news_p_cross, news_trust);
// reads the recorder's series of lag_days ago, so it runs before today's mechanisms.
void public_news_day(World& w);

}  // namespace smug
