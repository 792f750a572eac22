#include "measures/measure.hpp"

namespace smug {

Measure::Measure(std::string section, uint32_t index, const Scenario& s)
    : section_(std::move(section)), index_(index) {
  enabled_ = s.flag(section_ + ".enabled");
  start_ = s.date(section_ + ".start").value_or(Date{INT32_MIN});
  end_ = s.date(section_ + ".end");
}

std::vector<std::unique_ptr<Measure>> make_measures(const Scenario& s) {
  std::vector<std::unique_ptr<Measure>> out;
  uint32_t i = 0;
  for (const auto& e : measure_entries()) out.push_back(e.make(i++, s));
  return out;
}

}  // namespace smug
