// The daily output series: names, units and how they aggregate, and the per-replicate recorder.
// Counts are recorded in simulated people and reported at full scale (divided by the scale).
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/check.hpp"

namespace smug {

enum SeriesId : int {
  // Flows (summed over a period), counts of people unless said otherwise.
  kArrivals = 0,     // Albanians arriving in the UK by small boat
  kAttempts,         // Albanians in launched boats
  kAttemptsStopped,  // ... whose launch the French police stopped
  kBoats,            // boats launched carrying Albanians
  kBoatPeople,       // all people (any nationality) on those boats
  kDeaths,
  kConsidering,           // people at home weighing up leaving
  kSignedBoat,            // people who bought the boat route
  kSignedCredit,          // ... of whom on credit (a debt bond)
  kOtherRouteDepartures,  // people who left by lorry or air with false documents
  kLegalDepartures,       // people who left on a legal work visa (what-if)
  kDetectedExit,          // people stopped at Albania's exits
  kGaveUp,                // people who gave up in France and went home
  kClaims,
  kGrants,
  kRefusals,
  kWithdrawals,
  kReturnsEnforced,  // all Albanians, boat arrivals and the other-routes stock
  kReturnsVoluntary,
  kReturns,
  kReturnsBoatArrivals,  // of which people who came by small boat
  kArrests,
  kOrgEntries,
  kOrgDissolutions,
  kDebtRepaid,      // GBP
  kDebtWrittenOff,  // GBP lost to organisations when debtors were returned
  // Levels (averaged over a period).
  kWaitingFrance,
  kPeoplePerBoat,
  kPriceGbp,
  kActiveNetworks,
  kMembers,
  kDebtOutstanding,  // GBP owed by Albanians in the UK to organisations
  kPendingClaims,
  kUkBoatStock,      // Albanian small-boat arrivals still in the UK
  kUkOtherStock,     // Albanians in the UK who came by other routes or overstayed
  kOtherWaiting,     // other nationalities waiting on the coast
  kCreditLossShare,  // share of debt settled lately that was lost to returns
  // Flows again (appended so that the series before keep their numbers): people reaching each of
  // Albania's exits, in Exit order, whether or not a check there stops them (kDetectedExit).
  kLeftAirport,
  kLeftKosovo,
  kLeftMontenegro,
  kLeftGreece,
  // Levels again (appended for the same reason).
  kPublicNewsIntensity,  // lagged, decayed returns and arrivals per 1000 people at risk
  kCampaignReached,      // share of people carrying a campaign's nudge (nudge form)
  kPerceivedReturn,      // mean perceived chance of return of a sample of people at home
  kPerceivedCross,       // ... and of getting across by boat
  kRoadDelayDays,        // flow: days today's land travellers wait at home for a driver, summed
  kDebtBonded,           // level: Albanian boat arrivals in the UK still working off a debt bond
  kPerceivedTrust,       // level: mean trust in smugglers' promises of the belief sample
  kCoastLorry,           // flow: stopped clients who tried a lorry from the coast instead
  kBoatNormShift,        // level: log-odds the public news of many crossings adds to the boat
  kReturnsQuick,         // flow: boat arrivals returned within public_news.quick_days of arriving
  kNumSeries
};

struct SeriesInfo {
  const char* name;
  const char* units;
  const char* long_name;
  bool level;
  bool scaled;  // divided by the scale when reported (counts of people, money)
};
const std::array<SeriesInfo, kNumSeries>& series_info();

// What each measure did, per day: people it detected, members it arrested, removals it added.
enum MeasureSeriesId : int {
  kMeasureDetected = 0,
  kMeasureArrests,
  kMeasureRemovals,
  kNumMeasureSeries
};
const std::array<SeriesInfo, kNumMeasureSeries>& measure_series_info();

class Recorder {
 public:
  Recorder(int ndays, size_t nmeasures);
  void add(SeriesId s, int day, double v) {
    SMUG_CHECK(in_horizon(day), "series day outside the run");
    data_[s][static_cast<size_t>(day)] += v;
  }
  void set(SeriesId s, int day, double v) {
    SMUG_CHECK(in_horizon(day), "series day outside the run");
    data_[s][static_cast<size_t>(day)] = v;
  }
  void add_measure(size_t m, MeasureSeriesId s, int day, double v) {
    SMUG_CHECK(m < measure_.size(), "a measure index past the model's measures");
    SMUG_CHECK(in_horizon(day), "series day outside the run");
    measure_[m][s][static_cast<size_t>(day)] += v;
  }
  const std::vector<double>& series(SeriesId s) const { return data_[s]; }
  const std::vector<double>& measure_series(size_t m, MeasureSeriesId s) const {
    return measure_[m][s];
  }
  size_t nmeasures() const { return measure_.size(); }
  // Divides counts by the scale, once, at the end of a replicate.
  void finish(double scale);

 private:
  bool in_horizon(int day) const { return day >= 0 && static_cast<size_t>(day) < data_[0].size(); }
  std::array<std::vector<double>, kNumSeries> data_;
  std::vector<std::array<std::vector<double>, kNumMeasureSeries>> measure_;
};

}  // namespace smug
