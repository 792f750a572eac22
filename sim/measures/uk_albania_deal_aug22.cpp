// The August 2022 UK-Albania deal: faster removals "from next week", Albanian police officers at
// Dover, more NCA officers in Tirana, and Albanian-language adverts warning against crossing.
#include "measures/measure.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

class UkAlbaniaDealAug22 : public Measure {
 public:
  UkAlbaniaDealAug22(uint32_t i, const Scenario& s) : Measure(table().section(), i, s) {
    table().bind(s, *this);
  }
  static const Declare<UkAlbaniaDealAug22>& table();
  void apply(Date d, Levers& l) const override {
    l.removal_delay_factor *= delay_.at(d);
    l.removal_capacity.push_back(RemovalCapacity{index(), capacity_.at(d)});
    l.add_campaign(index(), campaign_.at(d));
  }

 private:
  Schedule delay_, capacity_, campaign_;
};

const Declare<UkAlbaniaDealAug22>& UkAlbaniaDealAug22::table() {
  static const Declare<UkAlbaniaDealAug22> d =
      Declare<UkAlbaniaDealAug22>(
          "uk_albania_deal_aug22",
          "UK-Albania deal of August 2022: faster removals, officers at Dover, adverts",
          {.enabled = true, .start = "2022-08-30", .end = "", .source = "PRESS-AUG22"})
          .sched("removal_delay_factor", &UkAlbaniaDealAug22::delay_, "factor", "0.7", 0, 10,
                 "Factor on the days from refusal to removability", "prior")
          .sched("removal_capacity_per_day", &UkAlbaniaDealAug22::capacity_, "people per day", "2",
                 0, 1000, "Enforced removals to Albania per day added to the base capacity",
                 "prior")
          .sched("campaign", &UkAlbaniaDealAug22::campaign_, "share", "0.2", 0, 1,
                 "Strength of the Albanian-language information campaign (0 none, 1 saturating)",
                 "prior: PRESS-AUG22");
  return d;
}

}  // namespace

void declare_uk_albania_deal_aug22(ParamRegistry& reg) {
  UkAlbaniaDealAug22::table().declare(reg);
}

std::unique_ptr<Measure> make_uk_albania_deal_aug22(uint32_t i, const Scenario& s) {
  return std::make_unique<UkAlbaniaDealAug22>(i, s);
}

}  // namespace smug
