#include "measures/measure.hpp"

namespace smug {

MeasureSet make_measures(const Scenario& s) {
  std::vector<std::unique_ptr<Measure>> out;
  uint32_t i = 0;
  for (const auto& e : measure_entries()) out.push_back(e.make(i++, s));
  return MeasureSet(std::move(out));
}

}  // namespace smug
