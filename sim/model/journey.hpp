// The journey out: a person who has bought the boat route leaves Albania by one of its exits
// (where measures' checks may stop them and send them home), travels to northern France by bus or
// air, and joins their organisation's queue on the coast. Boat-route buyers choose their exit by
// its share times exp(-exit_risk_aversion * the detection rate learned there), so a riskier exit
// loses travellers to the others (at aversion 0, by the shares alone). A person stopped at an exit
// loses exit_loss_share of the price from their savings (the organisation keeps what was paid) and
// cannot leave again for exit_ban_days; after that they may decide to try again. Lorry and air
// routes with false documents go straight to the UK or fail; their arrivals join the other-routes
// stock.
#pragma once
#include <array>
#include <cstdint>

#include "core/rng.hpp"
#include "model/levers.hpp"
#include "params/declare.hpp"

namespace smug {

struct World;

struct JourneyParams : ParamsOf<JourneyParams> {
  std::array<double, kNumExits> exit_share;
  double travel_days_land, travel_days_air;
  double exit_risk_aversion;  // on the learned detection rate, in the choice of exit
  double exit_risk_days;      // time constant of that learning
  double exit_ban_days;       // days a person stopped at an exit cannot try again
  double exit_loss_share;     // share of the price a person stopped at an exit loses
  static const Declare<JourneyParams>& table();  // every parameter, with the field it fills
};

void start_boat_trip(World& w, uint32_t person, int org, double price, bool paid, Stream& s);
void start_other_route(World& w, uint32_t person, double success, Exit exit, Stream& s);
// A lorry or a flight's outcome for a person at home: through, they join the UK's other-routes
// stock; stopped, they stay home. Either way their ties hear of it.
void other_route_outcome(World& w, uint32_t person, bool through);
// Trips reaching the coast today join their organisation's queue.
void reach_coast(World& w);
// Ends a trip and sends the person home (stopped, returned, gave up).
void come_home(World& w, uint32_t trip);
// End of day: what was seen at each exit today updates the learned detection rates.
void learn_exit_risk(World& w);

}  // namespace smug
