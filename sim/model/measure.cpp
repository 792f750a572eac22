#include "model/measure.hpp"

#include <climits>

namespace smug {

Measure::Measure(std::string section, uint32_t index, const Scenario& s)
    : section_(std::move(section)), index_(index) {
  enabled_ = s.flag(section_ + ".enabled");
  start_ = s.date(section_ + ".start").value_or(Date{INT32_MIN});
  end_ = s.date(section_ + ".end");
}

MeasureSet::MeasureSet(std::vector<std::unique_ptr<Measure>> measures)
    : owned_(std::move(measures)) {
  for (const auto& m : owned_) view_.push_back(m.get());
}

Levers levers_on(std::span<const Measure* const> measures, Date d) {
  Levers l;
  for (const Measure* m : measures)
    if (m->active(d)) m->apply(d, l);
  return l;
}

}  // namespace smug
