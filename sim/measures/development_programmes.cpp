// UK-funded development and information programmes in north-eastern Albania (New Perspectives in
// Kukes and Diber, scholarships): better prospects at home for the people they reach, and
// information about the journey's risks.
#include <sstream>

#include "core/errors.hpp"
#include "measures/measure.hpp"
#include "model/declare.hpp"
#include "model/population.hpp"

namespace smug {
namespace {

class DevelopmentProgrammes : public Measure {
 public:
  DevelopmentProgrammes(uint32_t i, const Scenario& s)
      : Measure("development_programmes", i, s),
        reach_(sched(s, "reach")),
        boost_(sched(s, "home_prospects_boost")),
        campaign_(sched(s, "campaign")) {
    std::stringstream list(s.text("development_programmes.counties"));
    for (std::string name; std::getline(list, name, ',');) {
      name.erase(0, name.find_first_not_of(' '));
      name.erase(name.find_last_not_of(' ') + 1);
      const int c = county_index(name);
      if (c < 0) {
        const auto& o = s.value("development_programmes.counties").origin;
        throw InputError(o.file, o.line, "development_programmes.counties",
                         "unknown county '" + name + "' (expected lower-case names such as kukes)");
      }
      mask_ |= 1u << c;
    }
  }
  void apply(Date d, Levers& l) const override {
    l.development_counties |= mask_;
    l.development_reach = reach_.at(d);
    l.development_wage_boost = boost_.at(d);
    l.campaign_pressure += campaign_.at(d);
  }

 private:
  Schedule reach_, boost_, campaign_;
  uint32_t mask_ = 0;
};

}  // namespace

void declare_development_programmes(ParamRegistry& reg) {
  reg.add_measure("development_programmes",
                  "Development and information programmes (New Perspectives, scholarships)", true,
                  "2022-01-01", "", "SEED-PRESS-OCT23;SWISSCONTACT");
  Declare(reg, "development_programmes")
      .text("counties", "kukes,diber", "Counties the programmes work in (comma-separated)",
            "SWISSCONTACT")
      .sched("reach", "share", "0.05", 0, 1,
             "Share of people at risk in those counties the programmes reach", "prior")
      .sched("home_prospects_boost", "factor", "0.3", 0, 10,
             "Relative rise in prospects at home for the people reached", "prior")
      .sched("campaign", "share", "0", 0, 1, "Strength of accompanying information campaigns",
             "prior");
}

std::unique_ptr<Measure> make_development_programmes(uint32_t i, const Scenario& s) {
  return std::make_unique<DevelopmentProgrammes>(i, s);
}

}  // namespace smug
