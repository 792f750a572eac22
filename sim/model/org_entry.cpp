// Entry as a rate (issue 19 item 3): with organisations.entry_form = rate a Poisson number of
// organisations enters each week, with mean entry_rate_base + entry_rate_per_revenue per GBP 100k
// of the market's weekly revenue, up to organisations.max. The default, coin, keeps the weekly
// coin of maybe_enter (at most one entrant a week).
#include <algorithm>
#include <boost/random/poisson_distribution.hpp>
#include <string>

#include "model/organisations.hpp"

namespace smug {

void declare_org_entry(Declare<OrgParams>& d) {
  d.text(
       "entry_form",
       [](OrgParams& p, const ParamValue& v) {
         if (v.text == "coin")
           p.entry_form = EntryForm::kCoin;
         else if (v.text == "rate")
           p.entry_form = EntryForm::kRate;
         else
           throw InputError(v.origin.file, v.origin.line, v.spec->name(),
                            "coin or rate expected, got '" + v.text + "'");
       },
       "coin",
       "How new organisations enter: coin, a weekly chance of one entrant (entry_base_weekly, "
       "entry_per_revenue); rate, a Poisson number of entrants a week (entry_rate_base, "
       "entry_rate_per_revenue), so a surge does not hinge on a few early draws",
       "prior")
      .real("entry_rate_base", &OrgParams::entry_rate_base, "entrants per week", "0.01", 0, 10,
            "With entry_form = rate: mean entrants a week regardless of the market",
            "prior: a few a year")
      .real("entry_rate_per_revenue", &OrgParams::entry_rate_per_revenue,
            "entrants per week per GBP 100k weekly revenue", "0.15", 0, 100,
            "With entry_form = rate: mean entrants a week per GBP 100,000 of the market's "
            "weekly revenue",
            "prior: as entry_per_revenue");
}

void Organisations::enter_at_rate(int day, double market_revenue, OrgWeek& out) {
  Stream s(key_, Purpose::kOrgEntryRate, 0, day);
  const double mean = p_.entry_rate_base + p_.entry_rate_per_revenue * market_revenue / 1e5;
  if (mean <= 0) return;
  boost::random::poisson_distribution<int> dist(mean);
  const int n = std::min(dist(s), p_.max_orgs - active_count());
  for (int k = 0; k < n; ++k) {
    found(day, s);
    ++out.entries;
  }
}

}  // namespace smug
