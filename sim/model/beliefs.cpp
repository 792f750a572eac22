#include "model/beliefs.hpp"

#include <algorithm>
#include <cmath>

#include "params/declare.hpp"

namespace smug {

const Declare<BeliefParams>& BeliefParams::table() {
  static const Declare<BeliefParams> d =
      Declare<BeliefParams>("beliefs",
                            "Perceptions of the journey and of life in the UK, and their decay")
          .real("p_cross_base", &BeliefParams::p_cross_base, "probability", "0.45", 0, 1,
                "Perceived chance of getting across by small boat, before any adverts or news",
                "prior")
          .real("p_return_base", &BeliefParams::p_return_base, "probability", "0.15", 0, 1,
                "Perceived chance of being returned to Albania after arriving", "prior")
          .real("uk_wage_base_gbp", &BeliefParams::uk_wage_base_gbp, "GBP per month", "1400", 100,
                10000, "Perceived monthly earnings in the UK (cash work, cannabis farms)",
                "prior: press reporting of cash-in-hand work")
          .real("trust_base", &BeliefParams::trust_base, "share", "0.4", 0, 1,
                "Trust in smugglers' promises (safe crossing, easy work, fair debt)", "prior")
          .real(
              "advert_p_cross", &BeliefParams::advert_p_cross, "probability", "0.35", 0, 1,
              "Rise in the perceived chance of crossing when smugglers' adverts saturate a county",
              "prior: social-media adverts promising crossings (GOV-FACTSHEET-NOV22)")
          .real("advert_trust", &BeliefParams::advert_trust, "share", "0.35", 0, 1,
                "Rise in trust when smugglers' adverts saturate a county", "prior")
          .real(
              "campaign_p_return", &BeliefParams::campaign_p_return, "probability", "0.9", 0, 1,
              "Rise in the perceived chance of return under a full government information campaign",
              "prior: Albanian-language adverts warning against crossing (PRESS-AUG22)")
          .real("campaign_trust", &BeliefParams::campaign_trust, "share", "0.2", 0, 1,
                "Fall in trust under a full information campaign", "prior")
          .real("decay_days", &BeliefParams::decay_days, "days", "240", 7, 3650,
                "Time constant over which news learnt from one's ties fades back to the county's "
                "view",
                "prior");
  return d;
}

Beliefs::Beliefs(const BeliefParams& p, uint32_t n) : p_(p), decay_(kDecayTable), personal_(n) {
  for (int age = 0; age < kDecayTable; ++age)
    decay_[static_cast<size_t>(age)] = static_cast<float>(std::exp(-age / p_.decay_days));
  set_media(MediaState{});
}

void Beliefs::set_media(const MediaState& m) {
  for (int c = 0; c < kNumCounties; ++c) {
    const double a = m.advert[c];
    BeliefVec& b = prior_[c];
    b[kPCross] = static_cast<float>(
        std::clamp(p_.p_cross_base + p_.advert_p_cross * a + m.news_p_cross, 0.0, 1.0));
    // The additions are exactly 0 unless their mechanisms are on, which leaves the sum's bits.
    b[kPReturn] = static_cast<float>(std::clamp(
        p_.p_return_base + p_.campaign_p_return * m.campaign + (m.nudge_p_return + m.news_p_return),
        0.0, 1.0));
    b[kUkWage] = static_cast<float>(p_.uk_wage_base_gbp);
    b[kTrust] = static_cast<float>(std::clamp(
        p_.trust_base + p_.advert_trust * a - p_.campaign_trust * m.campaign + m.news_trust, 0.0,
        1.0));
  }
}

void Beliefs::learn(uint32_t i, int day, int county, const BeliefVec& signal,
                    const BeliefVec& weight) {
  const BeliefVec now = read(i, day, county);
  const BeliefVec& pr = prior_[county];
  Personal& r = personal_[i];
  for (int k = 0; k < kNumBeliefs; ++k)
    r.dev[k] = now[k] + weight[k] * (signal[k] - now[k]) - pr[k];
  r.last = day;
}

}  // namespace smug
