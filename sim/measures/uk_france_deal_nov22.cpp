// The November 2022 UK-France agreement (GBP 63m): more French officers on the northern coast,
// so a larger share of launches is stopped.
#include "measures/measure.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

class UkFranceDealNov22 : public Measure {
 public:
  UkFranceDealNov22(uint32_t i, const Scenario& s) : Measure(table().section(), i, s) {
    table().bind(s, *this);
  }
  static const Declare<UkFranceDealNov22>& table();
  void apply(Date d, Levers& l) const override { l.patrol_odds_factor *= odds_.at(d); }

 private:
  Schedule odds_;
};

const Declare<UkFranceDealNov22>& UkFranceDealNov22::table() {
  static const Declare<UkFranceDealNov22> d =
      Declare<UkFranceDealNov22>(
          "uk_france_deal_nov22", "UK-France agreement of November 2022: more patrols",
          {.enabled = true, .start = "2022-11-14", .end = "", .source = "PRESS-NOV22"})
          .sched("patrol_odds_factor", &UkFranceDealNov22::odds_, "factor", "1.3", 0, 100,
                 "Factor on the odds that a launch is stopped by the French police",
                 "prior: 42-61% of attempts stopped in 2022 (PRESS-FRANCE)");
  return d;
}

}  // namespace

void declare_uk_france_deal_nov22(ParamRegistry& reg) {
  UkFranceDealNov22::table().declare(reg);
}

std::unique_ptr<Measure> make_uk_france_deal_nov22(uint32_t i, const Scenario& s) {
  return std::make_unique<UkFranceDealNov22>(i, s);
}

}  // namespace smug
