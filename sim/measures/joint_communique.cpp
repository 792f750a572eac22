// The UK-Albania Joint Communique of 13 December 2022, the returns agreement: claims processed in
// weeks by a 400-strong unit, Albania treated as a safe country (fewer grants), a higher threshold
// for modern-slavery referrals, detention for fast removal, weekly removal flights from January
// 2023, Border Force officers at Tirana airport, and public messaging about all of it.
#include "measures/measure.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

class JointCommunique : public Measure {
 public:
  JointCommunique(uint32_t i, const Scenario& s) : Measure(table().section(), i, s) {
    table().bind(s, *this);
  }
  static const Declare<JointCommunique>& table();

  void apply(Date d, Levers& l) const override {
    l.decision_delay_factor *= decision_delay_.at(d);
    l.grant_rate_factor *= grant_.at(d);
    l.slavery_referral_factor *= slavery_.at(d);
    l.removal_delay_factor *= removal_delay_.at(d);
    l.removal_capacity.push_back(RemovalCapacity{index(), capacity_.at(d)});
    l.detention_share_add += detention_.at(d);
    l.stock_removal_factor *= stock_.at(d);
    l.voluntary_return_factor *= voluntary_.at(d);
    l.add_campaign(index(), campaign_.at(d));
    Detector det{index(), {}};
    det.probability[kExitAirport] = airport_.at(d);
    l.detectors.push_back(det);
  }

 private:
  Schedule decision_delay_, grant_, slavery_, removal_delay_, capacity_, detention_, airport_,
      stock_, voluntary_, campaign_;
};

const Declare<JointCommunique>& JointCommunique::table() {
  static const Declare<JointCommunique> d =
      Declare<JointCommunique>(
          "joint_communique", "UK-Albania Joint Communique (returns agreement) of 13 December 2022",
          {.enabled = true, .start = "2022-12-13", .end = "", .source = "GOV-COMMUNIQUE"})
          .sched("decision_delay_factor", &JointCommunique::decision_delay_, "factor", "0.12", 0,
                 10, "Factor on the mean days to an initial decision (claims in weeks, not months)",
                 "prior: GOV-COMMUNIQUE")
          .sched("grant_rate_factor", &JointCommunique::grant_, "factor", "0.2", 0, 10,
                 "Factor on the grant chance (safe-country status)",
                 "prior: grants fell from 11-19% to about 3% (HO-ASY)")
          .sched("slavery_referral_factor", &JointCommunique::slavery_, "factor", "0.5", 0, 10,
                 "Factor on the chance of a modern-slavery referral (higher threshold)",
                 "prior: GOV-COMMUNIQUE")
          .sched("removal_delay_factor", &JointCommunique::removal_delay_, "factor", "0.2", 0, 10,
                 "Factor on the days from refusal to removability",
                 "prior: removals within 48 hours in 2023 (MIN-SEP23)")
          .sched("removal_capacity_per_day", &JointCommunique::capacity_, "people per day",
                 "6, 2023-01-15: 14", 0, 1000,
                 "Enforced removals per day added to the base capacity (weekly flights from "
                 "January 2023)",
                 "prior: over 3,500 returned by Sep 2023 (MIN-SEP23)")
          .sched("detention_share", &JointCommunique::detention_, "share", "0.3", 0, 1,
                 "Share of new arrivals detained for fast-track decision and removal", "prior")
          .sched(
              "airport_detect", &JointCommunique::airport_, "probability", "0.03", 0, 1,
              "Chance a person flying out of Tirana is stopped by embedded Border Force officers",
              "prior: GOV-COMMUNIQUE")
          .sched("stock_removal_factor", &JointCommunique::stock_, "factor", "1.8", 0, 100,
                 "Factor on removals of Albanians who came by other routes", "prior")
          .sched("voluntary_return_factor", &JointCommunique::voluntary_, "factor", "1.5", 0, 100,
                 "Factor on the rate of voluntary returns", "prior")
          .sched("campaign", &JointCommunique::campaign_, "share", "0.4", 0, 1,
                 "Strength of the public messaging that arrivals are returned within days",
                 "prior: SEED-PRESS-OCT23");
  return d;
}

}  // namespace

void declare_joint_communique(ParamRegistry& reg) {
  JointCommunique::table().declare(reg);
}

std::unique_ptr<Measure> make_joint_communique(uint32_t i, const Scenario& s) {
  return std::make_unique<JointCommunique>(i, s);
}

}  // namespace smug
