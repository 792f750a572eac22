// Government information campaigns. Each measure's `campaign` schedule adds to the day's campaign
// pressure (Levers::campaign_pressure(), 0..1 once capped). In the old form (the default) the
// capped pressure moves every county's priors every day it lasts, by beliefs.campaign_p_return and
// beliefs.campaign_trust: a national step that ends only when the schedule does. In the nudge form
// ([campaigns] nudge = true) a campaign reaches a share of people per day (reach times its
// strength); those reached perceive a higher chance of return, by nudge_p_return, which fades with
// decay_days. [campaigns] enabled = false turns every campaign's effect off.
// With [campaigns] separate = true (nudge form), each measure's campaign has its own reached share,
// from its own strength capped at 1, and the nudges add up: the Joint Communique's message ("you
// will be returned within days") is heard beside the August 2022 deal's instead of vanishing under
// the shared cap of the pressure.
#pragma once
#include <vector>

#include "params/declare.hpp"

namespace smug {

struct World;

struct CampaignParams : ParamsOf<CampaignParams> {
  bool enabled;           // false: no campaign has any effect
  bool nudge;             // true: the reach-limited, decaying form
  double reach;           // share of the not-yet-reached reached per day at full strength
  double decay_days;      // time constant of a nudge's effect on a person
  double nudge_p_return;  // rise in a reached person's perceived chance of return
  bool separate;          // true: each measure's campaign reaches people on its own
  static const Declare<CampaignParams>& table();  // every parameter, with the field it fills
};

// The national share of people currently carrying a campaign's nudge. One share, not a draw per
// person: every person's prior moves by the reached share times the nudge, which is the mean of
// the nudges a random share would carry. It is an approximation (the choice is a logit in the
// belief, so spreading the nudge evenly is not quite the same as giving it in full to a few), and
// what it buys is no random numbers, no per-person state and nothing on the decision's hot path.
struct CampaignState {
  double reached = 0;              // shared form; separate: the sum of by_measure
  std::vector<double> by_measure;  // separate form: each measure's reached share
};

// Sets today's campaign terms of the media (w.media.campaign, w.media.nudge_p_return).
void campaigns_day(World& w);

}  // namespace smug
