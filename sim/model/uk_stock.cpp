#include "model/uk_stock.hpp"

#include <boost/random/binomial_distribution.hpp>
#include <boost/random/poisson_distribution.hpp>
#include <cmath>

#include "model/world.hpp"
#include "params/declare.hpp"

namespace smug {

const Declare<StockParams>& StockParams::table() {
  static const Declare<StockParams> d =
      Declare<StockParams>("uk_stock", "Albanians in the UK who came by other routes or overstayed")
          .real("initial", &StockParams::initial, "people", "60000", 0, 1e6,
                "Stock on the start date",
                "prior: returns of 784 in 2020 with 54 boat arrivals (HO-RET)")
          .real(
              "inflow_per_year", &StockParams::inflow_per_year, "people per year", "5000", 0, 1e6,
              "Arrivals by other routes and overstays per year, besides the model's own lorry and "
              "air departures",
              "prior")
          .real("removal_per_year", &StockParams::removal_per_year, "per person per year", "0.007",
                0, 1, "Enforced removal rate of the stock without measures", "prior: HO-RET 2020")
          .real("voluntary_per_year", &StockParams::voluntary_per_year, "per person per year",
                "0.006", 0, 1, "Voluntary return rate of the stock", "prior: HO-RET 2020");
  return d;
}

void stock_day(World& w) {
  const StockParams& p = w.p.stock;
  Stream s(w.key, Purpose::kStockDynamics, 0, w.uday());
  boost::random::poisson_distribution<int> inflow(p.inflow_per_year / 365.0 * w.scale);
  w.stock.people += inflow(s);
  const int n = static_cast<int>(std::floor(w.stock.people));
  if (n <= 0) return;
  const double removal = p.removal_per_year * w.levers.stock_removal_factor / 365.0;
  const double voluntary = p.voluntary_per_year * w.levers.voluntary_return_factor / 365.0;
  boost::random::binomial_distribution<int> enforced(n, std::min(1.0, removal));
  const int e = enforced(s);
  boost::random::binomial_distribution<int> vol(n - e, std::min(1.0, voluntary));
  const int v = vol(s);
  w.stock.people -= e + v;
  w.rec.add(kReturnsEnforced, w.day, e);
  w.rec.add(kReturnsVoluntary, w.day, v);
  w.rec.add(kReturns, w.day, e + v);
}

}  // namespace smug
