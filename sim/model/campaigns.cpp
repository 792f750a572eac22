#include "model/campaigns.hpp"

#include <algorithm>
#include <cmath>

#include "model/world.hpp"
#include "params/declare.hpp"

namespace smug {

const Declare<CampaignParams>& CampaignParams::table() {
  static const Declare<CampaignParams> d =
      Declare<CampaignParams>("campaigns",
                              "Government information campaigns: on or off, and their form (a "
                              "national step while they last, or a reach-limited decaying nudge)")
          .flag("enabled", &CampaignParams::enabled, "true",
                "Whether information campaigns have any effect (false turns every measure's "
                "campaign off)",
                "MODEL")
          .flag("nudge", &CampaignParams::nudge, "false",
                "Campaigns as a reach-limited nudge that fades (true) rather than the step on "
                "every county's priors while the campaign lasts (false)",
                "MODEL")
          .real("reach", &CampaignParams::reach, "share per day", "0.005", 0, 1,
                "Share of the people not yet reached whom a campaign at full strength reaches "
                "each day (nudge form)",
                "prior: evaluated campaigns reached event participants in targeted communities "
                "(TJADEN-2018, TJADEN-GNINAFON-2022)")
          .real("decay_days", &CampaignParams::decay_days, "days", "90", 7, 3650,
                "Time constant over which a campaign's nudge fades from a person (nudge form)",
                "prior: effects still measured at 3 months (TJADEN-DUNSCH-2021) and at 1 month "
                "(BATTISTON-AEARCTR-4062); no evaluation followed beliefs for longer")
          .real("nudge_p_return", &CampaignParams::nudge_p_return, "probability", "0.05", 0, 0.2,
                "Rise in the perceived chance of return of a person a campaign reached (nudge "
                "form)",
                "prior: modest shifts in risk perception among participants (TJADEN-DUNSCH-2021, "
                "DUNSCH-2019, TJADEN-GNINAFON-2022); see docs/campaign_evidence.md")
          .flag("separate", &CampaignParams::separate, "false",
                "Each measure's campaign reaches people on its own and the nudges add up (true), "
                "rather than all campaigns sharing one pressure capped at 1 and one reached share "
                "(false; nudge form)",
                "MODEL: the evaluations bound each campaign's effect, not the sum of several "
                "campaigns with different messages (docs/campaign_evidence.md)");
  return d;
}

namespace {

// Each measure's reached share fades and grows as the shared one does, from its own strength;
// the nudge is the sum of theirs.
void separate_campaigns_day(World& w) {
  const CampaignParams& p = w.p.campaigns;
  std::vector<double>& by = w.campaign.by_measure;
  const double keep = std::exp(-1.0 / p.decay_days);
  for (double& r : by) r *= keep;
  for (const CampaignStrength& c : w.levers.campaigns) {
    if (c.measure >= by.size()) by.resize(c.measure + 1, 0.0);
    by[c.measure] += p.reach * std::min(1.0, c.strength) * (1 - by[c.measure]);
  }
  double sum = 0;
  for (double r : by) sum += r;
  w.campaign.reached = sum;
  w.media.nudge_p_return = p.nudge_p_return * sum;
}

}  // namespace

void campaigns_day(World& w) {
  const CampaignParams& p = w.p.campaigns;
  const double strength = std::min(1.0, w.levers.campaign_pressure());
  if (!p.enabled) {
    w.media.campaign = 0;
    w.media.nudge_p_return = 0;
    return;
  }
  if (!p.nudge) {
    w.media.campaign = strength;
    return;
  }
  w.media.campaign = 0;
  if (p.separate) {
    separate_campaigns_day(w);
    return;
  }
  // Those reached forget, then today's campaigns reach a share of those who are not.
  double& r = w.campaign.reached;
  r *= std::exp(-1.0 / p.decay_days);
  r += p.reach * strength * (1 - r);
  w.media.nudge_p_return = p.nudge_p_return * r;
}

}  // namespace smug
