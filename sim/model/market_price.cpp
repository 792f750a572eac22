// The market price's response to demand and capacity (issue 19 item 2): each week the log-price
// is pulled towards a target, the reference price scaled by recent against slower sign-ups and by
// the fixers' utilisation, so a demand slump or idle capacity lowers the price as a surge or a
// queue raises it, and by the members' recent arrest risk, so that taskforce arrests raise the
// price the clients pay (a risk premium). Neutral (not called) while
// organisations.price_target_pull is 0.
#include <algorithm>
#include <cmath>

#include "model/organisations.hpp"

namespace smug {

void declare_market_price(Declare<OrgParams>& d) {
  d.real("price_target_pull", &OrgParams::price_target_pull, "per week", "0", 0, 1,
         "Weekly pull of each organisation's log-price towards its market target (the reference "
         "price scaled by demand and utilisation, price_demand_elasticity and "
         "price_capacity_elasticity); 0 leaves prices to price_response alone",
         "prior: off by default; 0.1 moves a price most of the way to its target in a season")
      .real("price_demand_elasticity", &OrgParams::price_demand_elasticity, "elasticity", "0.3", 0,
            5,
            "Elasticity of the target price to demand: the ratio of the fast to the slow "
            "average of sign-ups (demand_fast_rate, demand_slow_rate) raised to this",
            "prior: PRESS-PRICES (GBP ~4,300 in autumn 2022, ~3,000 in spring 2023 after "
            "demand fell)")
      .real("price_capacity_elasticity", &OrgParams::price_capacity_elasticity, "elasticity", "0.1",
            0, 5,
            "Elasticity of the target price to the fixers' utilisation: recent sign-ups plus "
            "the queue in France against what the fixers can put on boats in a week "
            "(fixer_clients_per_week)",
            "prior: idle fixers cut prices, a queue raises them")
      .real("price_target_bound", &OrgParams::price_target_bound, "factor", "1.5", 1, 10,
            "The target price stays within the reference price divided and multiplied by this",
            "prior: prices of GBP 2,600-5,900 around a reference of 3,900 (PRESS-PRICES)")
      .real("price_risk_weight", &OrgParams::price_risk_weight, "log-price per yearly hazard", "0",
            0, 20,
            "Rise in the log of the target price per unit of the members' arrest hazard above "
            "arrest_base_weekly, as a yearly share arrested (recent weeks, demand_fast_rate): "
            "the risk premium of arrests (0: arrests do not enter the price)",
            "prior: off by default; risk compensation is the standard account of illicit-market "
            "prices, with no published estimate for the Channel crossing");
}

void Organisations::market_reprice(Organisation& o) const {
  const double demand = (o.demand_trend + 1) / (o.demand_slow + 1);
  const double capacity = o.members[kFixer] * p_.fixer_clients_per_week;
  const double utilisation =
      (o.demand_trend + static_cast<double>(o.queue.size()) / scale_ + 1) / (capacity + 1);
  const double log_factor = p_.price_demand_elasticity * std::log(demand) +
                            p_.price_capacity_elasticity * std::log(utilisation) +
                            p_.price_risk_weight * 52 * (o.arrest_trend - p_.arrest_base_weekly);
  const double bound = std::log(p_.price_target_bound);
  const double target = p_.price_initial_gbp * std::exp(std::clamp(log_factor, -bound, bound));
  o.price *= std::pow(target / o.price, p_.price_target_pull);
  o.price = std::clamp(o.price, p_.price_floor_gbp, p_.price_cap_gbp);
}

}  // namespace smug
