// What-if: more (or fewer) French patrols on the northern coast beyond the 2022 agreement.
#include "measures/measure.hpp"
#include "model/declare.hpp"

namespace smug {
namespace {

class FrenchPatrols : public Measure {
 public:
  FrenchPatrols(uint32_t i, const Scenario& s)
      : Measure("french_patrols", i, s), odds_(sched(s, "patrol_odds_factor")) {}
  void apply(Date d, Levers& l) const override { l.patrol_odds_factor *= odds_.at(d); }

 private:
  Schedule odds_;
};

}  // namespace

void declare_french_patrols(ParamRegistry& reg) {
  reg.add_measure("french_patrols", "What-if: a change in French patrol intensity", false,
                  "2023-01-01", "", "PRESS-FRANCE");
  Declare(reg, "french_patrols")
      .sched("patrol_odds_factor", "factor", "2", 0, 100,
             "Factor on the odds that a launch is stopped (2: patrols doubled)",
             "prior: assumes stops scale with patrol presence on the odds scale");
}

std::unique_ptr<Measure> make_french_patrols(uint32_t i, const Scenario& s) {
  return std::make_unique<FrenchPatrols>(i, s);
}

}  // namespace smug
