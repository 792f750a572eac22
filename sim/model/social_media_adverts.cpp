// Adverts on social media at scale (issue 20): from organisations.social_media_from the advert
// saturation one recruiter adds is social_media_reach_factor times reach_per_recruiter. In 2022
// smugglers advertised the crossing, on credit, on TikTok and other platforms to young men across
// northern Albania (GOV-FACTSHEET-NOV22): a change in how the market reaches people, dated by
// the record, rather than a take-off the market reaches by the luck of its own growth. Neutral at
// the default factor 1.
#include "model/organisations.hpp"

namespace smug {

void declare_social_media(Declare<OrgParams>& d) {
  d.date(
       "social_media_from",
       [](OrgParams& p, const ParamValue& v) { p.social_media_from = v.date.value_or(Date{0}); },
       "2022-05-01",
       "Date from which organisations advertise on social media at scale (reach times "
       "social_media_reach_factor): a change in the market's practice, not a measure",
       "prior: GOV-FACTSHEET-NOV22 (adverts on social media offering crossings on credit from "
       "May 2022)")
      .real("social_media_reach_factor", &OrgParams::social_media_reach_factor, "factor", "1", 1,
            100,
            "Factor on reach_per_recruiter from social_media_from (1: adverts reach as before)",
            "prior: no published estimate; one recruiter's posts reach far more people than "
            "word of mouth in a village");
}

double advert_reach(const OrgParams& p, Date today) {
  return today >= p.social_media_from ? p.reach_per_recruiter * p.social_media_reach_factor
                                      : p.reach_per_recruiter;
}

}  // namespace smug
