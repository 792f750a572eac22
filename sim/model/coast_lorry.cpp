// The lorry from the coast (issue 19 item 5): an Albanian whose launch the French police stopped,
// and who can pay a lorry crossing, may try a lorry from the northern French ports instead of
// another launch. So when boats get harder, some of those already in France substitute the lorry
// for the boat, which a decision taken at home cannot show: people at home reconsider mostly when
// a tie's crossing prompts them, so fewer crossings mean fewer departures by any route. Off at its
// default, crossing.lorry_after_stop = 0.
#include "model/coast_lorry.hpp"

#include "model/decision.hpp"
#include "model/journey.hpp"
#include "model/world.hpp"

namespace smug {

void declare_coast_lorry(Declare<CrossingParams>& d) {
  d.real("lorry_after_stop", &CrossingParams::lorry_after_stop, "probability", "0", 0, 1,
         "Chance that an Albanian whose launch was stopped, who paid the boat in cash and whose "
         "savings and kin's help reach decision.lorry_price_gbp, tries a lorry from the northern "
         "French ports instead of another launch (0: nobody does)",
         "prior: off by default; lorries and boats leave from the same coast, at GBP 7,000-25,000 "
         "for a lorry (PRESS-PRICES)");
}

bool lorry_from_coast(World& w, uint32_t trip, double u_choose, double u_success) {
  Trip& t = w.trips[trip];
  if (u_choose >= w.p.crossing.lorry_after_stop || t.debt > 0) return false;
  const DecisionParams& p = w.p.decision;
  if (money_for_other_routes(w, t.person) < p.lorry_price_gbp) return false;
  w.rec.add(kCoastLorry, w.day, 1);
  // The boat trip ends here; the lorry's outcome is that of a lorry from Albania.
  come_home(w, trip);
  other_route_outcome(w, t.person, u_success < p.lorry_success);
  return true;
}

}  // namespace smug
