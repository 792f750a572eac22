// Smuggling organisations: recruiters in Albania (adverts, reach), drivers on the routes, fixers in
// northern France and links to the (mostly Kurdish) boat operators. Each week an organisation pays
// its members, loses some to arrests, sets its price from demand against capacity and from its
// competitors, and hires while it has cash. It dissolves when a core role is empty; new
// organisations enter when the market pays. Member counts and money are at full scale; the clients
// of a scaled run count 1/scale each.
#pragma once
#include <array>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/rng.hpp"
#include "model/levers.hpp"
#include "model/population.hpp"
#include "params/declare.hpp"

namespace smug {

// How new organisations enter: a weekly coin (at most one a week) or a Poisson number a week.
enum class EntryForm { kCoin, kRate };

struct OrgParams : ParamsOf<OrgParams> {
  int initial_orgs;
  std::array<double, kNumRoles> initial_members;
  double price_initial_gbp, price_floor_gbp, price_cap_gbp;
  double price_response;       // weekly log-price change per unit of demand growth
  double price_competition;    // weekly pull towards the market's mean price
  double price_reversion;      // weekly pull towards the initial (reference) price
  double cost_per_client_gbp;  // boat seat, fixer's fee, transport
  double fixer_clients_per_week;
  double member_cost_gbp_week, hire_cost_gbp, cash_buffer_weeks, max_growth_per_week,
      reinvest_share;
  double clients_per_member_week, idle_exit_weekly;  // members drift away without work
  double reach_per_recruiter;  // advert saturation per recruiter per 1000 people at risk
  Date credit_from;            // from when organisations sell on credit (market practice)
  double credit_cash_gbp;      // cash an organisation needs before it sells on credit
  double credit_loss_limit;    // share of settled debt lost to returns that stops credit
  double arrest_base_weekly;
  double entry_base_weekly, entry_per_revenue;  // entry hazard: base + per GBP 100k weekly revenue
  int max_orgs;
  int max_members;
  double choice_base_weight;  // a recruiter's weight in buyers' choice before reputation
  double reputation_initial;  // a new organisation's reputation (0..1)
  double reputation_rate;     // weight of one crossing's outcome in the reputation
  double credit_memory_rate;  // weekly weight of the latest week in lenders' view of settled debt
  int credit_cohort_days;     // lenders judge only debts this young (0: every debt)
  double demand_fast_rate, demand_slow_rate, profit_rate;  // exponential averages, per week
  double price_growth_limit;  // bound on the demand growth the price responds to
  double unpaid_exit_share;   // weekly share of members lost while an organisation is in debt
  double recruiters_per_driver, fixers_per_boat_link;  // the team an organisation hires towards
  // The market's responses (issue 19), each neutral at its default (market_price.cpp,
  // org_exit.cpp, org_entry.cpp, arrest_disruption.cpp).
  double price_target_pull;          // weekly pull of the log-price towards the market target
  double price_demand_elasticity;    // of the target on recent against slower sign-ups
  double price_capacity_elasticity;  // of the target on the fixers' utilisation
  double price_target_bound;         // the target stays within reference / bound .. x bound
  double price_risk_weight;          // of the target's log on the members' arrest risk
  double idle_leave_weekly;          // weekly share leaving at full idleness
  int dormant_weeks;                 // weeks without sign-ups after which it dissolves (0: never)
  EntryForm entry_form;
  double entry_rate_base, entry_rate_per_revenue;  // entrants per week: base + per GBP 100k
  int arrest_disruption_weeks;        // weeks an organisation hit by arrests loses reach
  double arrest_disruption_reach;     // share of its reach lost meanwhile
  double arrest_disruption_capacity;  // share of its fixers' boarding capacity lost meanwhile
  Date social_media_from;             // from when adverts go out on social media at scale
  double social_media_reach_factor;   // factor on reach_per_recruiter from then (1: no change)
  double travellers_per_driver_week;  // road capacity of one driver (0: no limit)
  static const Declare<OrgParams>& table();  // every parameter, with the field it fills
};

// Each mechanism's file declares its own parameters, appended to OrgParams::table() in this order.
void declare_market_price(Declare<OrgParams>& d);
void declare_org_exit(Declare<OrgParams>& d);
void declare_org_entry(Declare<OrgParams>& d);
void declare_arrest_disruption(Declare<OrgParams>& d);
void declare_road_capacity(Declare<OrgParams>& d);
void declare_social_media(Declare<OrgParams>& d);

// Advert saturation one recruiter adds per 1000 people at risk on `today`
// (social_media_adverts.cpp).
double advert_reach(const OrgParams& p, Date today);

struct Organisation {
  bool active = false;
  int founded_day = 0;
  std::array<int, kNumRoles> members{};
  double cash = 0;  // GBP, full scale
  double price = 0;
  double reputation = 0;    // from organisations.reputation_initial when founded
  double signed_week = 0;   // clients signed this week, full scale
  double demand_trend = 0;  // fast exponential average of weekly sign-ups
  double demand_slow = 0;   // slow one
  double arrest_trend = 0;  // fast exponential average of the weekly share of members arrested
  double revenue_week = 0;  // GBP, full scale
  double cash_last_week = 0;
  double profit_trend = 0;  // exponential average of weekly profit
  double hire_budget = 0;
  std::deque<uint32_t> queue;     // trips waiting in northern France
  int weeks_without_signups = 0;  // consecutive (organisations.dormant_weeks)
  int disrupted_weeks = 0;        // left of an arrest's disruption (arrest_disruption_weeks)
  double road_free_day = 0;       // day its drivers next have room (road_capacity.cpp)
  bool core_ok() const { return members[kRecruiter] > 0 && members[kFixer] > 0; }
  int total_members() const;
};

// What a week of organisation dynamics did, for the recorder.
struct OrgWeek {
  double arrests_base = 0;
  std::vector<double> arrests_by_measure;  // index: measure
  int entries = 0, dissolutions = 0;
  std::vector<uint32_t> orphaned;  // trips whose organisation dissolved with no other to take them
};

class Organisations {
 public:
  Organisations(const OrgParams& p, StreamKey key, double scale, int start_day);

