// The policy levers of one day: what the mechanisms read and what the measures change.
// Mechanisms set the base values from their own parameters; each active measure then applies its
// effect (a factor, an addition, or a detector of its own). A measure with zero effect multiplies
// by exactly 1 or adds exactly 0, so it leaves every number bit for bit as it was.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

namespace smug {

// Ways out of Albania towards the Schengen area.
enum Exit : uint8_t { kExitAirport = 0, kExitKosovo, kExitMontenegro, kExitGreece, kNumExits };
const char* exit_name(Exit e);

// Roles of smuggling-network members.
enum Role : uint8_t { kRecruiter = 0, kDriver, kFixer, kBoatLink, kNumRoles };
const char* role_name(Role r);

// A measure's own check on people leaving: each detector draws from the measure's own stream, so
// detections are attributable and do not shift anyone else's random numbers.
struct Detector {
  uint32_t measure = 0;  // index in the measure list
  std::array<double, kNumExits> probability{};
};

// An additional weekly arrest hazard on network members, by role, from one measure.
struct ArrestPressure {
  uint32_t measure = 0;
  std::array<double, kNumRoles> weekly_hazard{};
};

// Extra removal capacity a measure brings (people per day), attributed to that measure.
struct RemovalCapacity {
  uint32_t measure = 0;
  double per_day = 0;
};

// One measure's information campaign today (campaigns.separate: each reaches people on its own).
struct CampaignStrength {
  uint32_t measure = 0;
  double strength = 0;
};

struct Levers {
  // Journey: detection at exits (one detector per active measure).
  std::vector<Detector> detectors;
  // Crossing: odds multiplier on the share of launches the French police stop.
  double patrol_odds_factor = 1;
  // UK processing.
  double decision_delay_factor = 1;  // on the mean days to an initial asylum decision
  double grant_rate_factor = 1;      // on the chance a decision grants protection or leave
  double slavery_referral_factor = 1;
  double removal_delay_factor = 1;  // on the days from refusal to removability
  double detention_share_add = 0;   // share of new arrivals detained for fast-track removal
  double voluntary_return_factor = 1;
  std::vector<RemovalCapacity> removal_capacity;  // beyond the base capacity
  // Other-routes stock: offenders' removal rate.
  double stock_removal_factor = 1;
  // Networks.
  std::vector<ArrestPressure> arrests;
  // Beliefs: government information campaigns shift priors towards the truth of returns.
  std::vector<CampaignStrength> campaigns;  // today's campaigns, measure by measure
  void add_campaign(uint32_t measure, double strength) {
    if (strength > 0) campaigns.push_back(CampaignStrength{measure, strength});
  }
  // All campaigns' strengths together (capped at 1 where they share one reach).
  double campaign_pressure() const {
    double sum = 0;
    for (const CampaignStrength& c : campaigns) sum += c.strength;
    return sum;
  }
  // Prospects at home: development programmes, per county mask.
  uint32_t development_counties = 0;  // bit per county
  double development_reach = 0;       // share of people in those counties reached
  double development_wage_boost = 0;  // relative rise in home prospects for those reached
  // Legal work route (what-if): visas per day at full scale.
  double legal_visas_per_day = 0;
  uint32_t legal_route_measure = 0;
};

}  // namespace smug
