// The synthetic population at risk: Albanian residents aged 18-44, one agent per person at full
// scale, stored as arrays of small records grouped by which pass reads them (the decision loop
// touches a few fields of many people at random, so each group is one cache line).
//
// Assumptions (see docs/model.md): the population at risk is the census total times the share aged
// 18-44 (population.at_risk_share); it is split over the twelve counties by their census
// populations; people are laid out county by county and village by village, so a village is a
// contiguous index range and ties need no storage (see network.hpp).
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/huge_pages.hpp"
#include "core/rng.hpp"
#include "params/declare.hpp"

namespace smug {

constexpr int kNumCounties = 12;

struct County {
  const char* name;
  double census_population;  // CENSUS-COUNTY (approximate; Kukes exact)
  bool north_east;           // Kukes and Diber: far higher propensity to leave
  bool north;                // Shkoder and Lezhe: intermediate
};
const std::array<County, kNumCounties>& counties();
int county_index(const std::string& name);  // -1 if unknown

enum class Status : uint8_t { kHome = 0, kTravelling, kInFrance, kInUk, kDead, kAbroadLegal };

struct PopulationParams : ParamsOf<PopulationParams> {
  double census_total;
  double at_risk_share;
  double male_share;
  double ne_propensity, north_propensity;
  double unemployment_ne, unemployment_other;
  double wage_ne_gbp, wage_other_gbp;
  double kin_uk_share_ne, kin_uk_share_other;
  double family_money_gbp;
  double savings_months;       // months of wages put by towards a journey
  double family_money_log_sd;  // spread of family money (log-normal)
  int young_below_age;         // ages below it count as young for work
  double unemployment_young_factor, unemployment_older_factor, unemployment_cap;
  double wage_log_sd;  // spread of wages (log-normal)
  int village_size;
  static const Declare<PopulationParams>& table();  // every parameter, with the field it fills
};

// The fields the daily decision loop reads for everyone it picks, packed so that one cache line
// serves them (the loop is bound by memory latency, not arithmetic).
struct PersonHot {
  Status status = Status::kHome;
  uint8_t county = 0;
  // Ties who went to the UK by small boat (capped at 255): word of mouth that can put the person in
  // touch with a smuggler. Zero at the start; news of a crossing adds one, of a return removes one.
  uint8_t uk_ties = 0;
  uint8_t kin_uk = 0;  // long-standing kin in the UK (2020): help with money, not with smugglers
  float savings = 0;   // GBP the person and family can raise: wages put by plus family money
};

// The fixed traits a decision reads once a person is past its gate, together in one record (16
// bytes, never across two cache lines): in separate arrays each was a cache miss of its own.
struct alignas(16) PersonTraits {
  float home_wage = 0;  // GBP per month (0 when unemployed: informal income is in decision)
  float risk = 0;       // standard-normal risk aversion: higher is more cautious
  uint8_t age = 18;     // years, 18..44
  uint8_t male = 0;     // 0/1
};

struct Population {
  // Per person: what every pick reads, and what a decision past the gate reads.
  PersonArray<PersonHot> hot;
  PersonArray<PersonTraits> traits;
  // Per county: index ranges and propensity weight.
  std::array<uint32_t, kNumCounties + 1> county_begin{};
  std::array<double, kNumCounties> propensity{};
  std::array<double, kNumCounties> log_propensity{};  // log of the above, read by every decision
  int village_size = 400;
  double scale = 1;

  uint32_t size() const { return static_cast<uint32_t>(hot.size()); }
  uint32_t village_begin(uint32_t i) const;
  uint32_t village_end(uint32_t i) const;

  static Population generate(const PopulationParams& p, double scale, StreamKey key);
  size_t bytes() const;
};

// People at risk in county c at this scale: how generate() sizes the counties, exposed so that a
// run's memory can be estimated before any replicate allocates it.
uint32_t county_people(const PopulationParams& p, double scale, int c);
uint64_t people_at_scale(const PopulationParams& p, double scale);

}  // namespace smug
