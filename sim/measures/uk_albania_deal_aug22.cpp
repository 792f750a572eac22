// The August 2022 UK-Albania deal: faster removals "from next week", Albanian police officers at
// Dover, more NCA officers in Tirana, and Albanian-language adverts warning against crossing.
#include "measures/measure.hpp"
#include "model/declare.hpp"

namespace smug {
namespace {

class UkAlbaniaDealAug22 : public Measure {
 public:
  UkAlbaniaDealAug22(uint32_t i, const Scenario& s)
      : Measure("uk_albania_deal_aug22", i, s),
        delay_(sched(s, "removal_delay_factor")),
        capacity_(sched(s, "removal_capacity_per_day")),
        campaign_(sched(s, "campaign")) {}
  void apply(Date d, Levers& l) const override {
    l.removal_delay_factor *= delay_.at(d);
    l.removal_capacity.push_back(RemovalCapacity{index(), capacity_.at(d)});
    l.campaign_pressure += campaign_.at(d);
  }

 private:
  Schedule delay_, capacity_, campaign_;
};

}  // namespace

void declare_uk_albania_deal_aug22(ParamRegistry& reg) {
  reg.add_measure("uk_albania_deal_aug22",
                  "UK-Albania deal of August 2022: faster removals, officers at Dover, adverts",
                  true, "2022-08-30", "", "PRESS-AUG22");
  Declare(reg, "uk_albania_deal_aug22")
      .sched("removal_delay_factor", "factor", "0.7", 0, 10,
             "Factor on the days from refusal to removability", "prior")
      .sched("removal_capacity_per_day", "people per day", "2", 0, 1000,
             "Enforced removals to Albania per day added to the base capacity", "prior")
      .sched("campaign", "share", "0.2", 0, 1,
             "Strength of the Albanian-language information campaign (0 none, 1 saturating)",
             "prior: PRESS-AUG22");
}

std::unique_ptr<Measure> make_uk_albania_deal_aug22(uint32_t i, const Scenario& s) {
  return std::make_unique<UkAlbaniaDealAug22>(i, s);
}

}  // namespace smug
