// What-if: a small legal work route to the UK. People who would leave irregularly take a visa
// instead while the year's quota lasts (325 work visas went to Albanians in Jan-Sep 2022).
#include "measures/measure.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

class LegalWorkRoute : public Measure {
 public:
  LegalWorkRoute(uint32_t i, const Scenario& s) : Measure(table().section(), i, s) {
    table().bind(s, *this);
  }
  static const Declare<LegalWorkRoute>& table();
  void apply(Date d, Levers& l) const override {
    l.legal_visas_per_day += visas_.at(d) / 365.0;
    l.legal_route_measure = index();
  }

 private:
  Schedule visas_;
};

const Declare<LegalWorkRoute>& LegalWorkRoute::table() {
  static const Declare<LegalWorkRoute> d =
      Declare<LegalWorkRoute>(
          "legal_work_route", "What-if: a legal work-visa route for Albanians",
          {.enabled = false, .start = "2023-01-01", .end = "", .source = "HAC-REPORT"})
          .sched("visas_per_year", &LegalWorkRoute::visas_, "visas per year", "2000", 0, 1e6,
                 "Work visas per year offered to people who would otherwise leave irregularly",
                 "prior: what-if; 325 visas in Jan-Sep 2022 (HAC-REPORT)");
  return d;
}

}  // namespace

void declare_legal_work_route(ParamRegistry& reg) {
  LegalWorkRoute::table().declare(reg);
}

std::unique_ptr<Measure> make_legal_work_route(uint32_t i, const Scenario& s) {
  return std::make_unique<LegalWorkRoute>(i, s);
}

}  // namespace smug
