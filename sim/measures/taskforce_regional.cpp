// What-if (announced May 2025): the Joint Migration Taskforce extended to Kosovo, North Macedonia
// and Montenegro: more arrests of drivers and recruiters, checks on the Kosovo and Montenegro
// routes.
#include "measures/measure.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

class TaskforceRegional : public Measure {
 public:
  TaskforceRegional(uint32_t i, const Scenario& s) : Measure(table().section(), i, s) {
    table().bind(s, *this);
  }
  static const Declare<TaskforceRegional>& table();
  void apply(Date d, Levers& l) const override {
    ArrestPressure a{index(), {}};
    a.weekly_hazard[kRecruiter] = a.weekly_hazard[kDriver] = arrests_.at(d);
    l.arrests.push_back(a);
    Detector det{index(), {}};
    det.probability[kExitKosovo] = det.probability[kExitMontenegro] = detect_.at(d);
    l.detectors.push_back(det);
  }

 private:
  Schedule arrests_, detect_;
};

const Declare<TaskforceRegional>& TaskforceRegional::table() {
  static const Declare<TaskforceRegional> d =
      Declare<TaskforceRegional>(
          "taskforce_regional",
          "What-if: taskforce extended to Kosovo, North Macedonia and Montenegro",
          {.enabled = false, .start = "2025-05-15", .end = "", .source = "GOV-MAY25"})
          .sched("arrest_weekly", &TaskforceRegional::arrests_, "per member per week", "0.015", 0,
                 1, "Weekly chance a recruiter or driver is arrested by the regional taskforce",
                 "prior")
          .sched("detect_land", &TaskforceRegional::detect_, "probability", "0.05", 0, 1,
                 "Chance a person leaving over the Kosovo or Montenegro border is stopped",
                 "prior");
  return d;
}

}  // namespace

void declare_taskforce_regional(ParamRegistry& reg) {
  TaskforceRegional::table().declare(reg);
}

std::unique_ptr<Measure> make_taskforce_regional(uint32_t i, const Scenario& s) {
  return std::make_unique<TaskforceRegional>(i, s);
}

}  // namespace smug
