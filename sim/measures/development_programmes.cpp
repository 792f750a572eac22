// UK-funded development and information programmes in north-eastern Albania (New Perspectives in
// Kukes and Diber, scholarships): better prospects at home for the people they reach, and
// information about the journey's risks.
#include <sstream>

#include "core/errors.hpp"
#include "measures/measure.hpp"
#include "model/population.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

// The bit mask of the counties in a comma-separated list of names.
uint32_t county_mask(const ParamValue& v) {
  uint32_t mask = 0;
  std::stringstream list(v.text);
  for (std::string name; std::getline(list, name, ',');) {
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    const int c = county_index(name);
    if (c < 0) {
      throw InputError(v.origin.file, v.origin.line, v.spec->name(),
                       "unknown county '" + name + "' (expected lower-case names such as kukes)");
    }
    mask |= 1u << c;
  }
  return mask;
}

class DevelopmentProgrammes : public Measure {
 public:
  DevelopmentProgrammes(uint32_t i, const Scenario& s) : Measure(table().section(), i, s) {
    table().bind(s, *this);
  }
  static const Declare<DevelopmentProgrammes>& table();
  void apply(Date d, Levers& l) const override {
    l.development_counties |= mask_;
    l.development_reach = reach_.at(d);
    l.development_wage_boost = boost_.at(d);
    l.add_campaign(index(), campaign_.at(d));
  }

 private:
  Schedule reach_, boost_, campaign_;
  uint32_t mask_ = 0;
};

const Declare<DevelopmentProgrammes>& DevelopmentProgrammes::table() {
  static const Declare<DevelopmentProgrammes> d =
      Declare<DevelopmentProgrammes>(
          "development_programmes",
          "Development and information programmes (New Perspectives, scholarships)",
          {.enabled = true,
           .start = "2022-01-01",
           .end = "",
           .source = "SEED-PRESS-OCT23;SWISSCONTACT"})
          .text(
              "counties",
              [](DevelopmentProgrammes& m, const ParamValue& v) { m.mask_ = county_mask(v); },
              "kukes,diber", "Counties the programmes work in (comma-separated)", "SWISSCONTACT")
          .sched("reach", &DevelopmentProgrammes::reach_, "share", "0.05", 0, 1,
                 "Share of people at risk in those counties the programmes reach", "prior")
          .sched("home_prospects_boost", &DevelopmentProgrammes::boost_, "factor", "0.3", 0, 10,
                 "Relative rise in prospects at home for the people reached", "prior")
          .sched("campaign", &DevelopmentProgrammes::campaign_, "share", "0", 0, 1,
                 "Strength of accompanying information campaigns", "prior");
  return d;
}

}  // namespace

void declare_development_programmes(ParamRegistry& reg) {
  DevelopmentProgrammes::table().declare(reg);
}

std::unique_ptr<Measure> make_development_programmes(uint32_t i, const Scenario& s) {
  return std::make_unique<DevelopmentProgrammes>(i, s);
}

}  // namespace smug
