// The decision to leave. A person at home considers leaving now and then (a slow background rate,
// plus whenever news from a tie prompts them). They compare the expected gain of each route
// (perceived chance of getting across, of being allowed to stay, UK earnings over a horizon) with
// its price, the cost of debt, and their prospects at home, and choose among staying, the small
// boat (if someone offers it: adverts or ties in the UK), a lorry, or air with false documents.
#pragma once
#include <cstdint>

#include "params/declare.hpp"

namespace smug {

struct World;
struct MediaState;

struct DecisionParams : ParamsOf<DecisionParams> {
  double reconsider_interval_days, horizon_months, intercept, gain_weight;
  double female_shift, age_decline, risk_weight, trust_weight;
  double informal_income_gbp, bus_cost_gbp, kin_help_gbp;
  double debt_premium;
  double offer_advert, offer_per_tie;
  double lorry_price_gbp, lorry_success, lorry_shift;
  double air_price_gbp, air_success, air_shift;
  double risk_reference;  // the intercept's risk aversion (SD), as reference_age is its age
  double trust_centre;    // trust at which trust_weight neither adds nor takes away
  int reference_age;      // the intercept's age, above which age_decline applies
  double season_weight;   // log-odds of the boat per unit of viability ahead above the mean
  int season_plan_days;   // how far ahead people look at the crossing weather
  static const Declare<DecisionParams>& table();  // every parameter, with the field it fills
};

enum class Choice : uint8_t { kStay, kBoat, kLorry, kAir };

// Today's chances of no offer of the boat from adverts, by county, from today's adverts.
void offer_chances_today(World& w);
// The chances of no offer from t ties who crossed, fixed for a run (filled when a world is made).
void offer_chances_for_ties(const DecisionParams& p, MediaState& m);

// What person i can put towards a lorry or a flight: savings and what kin and ties in the UK lend.
double money_for_other_routes(const World& w, uint32_t i);

// Person i (at home) weighs up leaving today and acts on the choice.
void consider(World& w, uint32_t i);
// consider() for each of these people in order, fetching their data from memory ahead.
void consider_all(World& w, const std::vector<uint32_t>& people);

// Today's background reconsiderations: a number drawn for the whole population, people picked at
// random by index; those not at home are skipped. Cost is proportional to people picked.
void background_considerations(World& w);

}  // namespace smug