  // Weekly dynamics on day `day` (offset from the start).
  OrgWeek week(int day, const Levers& levers, size_t nmeasures);

  // Advert saturation per county (0..1) from recruiters, spread by propensity and population.
  void media(const Population& pop, Date today, std::array<double, kNumCounties>& advert) const;

  // Picks the organisation a person buys from (by reach and reputation); -1 if none is active.
  int choose(Stream& s) const;
  // The same with the uniform in [0, 1) given.
  int choose_at(double u) const;
  // The weights' version: choices made with choose_at under it are made again while
  // choices_still_valid(version), that is until the weights change.
  uint64_t choice_version() const { return choice_version_; }
  bool choices_still_valid(uint64_t version) const {
    return !choice_stale_ && version == choice_version_;
  }
  // Credit is a market practice from a date; lenders stop while too much debt is lost to returns.
  bool sells_on_credit(int o, Date today) const;
  // Debt a client repaid (GBP, simulated people's) or lost when the client was returned;
  // age_days: days since the client signed (lenders may judge only recent debts).
  void settle_debt(int o, double repaid, double lost, int age_days);
  // Share of the debt settled lately that was lost (0 when nothing was settled).
  double credit_loss_share() const { return loss_share_; }
  // Records a sale: cash now (paid) or debt repaid later (credit).
  void sign(int o, double price, bool paid);
  void repay(int o, double gbp) { orgs_[o].cash += gbp / scale_; }
  // A loss per simulated client (GBP at full scale per person), e.g. a boat seized.
  void charge(int o, double gbp) { orgs_[o].cash -= gbp / scale_; }
  // Daily capacity of fixers to put clients on boats, in simulated clients (stochastically
  // rounded).
  int boarding_capacity(int o, Stream& s) const;
  // The day a client who signed today leaves by land: today, or later when the organisation's
  // drivers are full (organisations.travellers_per_driver_week; road_capacity.cpp).
  int road_departure(int o, int today);
  void crossing_outcome(int o, bool success);

  // Mutable access may change members or reputation: the choice table is rebuilt before use.
  std::vector<Organisation>& all() {
    choice_stale_ = true;
    return orgs_;
  }
  const Organisation& at(int o) const { return orgs_[static_cast<size_t>(o)]; }
  const std::vector<Organisation>& all() const { return orgs_; }
  int active_count() const;
  int members_total() const;
  double mean_price() const;

 private:
  void found(int day, Stream& s);
  void update_credit();
  // The steps of a week, in order: for each active organisation arrests, (dissolution or pay),
  // price, hiring or shedding, idle members leaving; then trips of dissolved organisations move,
  // and a new organisation may enter.
  void arrest(size_t i, int day, const Levers& levers, OrgWeek& out);
  void reprice(Organisation& o, double market_price) const;
  void hire_or_shed(Organisation& o) const;
  Role next_hire(const Organisation& o, double excess) const;
  void idle_exit(Organisation& o) const;
  void reassign_orphans(OrgWeek& out);
  void maybe_enter(int day, double market_revenue, OrgWeek& out);
  // The market's responses, each in its own file and neutral at its default.
  void market_reprice(Organisation& o) const;                        // market_price.cpp
  void idle_leave(size_t i, int day);                                // org_exit.cpp
  bool dormant(Organisation& o) const;                               // org_exit.cpp
  void enter_at_rate(int day, double market_revenue, OrgWeek& out);  // org_entry.cpp
  // An organisation's recruiters as they count for reach and choice: fewer while an arrest
  // disrupts it (arrest_disruption.cpp). Inline: rebuild_choice and media call it.
  double effective_recruiters(const Organisation& o) const {
    return o.disrupted_weeks > 0 ? o.members[kRecruiter] * (1 - p_.arrest_disruption_reach)
                                 : o.members[kRecruiter];
  }
  // n members leave, the most numerous role first; keep_core spares the last recruiter and fixer.
  static void shed(Organisation& o, int n, bool keep_core);
  OrgParams p_;
  StreamKey key_;
  double scale_;
  std::vector<Organisation> orgs_;
  // The active organisations and their weights in choose(), in index order: thousands of people
  // choose each day between changes, and the vector holds every organisation ever founded.
  void rebuild_choice() const;
  mutable std::vector<int> choice_;         // organisation index
  mutable std::vector<double> choice_cum_;  // cumulative weight up to and including it
  mutable double choice_total_ = 0;
  mutable uint64_t choice_version_ = 0;  // counts rebuilds
  // A guide table (Chen and Asau 1974): guide_[b] is where the search for a point in the b-th of
  // guide_.size() equal slices of the total starts, so a choice takes a step or two instead of a
  // binary search whose branches a random point mispredicts.
  mutable std::vector<uint32_t> guide_;
  mutable double guide_per_weight_ = 0;
  mutable bool choice_stale_ = true;
  // Debt settled (full scale, GBP): this week's and exponential averages of weeks.
  double repaid_week_ = 0, lost_week_ = 0, repaid_trend_ = 0, lost_trend_ = 0;
  double loss_share_ = 0;
  bool credit_open_ = true;
};

}  // namespace smug
