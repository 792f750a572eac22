// The July 2021 UK-Albania returns arrangement, mainly for offenders: faster removal of Albanians
// in the UK who came by other routes or overstayed (the stock that explains 2021's 1,059 returns).
#include "measures/measure.hpp"
#include "model/declare.hpp"

namespace smug {
namespace {

class ReturnsArrangement2021 : public Measure {
 public:
  ReturnsArrangement2021(uint32_t i, const Scenario& s)
      : Measure("returns_arrangement_2021", i, s), factor_(sched(s, "stock_removal_factor")) {}
  void apply(Date d, Levers& l) const override { l.stock_removal_factor *= factor_.at(d); }

 private:
  Schedule factor_;
};

}  // namespace

void declare_returns_arrangement_2021(ParamRegistry& reg) {
  reg.add_measure("returns_arrangement_2021",
                  "UK-Albania returns arrangement for offenders (removals from the UK stock)", true,
                  "2021-07-26", "", "PRESS-JUL21");
  Declare(reg, "returns_arrangement_2021")
      .sched("stock_removal_factor", "factor", "1.6", 0, 100,
             "Factor on the enforced-removal rate of Albanians who came by other routes",
             "prior: fewer than 1,000 offenders deported in the following year (PRESS-JUL21)");
}

std::unique_ptr<Measure> make_returns_arrangement_2021(uint32_t i, const Scenario& s) {
  return std::make_unique<ReturnsArrangement2021>(i, s);
}

}  // namespace smug
