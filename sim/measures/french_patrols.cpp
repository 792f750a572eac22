// What-if: more (or fewer) French patrols on the northern coast beyond the 2022 agreement.
#include "measures/measure.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

class FrenchPatrols : public Measure {
 public:
  FrenchPatrols(uint32_t i, const Scenario& s) : Measure(table().section(), i, s) {
    table().bind(s, *this);
  }
  static const Declare<FrenchPatrols>& table();
  void apply(Date d, Levers& l) const override { l.patrol_odds_factor *= odds_.at(d); }

 private:
  Schedule odds_;
};

const Declare<FrenchPatrols>& FrenchPatrols::table() {
  static const Declare<FrenchPatrols> d =
      Declare<FrenchPatrols>(
          "french_patrols", "What-if: a change in French patrol intensity",
          {.enabled = false, .start = "2023-01-01", .end = "", .source = "PRESS-FRANCE"})
          .sched("patrol_odds_factor", &FrenchPatrols::odds_, "factor", "2", 0, 100,
                 "Factor on the odds that a launch is stopped (2: patrols doubled)",
                 "prior: assumes stops scale with patrol presence on the odds scale");
  return d;
}

}  // namespace

void declare_french_patrols(ParamRegistry& reg) {
  FrenchPatrols::table().declare(reg);
}

std::unique_ptr<Measure> make_french_patrols(uint32_t i, const Scenario& s) {
  return std::make_unique<FrenchPatrols>(i, s);
}

}  // namespace smug
