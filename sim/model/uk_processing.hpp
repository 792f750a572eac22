// UK processing of Albanian small-boat arrivals: asylum claim or none, modern-slavery referral,
// detention for fast-track, initial decision (grant or refusal), withdrawal, removal with limited
// capacity and delay, voluntary return, and for those who stay: work, debt repaid to the
// organisation, and news home.
//
// Decisions and voluntary returns are hazards whose rate the measures change (a fast-track unit
// speeds up every pending claim, not only new ones). Each trip draws an exponential threshold of
// cumulative hazard when it enters the state; the event fires on the day the state's cumulative
// hazard passes it. Only trips whose events fire are touched.
#pragma once
#include <cstdint>

#include "params/declare.hpp"

namespace smug {

struct World;

struct UkParams : ParamsOf<UkParams> {
  double claim_share, slavery_referral_share, slavery_extra_days;
  Schedule decision_delay_days;
  Schedule grant_rate;
  double withdrawal_per_year, withdrawn_abscond, locate_share;
  double removal_delay_days, removal_capacity_per_day, detention_decision_days;
  double voluntary_per_year, debt_repay_share, news_interval_days;
  static const Declare<UkParams>& table();  // every parameter, with the field it fills
};

void arrive_in_uk(World& w, uint32_t trip);
// Today's decisions, withdrawals, removals, voluntary returns, repayments and news home.
void uk_processing_day(World& w);

}  // namespace smug
