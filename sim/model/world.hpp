// The state of one replicate: every mechanism's state side by side, plus the day's levers and the
// recorder. Mechanisms are functions over the world, each in its own file; the daily order of
// steps is in simulation.cpp.
#pragma once
#include <array>
#include <memory>
#include <queue>
#include <span>
#include <vector>

#include "core/date.hpp"
#include "core/rng.hpp"
#include "model/beliefs.hpp"
#include "model/calendar.hpp"
#include "model/campaigns.hpp"
#include "model/measure.hpp"
#include "model/model_params.hpp"
#include "model/network.hpp"
#include "model/organisations.hpp"
#include "model/population.hpp"
#include "model/public_news.hpp"
#include "model/series.hpp"
#include "model/trip.hpp"
#include "model/weather.hpp"

namespace smug {

// Exogenous inputs that are data, not parameters (the model library reads no files).
struct ModelInputs {
  // All-nationality small-boat arrivals per month from other_first_month on (HO-DAILY).
  Date other_first_month = from_ymd(2020, 1, 1);
  std::vector<double> other_monthly_people;
};

enum class UkEventType : uint8_t { kWithdraw, kRemovable, kMonthly, kDetainedDecision };
struct UkEvent {
  uint32_t trip;
  UkEventType type;
};

// Trips ordered by the cumulative hazard at which their next event fires (see uk_processing.cpp).
using HazardQueue =
    std::priority_queue<std::pair<double, uint32_t>, std::vector<std::pair<double, uint32_t>>,
                        std::greater<std::pair<double, uint32_t>>>;

struct UkState {
  double decision_hazard = 0;  // cumulative hazard of an initial decision since the start
  double voluntary_hazard = 0;
  HazardQueue pending;    // trips awaiting an initial decision
  HazardQueue voluntary;  // trips that may leave voluntarily (refused, absconded)
  std::deque<uint32_t> removal_queue;
  Calendar<UkEvent> events;
  int pending_count = 0;
  int in_uk = 0;
  double debt_outstanding = 0;  // GBP, simulated
  int in_debt = 0;              // of in_uk, those still owing a debt bond
  explicit UkState(int ndays) : events(ndays) {}
};

struct StockState {
  double people = 0;  // simulated people (full scale times the scale)
};

struct CoastState {
  double other_waiting = 0;  // other nationalities waiting, simulated people
  double last_people_per_boat = 0;
  bool launched_today = false;
};

// What buyers and organisations have learned of the checks at each exit: an exponentially
// averaged share of the people reaching it who were stopped (see journey.cpp).
struct ExitRiskState {
  std::array<double, kNumExits> perceived{};  // learned detection rate per exit
  std::array<double, kNumExits> reached{};    // today's people at each exit (simulated)
  std::array<double, kNumExits> stopped{};    // ... of whom stopped
};

struct World {
  World(const ModelParams& params, const ModelInputs& inputs,
        std::span<const Measure* const> measures, StreamKey key, Date start, int ndays,
        double scale);

  const ModelParams& p;
  const ModelInputs& in;
  std::span<const Measure* const> measures;  // the model's, in their fixed order
  StreamKey key;
  Date start;
  int ndays;
  double scale;
  int day = 0;  // offset from start
  Date date;

  Population pop;
  Network net;
  Beliefs beliefs;
  Organisations orgs;
  std::vector<Trip> trips;
  std::vector<int32_t> current_trip;   // per person: trip id, or -1
  Calendar<uint32_t> france_arrivals;  // trips reaching the coast on a day
  UkState uk;
  StockState stock;
  CoastState coast;
  Sky sky;
  // Today's shift in the log-odds of the boat from the crossing weather people see ahead.
  double season_shift = 0;
  Levers levers;
  MediaState media;
  ExitRiskState exit_risk;
  // Per person: the day (offset) before which they cannot leave again after being stopped at an
  // exit (journey.exit_ban_days). Empty, and never read, until a ban is first imposed.
  std::vector<int32_t> not_before;
  CampaignState campaign;
  PublicNewsState public_news;
  double perceived_return_sampled = 0;  // last weekly sample (see record_levels)
  double perceived_cross_sampled = 0;   // the same sample's perceived chance of getting across
  double perceived_trust_sampled = 0;   // ... and its trust in smugglers' promises
  Recorder rec;
  std::vector<uint32_t> prompted;  // people prompted by news to reconsider today
  std::vector<uint32_t> ties_scratch;
  std::vector<uint64_t> words_scratch;
  std::vector<uint32_t> passing_scratch, passed_at_scratch;
  std::vector<Philox4x32Counter> first_blocks_scratch;
  std::vector<int> chosen_scratch;
  double legal_visas = 0;     // visas available now (simulated)
  double price_paid_sum = 0;  // today's sales
  int price_paid_n = 0;

  uint32_t uday() const { return static_cast<uint32_t>(date.days); }
};

}  // namespace smug
