// The UK-Albania Joint Migration Taskforce (by April 2023), housed from 16 October 2023 in the
// Police Command Centre at Tirana airport: operations against smuggling networks and stronger exit
// checks at every border crossing. The command centre is a dated change of intensity.
#include "measures/measure.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

class Taskforce : public Measure {
 public:
  Taskforce(uint32_t i, const Scenario& s) : Measure(table().section(), i, s) {
    table().bind(s, *this);
  }
  static const Declare<Taskforce>& table();
  void apply(Date d, Levers& l) const override {
    ArrestPressure a{index(), {}};
    a.weekly_hazard[kRecruiter] = recruiters_.at(d);
    a.weekly_hazard[kDriver] = drivers_.at(d);
    l.arrests.push_back(a);
    Detector det{index(), {}};
    det.probability.fill(detect_.at(d));
    l.detectors.push_back(det);
  }

 private:
  Schedule recruiters_, drivers_, detect_;
};

const Declare<Taskforce>& Taskforce::table() {
  static const Declare<Taskforce> d =
      Declare<Taskforce>(
          "taskforce",
          "Joint Migration Taskforce, then the Police Command Centre (from 2023-10-16)",
          {.enabled = true,
           .start = "2023-04-01",
           .end = "",
           .source = "JMT-APR23;SEED-PRESS-OCT23"})
          .sched("arrest_recruiters_weekly", &Taskforce::recruiters_, "per member per week",
                 "0.02, 2023-10-16: 0.03", 0, 1, "Weekly chance the taskforce arrests a recruiter",
                 "prior")
          .sched("arrest_drivers_weekly", &Taskforce::drivers_, "per member per week",
                 "0.02, 2023-10-16: 0.03", 0, 1, "Weekly chance the taskforce arrests a driver",
                 "prior")
          .sched("exit_detect", &Taskforce::detect_, "probability", "0.03, 2023-10-16: 0.05", 0, 1,
                 "Chance a person leaving by any exit is stopped by stronger exit checks",
                 "prior: JMT-APR23");
  return d;
}

}  // namespace

void declare_taskforce(ParamRegistry& reg) {
  Taskforce::table().declare(reg);
}

std::unique_ptr<Measure> make_taskforce(uint32_t i, const Scenario& s) {
  return std::make_unique<Taskforce>(i, s);
}

}  // namespace smug
