// Members leave an idle organisation, and one without clients dissolves (issue 19 item 3): each
// week a share of members rising with idleness leaves, idleness being the shortfall of recent
// sign-ups against what the organisation was used to (1 - fast / slow average of sign-ups), and
// an organisation with no sign-ups for organisations.dormant_weeks weeks dissolves. Idleness
// against the members' capacity (clients_per_member_week) would empty the thin market of 2020,
// whose organisations lived on slack. Neutral (not called) at the defaults idle_leave_weekly = 0
// and dormant_weeks = 0.
#include <algorithm>
#include <boost/random/binomial_distribution.hpp>

#include "model/organisations.hpp"

namespace smug {

void declare_org_exit(Declare<OrgParams>& d) {
  d.real("idle_leave_weekly", &OrgParams::idle_leave_weekly, "per week", "0", 0, 1,
         "Weekly share of an organisation's members who leave when it is wholly idle; the share "
         "is this times the idleness, the shortfall of recent sign-ups against what it was used "
         "to (1 - fast / slow average, demand_fast_rate and demand_slow_rate); the last "
         "recruiter and fixer stay",
         "prior: off by default; 0.1 halves an idle organisation in about seven weeks")
      .integer("dormant_weeks", &OrgParams::dormant_weeks, "weeks", "0", 0, 520,
               "Consecutive weeks without a sign-up after which an organisation dissolves "
               "(0: never)",
               "prior: off by default; 26 weeks, half a year without clients");
}

void Organisations::idle_leave(size_t i, int day) {
  Organisation& o = orgs_[i];
  const int n = o.total_members();
  if (n <= 2) return;
  const double idleness = std::clamp(1 - (o.demand_trend + 1) / (o.demand_slow + 1), 0.0, 1.0);
  if (idleness <= 0) return;
  Stream s(key_, Purpose::kOrgIdleExit, static_cast<uint32_t>(i), day);
  boost::random::binomial_distribution<int> dist(n - 2, p_.idle_leave_weekly * idleness);
  shed(o, dist(s), true);
}

bool Organisations::dormant(Organisation& o) const {
  o.weeks_without_signups = o.signed_week > 0 ? 0 : o.weeks_without_signups + 1;
  return o.weeks_without_signups >= p_.dormant_weeks;
}

}  // namespace smug
