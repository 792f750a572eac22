#include "model/organisations.hpp"

#include <algorithm>
#include <boost/random/binomial_distribution.hpp>
#include <cmath>
#include <limits>
#include <numeric>

#include "params/declare.hpp"

namespace smug {

// A declaration table, one entry a parameter: exempt from the function-size rule.
// NOLINTNEXTLINE(readability-function-size)
const Declare<OrgParams>& OrgParams::table() {
  static const Declare<OrgParams> d = [] {
    Declare<OrgParams> t =
        Declare<OrgParams>(
            "organisations",
            "Smuggling organisations: members by role, weekly prices, hiring, arrests, entry, exit")
            .integer("initial", &OrgParams::initial_orgs, "organisations", "3", 0, 100,
                     "Organisations selling the small-boat route to Albanians in January 2020",
                     "prior")
            .real("initial_recruiters", &OrgParams::initial_members, kRecruiter, "people", "3", 0,
                  1000, "Recruiters per initial organisation", "prior")
            .real("initial_drivers", &OrgParams::initial_members, kDriver, "people", "2", 0, 1000,
                  "Drivers per initial organisation", "prior")
            .real("initial_fixers", &OrgParams::initial_members, kFixer, "people", "2", 0, 1000,
                  "Fixers in northern France per initial organisation", "prior")
            .real("initial_boat_links", &OrgParams::initial_members, kBoatLink, "people", "1", 0,
                  1000, "Links to boat operators per initial organisation", "PRESS-NETWORKS")
            .real("price_initial_gbp", &OrgParams::price_initial_gbp, "GBP", "4000", 500, 30000,
                  "Price of the boat leg in 2020", "PRESS-PRICES (GBP 3,000-5,000)")
            .real("price_floor_gbp", &OrgParams::price_floor_gbp, "GBP", "2000", 100, 30000,
                  "Lowest price an organisation will charge (its costs per seat and risk)",
                  "prior: boat EUR 15,000 for about 50 people plus fixers' pay")
            .real("price_cap_gbp", &OrgParams::price_cap_gbp, "GBP", "7000", 500, 50000,
                  "Highest price of the boat leg (above it buyers take lorries)",
                  "PRESS-PRICES (lorry GBP 7,000+)")
            .real("price_response", &OrgParams::price_response, "per week", "0.05", 0, 1,
                  "Weekly log-price change per unit of relative demand growth (sign-ups against "
                  "their "
                  "recent average)",
                  "prior: price cut to about GBP 3,000 in spring 2023 (PRESS-PRICES)")
            .real("price_reversion", &OrgParams::price_reversion, "per week", "0.02", 0, 1,
                  "Weekly pull of each price back towards the initial price", "prior")
            .real("cost_per_client_gbp", &OrgParams::cost_per_client_gbp, "GBP", "1200", 0, 20000,
                  "An organisation's cost per client: boat seat, fixer's fee, transport",
                  "prior: boat EUR 15,000 for about 50 people (PRESS-PRICES)")
            .real("price_competition", &OrgParams::price_competition, "per week", "0.1", 0, 1,
                  "Weekly pull of each price towards the market mean", "prior")
            .real("fixer_clients_per_week", &OrgParams::fixer_clients_per_week, "people per week",
                  "8", 0.1, 1000, "Clients one fixer in France can put on boats per week", "prior")
            .real("member_cost_gbp_week", &OrgParams::member_cost_gbp_week, "GBP per week", "250",
                  0, 10000, "Weekly pay of a member of any role", "prior")
            .real("hire_cost_gbp", &OrgParams::hire_cost_gbp, "GBP", "5000", 0, 1e6,
                  "Cost of taking on a member", "prior")
            .real("cash_buffer_weeks", &OrgParams::cash_buffer_weeks, "weeks", "6", 0, 104,
                  "Weeks of pay an organisation keeps before it hires", "prior")
            .real("reinvest_share", &OrgParams::reinvest_share, "share", "0.9", 0, 1,
                  "Share of an organisation's recent weekly profit spent on taking on members",
                  "prior (calibrated)")
            .real("clients_per_member_week", &OrgParams::clients_per_member_week, "people per week",
                  "1", 0.01, 1000, "Clients a week that keep one member of any role busy", "prior")
            .real("idle_exit_weekly", &OrgParams::idle_exit_weekly, "per week", "0", 0, 1,
                  "Weekly share of an organisation's members beyond what its recent sign-ups keep "
                  "busy "
                  "who drift away (members paid by the job); the last recruiter and fixer stay",
                  "prior")
            .real("max_growth_per_week", &OrgParams::max_growth_per_week, "share", "0.05", 0, 1,
                  "Largest weekly growth of an organisation's membership (plus one)", "prior")
            .real("reach_per_recruiter", &OrgParams::reach_per_recruiter,
                  "per recruiter per 1000 people", "3", 0, 100,
                  "Advert saturation one recruiter adds per 1000 people at risk in the counties "
                  "targeted",
                  "prior: social-media adverts (GOV-FACTSHEET-NOV22)")
            .date(
                "credit_from",
                [](OrgParams& p, const ParamValue& v) { p.credit_from = v.date.value_or(Date{0}); },
                "2022-05-01",
                "Date from which organisations sell the crossing on credit (a debt bond worked off "
                "in the UK): a change in the market's practice, not a measure. A prior: from it "
                "lenders sell on credit only while the share of debt lost to debtors returned "
                "before they paid stays within credit_loss_limit",
                "prior: GOV-FACTSHEET-NOV22 (adverts offering crossings on credit from May 2022)")
            .real("credit_cash_gbp", &OrgParams::credit_cash_gbp, "GBP", "0", 0, 1e9,
                  "Cash an organisation needs before it sells on credit (it fronts the costs)",
                  "prior")
            .real(
                "credit_loss_limit", &OrgParams::credit_loss_limit, "share", "0.5", 0, 1,
                "Share of debt lost to returns (of the debt settled lately, repaid or lost) above "
                "which lenders stop selling on credit until it falls again",
                "prior (calibrated): fast returns make debt bonds unprofitable")
            .real("arrest_base_weekly", &OrgParams::arrest_base_weekly, "per member per week",
                  "0.004", 0, 1, "Weekly chance a member is arrested without any of the measures",
                  "prior: UK-France cell, 400 arrests in 2022 all nationalities (MIN-SEP23)")
            .real("entry_base_weekly", &OrgParams::entry_base_weekly, "per week", "0.02", 0, 1,
                  "Weekly chance a new organisation enters regardless of the market", "prior")
            .real("entry_per_revenue", &OrgParams::entry_per_revenue,
                  "per week per GBP 100k weekly revenue", "0.15", 0, 100,
                  "Rise in the weekly chance of entry per GBP 100,000 of weekly market revenue",
                  "prior")
            .integer("max", &OrgParams::max_orgs, "organisations", "60", 1, 1000,
                     "Most organisations at once", "prior")
            .integer(
                "max_members", &OrgParams::max_members, "people", "150", 4, 100000,
                "Most members one organisation can manage (beyond it, new organisations enter)",
                "prior: PRESS-NETWORKS (groups of tens of members)")
            .real(
                "choice_base_weight", &OrgParams::choice_base_weight, "weight per recruiter", "0.5",
                0, 10,
                "Weight of one recruiter in a buyer's choice of organisation before reputation: an "
                "organisation is chosen in proportion to recruiters x (this + reputation)",
                "prior: reach (adverts) counts as much as a middling reputation")
            .real("reputation_initial", &OrgParams::reputation_initial, "share", "0.5", 0, 1,
                  "Reputation of a new organisation (the share of its clients' crossings reported "
                  "home as a success)",
                  "prior: no track record, halfway")
            .real("reputation_rate", &OrgParams::reputation_rate, "per crossing", "0.02", 0, 1,
                  "Weight of one client's crossing outcome (across, or stopped or dead) in the "
                  "organisation's reputation (an exponential average)",
                  "prior: a reputation reflects the last fifty or so crossings")
            .real("credit_memory_rate", &OrgParams::credit_memory_rate, "per week", "0.15", 0, 1,
                  "Weekly weight of the latest week in lenders' view of debt repaid and lost (an "
                  "exponential average; credit_loss_limit is judged on it)",
                  "prior: lenders judge by the last couple of months")
            .integer("credit_cohort_days", &OrgParams::credit_cohort_days, "days", "0", 0, 3650,
                     "Lenders judge credit_loss_limit only on debts sold within this many days "
                     "(what their recent clients repaid or lost); 0: on every debt settled",
                     "prior: a lender learns from the clients it sold to lately; the repayments of "
                     "a surge's old debtors say nothing of whether a client signed today will be "
                     "returned before paying")
            .real("demand_fast_rate", &OrgParams::demand_fast_rate, "per week", "0.25", 0, 1,
                  "Weekly weight of the latest week in the fast average of an organisation's "
                  "sign-ups (its recent demand: pricing, idle members)",
                  "prior: about a month")
            .real("demand_slow_rate", &OrgParams::demand_slow_rate, "per week", "0.05", 0, 1,
                  "Weekly weight of the latest week in the slow average of sign-ups, against which "
                  "price_response judges demand growth",
                  "prior: about five months")
            .real(
                "profit_rate", &OrgParams::profit_rate, "per week", "0.25", 0, 1,
                "Weekly weight of the latest week in the average profit an organisation reinvests "
                "(reinvest_share)",
                "prior: about a month")
            .real(
                "price_growth_limit", &OrgParams::price_growth_limit, "relative growth", "1", 0,
                100,
                "Largest relative demand growth (either way) the weekly price responds to: a week "
                "moves the log-price by at most price_response times this",
                "prior: a doubling of demand is as strong a signal as any")
            .real(
                "unpaid_exit_share", &OrgParams::unpaid_exit_share, "per week", "0.1", 0, 1,
                "Weekly share of members (at least one) who leave an organisation that cannot pay "
                "them (negative cash), the most numerous role first",
                "prior")
            .real("recruiters_per_driver", &OrgParams::recruiters_per_driver, "people per person",
                  "2", 0, 100,
                  "Recruiters per driver: an organisation hires a driver first while it has fewer "
                  "than this ratio",
                  "prior: PRESS-NETWORKS (recruiters in Albania, drivers on the routes)")
            .real("fixers_per_boat_link", &OrgParams::fixers_per_boat_link, "people per person",
                  "3", 0, 100,
                  "Fixers per link to the boat operators: an organisation hires a boat link first "
                  "while it has fewer than this ratio",
                  "prior: PRESS-NETWORKS (Albanian fixers, Kurdish boat operators)");
    declare_market_price(t);
    declare_org_exit(t);
    declare_org_entry(t);
    declare_arrest_disruption(t);
    declare_social_media(t);
    declare_road_capacity(t);
    return t;
  }();
  return d;
}

int Organisation::total_members() const {
  return std::accumulate(members.begin(), members.end(), 0);
}

Organisations::Organisations(const OrgParams& p, StreamKey key, double scale, int start_day)
    : p_(p), key_(key), scale_(scale) {
  Stream s(key, Purpose::kOrganisations, 0, 0);
  for (int i = 0; i < p.initial_orgs; ++i) found(start_day, s);
}

void Organisations::found(int day, Stream& s) {
  choice_stale_ = true;
  Organisation o;
  o.active = true;
  o.founded_day = day;
  o.reputation = p_.reputation_initial;
  o.arrest_trend = p_.arrest_base_weekly;  // a new organisation expects the usual risk
  for (int r = 0; r < kNumRoles; ++r) {
    // Fractional initial sizes are rounded stochastically, so small priors still mean something.
    const double m = p_.initial_members[r];
    o.members[r] = static_cast<int>(m) + (s.uniform() < m - std::floor(m) ? 1 : 0);
  }
  o.members[kRecruiter] = std::max(1, o.members[kRecruiter]);
  o.members[kFixer] = std::max(1, o.members[kFixer]);
  const double mp = mean_price();
  o.price = mp > 0 ? mp : p_.price_initial_gbp;
  o.cash = p_.member_cost_gbp_week * p_.cash_buffer_weeks * o.total_members();
  o.cash_last_week = o.cash;
  orgs_.push_back(std::move(o));
}

void Organisations::shed(Organisation& o, int n, bool keep_core) {
  for (int k = 0; k < n; ++k) {
    int r = -1;
    for (int q = 0; q < kNumRoles; ++q) {
      const bool core = q == kRecruiter || q == kFixer;
      if (o.members[q] > (keep_core && core ? 1 : 0) && (r < 0 || o.members[q] > o.members[r]))
        r = q;
    }
    if (r < 0) return;
    --o.members[r];
  }
}

int Organisations::active_count() const {
  return static_cast<int>(
      std::count_if(orgs_.begin(), orgs_.end(), [](auto& o) { return o.active; }));
}

int Organisations::members_total() const {
  int n = 0;
  for (const auto& o : orgs_)
    if (o.active) n += o.total_members();
  return n;
}

double Organisations::mean_price() const {
  double sum = 0, w = 0;
  for (const auto& o : orgs_)
    if (o.active) sum += o.price * (o.members[kRecruiter] + 1), w += o.members[kRecruiter] + 1;
  return w > 0 ? sum / w : 0;
}

void Organisations::media(const Population& pop, Date today,
                          std::array<double, kNumCounties>& advert) const {
  double recruiters = 0;
  for (const auto& o : orgs_)
    if (o.active) recruiters += effective_recruiters(o);
  const double reach = advert_reach(p_, today);
  // Recruiters target counties by propensity; saturation is per 1000 people at risk (full scale).
  double weight_sum = 0;
  for (int c = 0; c < kNumCounties; ++c)
    weight_sum += pop.propensity[c] * (pop.county_begin[c + 1] - pop.county_begin[c]) / pop.scale;
  for (int c = 0; c < kNumCounties; ++c) {
    const double per_thousand =
        weight_sum > 0 ? recruiters * pop.propensity[c] * 1000 / weight_sum : 0;
    advert[c] = 1 - std::exp(-reach * per_thousand);
  }
}

void Organisations::rebuild_choice() const {
  choice_.clear();
  choice_cum_.clear();
  double total = 0;
  for (size_t i = 0; i < orgs_.size(); ++i) {
    const auto& o = orgs_[i];
    if (!o.active) continue;
    total += effective_recruiters(o) * (p_.choice_base_weight + o.reputation);
    choice_.push_back(static_cast<int>(i));
    choice_cum_.push_back(total);
  }
  choice_total_ = total;
  const size_t n = choice_.size();
  guide_.assign(4 * n + 1, 0);
  guide_per_weight_ = total > 0 ? static_cast<double>(guide_.size()) / total : 0;
  size_t k = 0;
  for (size_t b = 0; b < guide_.size(); ++b) {
    const double edge = static_cast<double>(b) / guide_per_weight_;
    while (k < n && choice_cum_[k] <= edge) ++k;
    guide_[b] = static_cast<uint32_t>(k);
  }
  // A sentinel above any point, so that the search's steps need no bounds test.
  choice_cum_.push_back(std::numeric_limits<double>::infinity());
  ++choice_version_;
  choice_stale_ = false;
}

int Organisations::choose_at(double u) const {
  if (choice_stale_) rebuild_choice();
  if (choice_.empty() || choice_total_ <= 0) return -1;
  // The first organisation whose cumulative weight exceeds x (std::upper_bound), found from the
  // guide: the corrections make it exact whatever the rounding of the slice's index.
  const double x = u * choice_total_;
  const size_t n = choice_.size();
  size_t k = guide_[std::min(guide_.size() - 1, static_cast<size_t>(x * guide_per_weight_))];
  while (k > 0 && choice_cum_[k - 1] > x) --k;  // only ever by rounding
  // A slice holds a quarter of a boundary on average: two steps without branches (whose outcome
  // a random point would mispredict), then a loop for the rare slice that holds more.
  k += choice_cum_[k] <= x;
  k += choice_cum_[k] <= x;
  while (choice_cum_[k] <= x) ++k;
  return choice_[std::min(k, n - 1)];
}

int Organisations::choose(Stream& s) const {
  return choose_at(s.uniform());
}

void Organisations::sign(int o, double price, bool paid) {
  orgs_[o].signed_week += 1 / scale_;
  orgs_[o].cash -= p_.cost_per_client_gbp / scale_;
  if (paid) {
    orgs_[o].cash += price / scale_;
    orgs_[o].revenue_week += price / scale_;
  }
}

int Organisations::boarding_capacity(int o, Stream& s) const {
  double x = orgs_[o].members[kFixer] * p_.fixer_clients_per_week / 7 * scale_;
  if (orgs_[o].disrupted_weeks > 0) x *= 1 - p_.arrest_disruption_capacity;
  return static_cast<int>(x) + (s.uniform() < x - std::floor(x) ? 1 : 0);
}

void Organisations::crossing_outcome(int o, bool success) {
  choice_stale_ = true;
  // Reputation is an exponential average of outcomes its clients report home.
  orgs_[o].reputation += p_.reputation_rate * ((success ? 1.0 : 0.0) - orgs_[o].reputation);
}

bool Organisations::sells_on_credit(int o, Date today) const {
  return today >= p_.credit_from && credit_open_ && orgs_[o].cash >= p_.credit_cash_gbp;
}

void Organisations::settle_debt(int o, double repaid, double lost, int age_days) {
  if (repaid > 0) repay(o, repaid);
  // What older debtors pay or lose says little of what a loan sold today will return.
  if (p_.credit_cohort_days > 0 && age_days > p_.credit_cohort_days) return;
  repaid_week_ += repaid / scale_;
  lost_week_ += lost / scale_;
}

void Organisations::update_credit() {
  // Lenders judge by the debt settled over the last couple of months: what came back against
  // what was lost when debtors were returned before they had worked it off.
  const double alpha = p_.credit_memory_rate;
  repaid_trend_ += alpha * (repaid_week_ - repaid_trend_);
  lost_trend_ += alpha * (lost_week_ - lost_trend_);
  repaid_week_ = lost_week_ = 0;
  const double settled = repaid_trend_ + lost_trend_;
  loss_share_ = settled > 0 ? lost_trend_ / settled : 0;
  credit_open_ = loss_share_ <= p_.credit_loss_limit;
}

OrgWeek Organisations::week(int day, const Levers& levers, size_t nmeasures) {
  choice_stale_ = true;
  update_credit();
  OrgWeek out;
  out.arrests_by_measure.assign(nmeasures, 0);
  const double market_price = mean_price();
  double market_revenue = 0;
  for (size_t i = 0; i < orgs_.size(); ++i) {
    Organisation& o = orgs_[i];
    if (!o.active) continue;
    market_revenue += o.revenue_week;
    if (o.disrupted_weeks > 0) --o.disrupted_weeks;
    arrest(i, day, levers, out);
    if (!o.core_ok()) {
      o.active = false;
      ++out.dissolutions;
      continue;
    }
    o.cash -= p_.member_cost_gbp_week * o.total_members();
    reprice(o, market_price);
    if (p_.price_target_pull > 0) market_reprice(o);
    hire_or_shed(o);
    idle_exit(o);
    if (p_.idle_leave_weekly > 0) idle_leave(i, day);
    if (p_.dormant_weeks > 0 && dormant(o)) {
      o.active = false;
      ++out.dissolutions;
      continue;
    }
    o.cash_last_week = o.cash;
    o.signed_week = 0;
    o.revenue_week = 0;
  }
  reassign_orphans(out);
  if (p_.entry_form == EntryForm::kRate)
    enter_at_rate(day, market_revenue, out);
  else
    maybe_enter(day, market_revenue, out);
  return out;
}

void Organisations::arrest(size_t i, int day, const Levers& levers, OrgWeek& out) {
  Organisation& o = orgs_[i];
  const int before = o.total_members();
  // The base hazard, then each measure's own pressure from its own stream.
  for (int r = 0; r < kNumRoles; ++r) {
    Stream s(key_, Purpose::kArrests, static_cast<uint32_t>(i * kNumRoles + r), day);
    boost::random::binomial_distribution<int> base(o.members[r], p_.arrest_base_weekly);
    const int a = o.members[r] > 0 ? base(s) : 0;
    o.members[r] -= a;
    out.arrests_base += a;
  }
  for (const ArrestPressure& m : levers.arrests) {
    for (int r = 0; r < kNumRoles; ++r) {
      if (o.members[r] == 0 || m.weekly_hazard[r] <= 0) continue;
      Stream s(key_, measure_purpose(m.measure), static_cast<uint32_t>(i * kNumRoles + r), day);
      boost::random::binomial_distribution<int> dist(o.members[r],
                                                     std::min(1.0, m.weekly_hazard[r]));
      const int a = dist(s);
      o.members[r] -= a;
      out.arrests_by_measure[m.measure] += a;
      if (a > 0 && p_.arrest_disruption_weeks > 0) o.disrupted_weeks = p_.arrest_disruption_weeks;
    }
  }
  // The risk members ran this week, which the market price may carry (market_price.cpp).
  const double share = before > 0 ? 1 - o.total_members() / static_cast<double>(before) : 0;
  o.arrest_trend += p_.demand_fast_rate * (share - o.arrest_trend);
}

void Organisations::reprice(Organisation& o, double market_price) const {
  // Up when sign-ups grow faster than their recent average, down when they fall; pulled towards
  // competitors and back towards the reference price.
  // Fast against slow averages of sign-ups, so the lumpy weeks of a scaled run average out.
  o.demand_trend += p_.demand_fast_rate * (o.signed_week - o.demand_trend);
  o.demand_slow += p_.demand_slow_rate * (o.signed_week - o.demand_slow);
  const double growth = (o.demand_trend - o.demand_slow) / (o.demand_slow + 1);
  o.price *= std::exp(p_.price_response *
                      std::clamp(growth, -p_.price_growth_limit, p_.price_growth_limit));
  o.price += p_.price_competition * (market_price - o.price) +
             p_.price_reversion * (p_.price_initial_gbp - o.price);
  o.price = std::clamp(o.price, p_.price_floor_gbp, p_.price_cap_gbp);
}

void Organisations::hire_or_shed(Organisation& o) const {
  const double capacity = o.members[kFixer] * p_.fixer_clients_per_week;
  const double excess = (o.signed_week + o.queue.size() / scale_ - capacity) / (capacity + 1);
  // A share of the recent profit is reinvested in members (smooth in expectation at any scale);
  // losses shed members.
  const double profit = o.cash - o.cash_last_week;
  o.profit_trend += p_.profit_rate * (profit - o.profit_trend);
  if (o.profit_trend > 0) {
    o.hire_budget += p_.reinvest_share * o.profit_trend;
    const int cap = std::min(static_cast<int>(p_.max_growth_per_week * o.total_members()) + 1,
                             p_.max_members - o.total_members());
    int hires = std::min(cap, static_cast<int>(o.hire_budget / std::max(1.0, p_.hire_cost_gbp)));
    hires =
        std::min(hires, static_cast<int>(std::max(0.0, o.cash) / std::max(1.0, p_.hire_cost_gbp)));
    for (int h = 0; h < hires; ++h) {
      ++o.members[next_hire(o, excess)];
      o.cash -= p_.hire_cost_gbp;
      o.hire_budget -= p_.hire_cost_gbp;
    }
  } else {
    o.hire_budget = 0;
  }
  if (o.cash < 0) {
    // Unpaid members drift away, the most numerous role first.
    shed(o, std::max(1, static_cast<int>(p_.unpaid_exit_share * o.total_members())), false);
  }
}

Role Organisations::next_hire(const Organisation& o, double excess) const {
  // Recruiters are hired while demand keeps up with the fixers, fixers and boat links when it does
  // not, drivers to follow recruiters.
  if (o.members[kDriver] * p_.recruiters_per_driver < o.members[kRecruiter]) return kDriver;
  if (o.members[kBoatLink] * p_.fixers_per_boat_link < o.members[kFixer]) return kBoatLink;
  if (excess > 0) return kFixer;
  return kRecruiter;
}

void Organisations::idle_exit(Organisation& o) const {
  // Members paid by the job drift away when recent sign-ups do not keep them busy. Rounded down,
  // so a small organisation keeps its few members through a quiet spell.
  const double busy = o.demand_trend / p_.clients_per_member_week;
  const double idle = o.total_members() - std::ceil(busy);
  if (idle > 0) shed(o, static_cast<int>(p_.idle_exit_weekly * idle), true);
}

void Organisations::reassign_orphans(OrgWeek& out) {
  // Trips of dissolved organisations move to the largest surviving one, or are orphaned.
  int best = -1;
  for (size_t i = 0; i < orgs_.size(); ++i)
    if (orgs_[i].active && (best < 0 || orgs_[i].members[kFixer] > orgs_[best].members[kFixer]))
      best = static_cast<int>(i);
  for (auto& o : orgs_) {
    if (o.active || o.queue.empty()) continue;
    for (uint32_t t : o.queue) {
      if (best >= 0)
        orgs_[best].queue.push_back(t);
      else
        out.orphaned.push_back(t);
    }
    o.queue.clear();
  }
}

void Organisations::maybe_enter(int day, double market_revenue, OrgWeek& out) {
  // Entry when the market pays.
  Stream s(key_, Purpose::kOrgDynamics, 0, day);
  const double hazard = p_.entry_base_weekly + p_.entry_per_revenue * market_revenue / 1e5;
  if (active_count() < p_.max_orgs && s.uniform() < 1 - std::exp(-hazard)) {
    found(day, s);
    ++out.entries;
  }
}

}  // namespace smug
