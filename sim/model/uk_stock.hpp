// Albanians in the UK who came by other routes (lorries, false documents) or overstayed. They are
// part of the returns in the data (1,059 returned in 2021 when only 815 came by boat), so the
// stock is modelled explicitly: an inflow, enforced removals (offenders; the 2021 arrangement and
// the 2022 agreement raise the rate) and voluntary returns, drawn as counts from the stock.
#pragma once
#include "params/declare.hpp"

namespace smug {

struct World;

struct StockParams : ParamsOf<StockParams> {
  double initial, inflow_per_year, removal_per_year, voluntary_per_year;
  static const Declare<StockParams>& table();  // every parameter, with the field it fills
};

void stock_day(World& w);

}  // namespace smug
