// Drivers' capacity on the road to France (issue 19 item 2): an organisation's drivers take at
// most travellers_per_driver_week of its clients a week each from Albania's land exits to northern
// France; clients beyond that wait their turn at home, so arrests of drivers (the taskforce, the
// Kosovo drones) lengthen the road rather than only removing members. Flyers do not need drivers.
// Each organisation keeps the day its drivers next have room; a client leaves on that day (or
// today, if later) and moves it on by one place. Neutral (nobody waits) at the default 0.
#include <algorithm>

#include "model/organisations.hpp"

namespace smug {

void declare_road_capacity(Declare<OrgParams>& d) {
  d.real("travellers_per_driver_week", &OrgParams::travellers_per_driver_week,
         "people per driver per week", "0", 0, 1000,
         "Clients one driver takes from Albania's land exits to northern France a week; clients "
         "beyond the drivers' capacity wait at home for their turn (0: no limit)",
         "prior: no published figure; PRESS-NETWORKS (drivers and safe houses on the routes)");
}

int Organisations::road_departure(int o, int today) {
  if (p_.travellers_per_driver_week <= 0) return today;
  Organisation& g = orgs_[static_cast<size_t>(o)];
  // Places a day, in simulated clients; without drivers a client waits a week per place.
  const double per_day = g.members[kDriver] * p_.travellers_per_driver_week / 7 * scale_;
  const double leave = std::max(static_cast<double>(today), g.road_free_day);
  g.road_free_day = leave + (per_day > 0 ? 1 / per_day : 7.0);
  return static_cast<int>(leave);
}

}  // namespace smug
