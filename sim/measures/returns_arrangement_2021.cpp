// The July 2021 UK-Albania returns arrangement, mainly for offenders: faster removal of Albanians
// in the UK who came by other routes or overstayed (the stock that explains 2021's 1,059 returns).
#include "measures/measure.hpp"
#include "params/declare.hpp"

namespace smug {
namespace {

class ReturnsArrangement2021 : public Measure {
 public:
  ReturnsArrangement2021(uint32_t i, const Scenario& s) : Measure(table().section(), i, s) {
    table().bind(s, *this);
  }
  static const Declare<ReturnsArrangement2021>& table();
  void apply(Date d, Levers& l) const override { l.stock_removal_factor *= factor_.at(d); }

 private:
  Schedule factor_;
};

const Declare<ReturnsArrangement2021>& ReturnsArrangement2021::table() {
  static const Declare<ReturnsArrangement2021> d =
      Declare<ReturnsArrangement2021>(
          "returns_arrangement_2021",
          "UK-Albania returns arrangement for offenders (removals from the UK stock)",
          {.enabled = true, .start = "2021-07-26", .end = "", .source = "PRESS-JUL21"})
          .sched("stock_removal_factor", &ReturnsArrangement2021::factor_, "factor", "1.6", 0, 100,
                 "Factor on the enforced-removal rate of Albanians who came by other routes",
                 "prior: fewer than 1,000 offenders deported in the following year (PRESS-JUL21)");
  return d;
}

}  // namespace

void declare_returns_arrangement_2021(ParamRegistry& reg) {
  ReturnsArrangement2021::table().declare(reg);
}

std::unique_ptr<Measure> make_returns_arrangement_2021(uint32_t i, const Scenario& s) {
  return std::make_unique<ReturnsArrangement2021>(i, s);
}

}  // namespace smug
