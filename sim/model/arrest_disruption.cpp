// Arrests disrupt an organisation (issue 19 item 3): one that loses members to a measure's
// arrests loses, on top of the members, a share of its recruiters' reach (adverts, buyers' choice)
// and of its fixers' boarding capacity for some weeks. Set in Organisations::arrest, counted down
// in Organisations::week, read by effective_recruiters and boarding_capacity. Neutral at the
// default arrest_disruption_weeks = 0.
#include "model/organisations.hpp"

namespace smug {

void declare_arrest_disruption(Declare<OrgParams>& d) {
  d.integer("arrest_disruption_weeks", &OrgParams::arrest_disruption_weeks, "weeks", "0", 0, 104,
            "Weeks an organisation that lost members to a measure's arrests loses reach "
            "(arrest_disruption_reach); each arrest restarts the count (0: no disruption)",
            "prior: off by default; 4 weeks to replace accounts and contacts")
      .real("arrest_disruption_reach", &OrgParams::arrest_disruption_reach, "share", "0.5", 0, 1,
            "Share of a disrupted organisation's recruiters' reach (adverts and weight in "
            "buyers' choice) lost while the disruption lasts",
            "prior: seized phones and closed accounts")
      .real("arrest_disruption_capacity", &OrgParams::arrest_disruption_capacity, "share", "0.3", 0,
            1,
            "Share of a disrupted organisation's daily boarding capacity (its fixers' work) lost "
            "while the disruption lasts: contacts and safe houses lost with the arrested",
            "prior");
}

}  // namespace smug
