// The crossing. On a viable day fixers put the organisations' waiting clients on boats (as many as
// the fixers can handle), alongside people of other nationalities waiting on the same coast, as
// far as the boat operators' supply of boats allows. The French police stop a share of launches
// (their people wait and retry, or give up and go home); a few people die; the rest reach the UK.
// A stopped launch can cost the organisation (intercept_cost_gbp per client) and make its clients
// wait (intercept_wait_days) before they are boarded again.
#pragma once
#include <string>

#include "params/declare.hpp"

namespace smug {

struct World;

struct CrossingParams : ParamsOf<CrossingParams> {
  double stop_share;           // share of attempts stopped by the French police, before 2022's deal
  double stop_load;            // fall in the stopped share per 1000 people attempting that day
  double give_up;              // chance a stopped Albanian gives up and goes home
  double death_rate;           // deaths per attempt
  Schedule boat_capacity;      // people per boat: an input, as boat supply is not modelled
  Schedule boats_per_day;      // boats the operators can supply per viable day (full scale)
  double launch_share_other;   // share of waiting others who try on a viable day
  double intercept_cost_gbp;   // GBP an organisation loses per client whose launch is stopped
  double intercept_wait_days;  // days before a stopped client can be boarded again
  double lorry_after_stop;     // chance a stopped client who can pay tries a lorry from the coast
  static const Declare<CrossingParams>& table();  // every parameter, with the field it fills
};

// The other nationalities reaching the coast (exogenous; can be switched off).
struct OtherNationalitiesParams : ParamsOf<OtherNationalitiesParams> {
  bool enabled;
  double attempts_per_arrival;  // flow factor on recorded arrivals
  double projection_factor;     // for months beyond the data: the last year's month times this
  std::string series_file;      // the monthly series, which the input loader reads (not the model)
  static const Declare<OtherNationalitiesParams>&
  table();  // every parameter, with the field it fills
};

void other_nationalities_arrive(World& w);
void launch_boats(World& w);

}  // namespace smug
