// UK-funded drones and number-plate cameras on Albania's border with Kosovo (May 2024): they see
// only the Kosovo route, both the people crossing it and the networks' vehicles (drivers).
#include "measures/measure.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

class KosovoDrones : public Measure {
 public:
  KosovoDrones(uint32_t i, const Scenario& s) : Measure(table().section(), i, s) {
    table().bind(s, *this);
  }
  static const Declare<KosovoDrones>& table();
  void apply(Date d, Levers& l) const override {
    Detector det{index(), {}};
    det.probability[kExitKosovo] = detect_.at(d);
    l.detectors.push_back(det);
    ArrestPressure a{index(), {}};
    a.weekly_hazard[kDriver] = drivers_.at(d);
    l.arrests.push_back(a);
  }

 private:
  Schedule detect_, drivers_;
};

const Declare<KosovoDrones>& KosovoDrones::table() {
  static const Declare<KosovoDrones> d =
      Declare<KosovoDrones>("kosovo_drones", "Drones and number-plate cameras on the Kosovo border",
                            {.enabled = true,
                             .start = "2024-05-15",
                             .end = "",
                             .source = "SEED-NEWS-MAY24;PRESS-MAY24"})
          .sched("detect", &KosovoDrones::detect_, "probability", "0.1", 0, 1,
                 "Chance a person leaving over the Kosovo border is detected", "prior")
          .sched("arrest_drivers_weekly", &KosovoDrones::drivers_, "per member per week", "0.02", 0,
                 1, "Weekly chance a network driver on that route is identified and arrested",
                 "prior");
  return d;
}

}  // namespace

void declare_kosovo_drones(ParamRegistry& reg) {
  KosovoDrones::table().declare(reg);
}

std::unique_ptr<Measure> make_kosovo_drones(uint32_t i, const Scenario& s) {
  return std::make_unique<KosovoDrones>(i, s);
}

}  // namespace smug
