// Frontex joint operations at Albania's borders: from May 2019 at the southern border with Greece;
// under the 2023 status agreement with executive powers on the whole territory (all land exits).
#include "measures/measure.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

class FrontexAlbania : public Measure {
 public:
  FrontexAlbania(uint32_t i, const Scenario& s) : Measure(table().section(), i, s) {
    table().bind(s, *this);
  }
  static const Declare<FrontexAlbania>& table();
  void apply(Date d, Levers& l) const override {
    Detector det{index(), {}};
    det.probability[kExitGreece] = south_.at(d);
    det.probability[kExitKosovo] = det.probability[kExitMontenegro] = land_.at(d);
    l.detectors.push_back(det);
  }

 private:
  Schedule south_, land_;
};

const Declare<FrontexAlbania>& FrontexAlbania::table() {
  static const Declare<FrontexAlbania> d =
      Declare<FrontexAlbania>(
          "frontex_albania",
          "Frontex joint operations at Albania's borders (detection of people leaving)",
          {.enabled = true, .start = "2019-05-22", .end = "", .source = "FRONTEX"})
          .sched("detect_south", &FrontexAlbania::south_, "probability", "0.02", 0, 1,
                 "Chance a person leaving over the southern border is stopped", "prior: FRONTEX")
          .sched("detect_other_land", &FrontexAlbania::land_, "probability", "0, 2023-09-08: 0.01",
                 0, 1,
                 "Chance a person leaving over the Kosovo or Montenegro border is stopped (2023 "
                 "status agreement: whole territory)",
                 "prior: FRONTEX");
  return d;
}

}  // namespace

void declare_frontex_albania(ParamRegistry& reg) {
  FrontexAlbania::table().declare(reg);
}

std::unique_ptr<Measure> make_frontex_albania(uint32_t i, const Scenario& s) {
  return std::make_unique<FrontexAlbania>(i, s);
}

}  // namespace smug
