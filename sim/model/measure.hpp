// The model's port for measures. A measure is a scenario component split into what and when (as in
// OpenMalaria): its deployment (enabled, start, optional end) and its effect on the day's levers,
// with intensities that may change on dated schedules. The model knows only this interface and the
// Levers it writes; the concrete measures live in sim/measures and implement it, so the
// dependency runs measures -> model, never back.
#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/levers.hpp"
#include "params/scenario.hpp"

namespace smug {

class Measure {
 public:
  Measure(std::string section, uint32_t index, const Scenario& s);
  virtual ~Measure() = default;
  Measure(const Measure&) = delete;
  Measure& operator=(const Measure&) = delete;

  bool active(Date d) const { return enabled_ && d >= start_ && (!end_ || d < *end_); }
  // Applies the measure's effect on day d; called only while active.
  virtual void apply(Date d, Levers& levers) const = 0;

  const std::string& name() const { return section_; }
  // The measure's place in the scenario's list: keys its random stream and its series.
  uint32_t index() const { return index_; }

 private:
  std::string section_;
  uint32_t index_;
  bool enabled_;
  Date start_;
  std::optional<Date> end_;
};

// A model's measures: owned, in their fixed order, and seen by the world as a read-only span.
class MeasureSet {
 public:
  MeasureSet() = default;
  explicit MeasureSet(std::vector<std::unique_ptr<Measure>> measures);

  std::span<const Measure* const> view() const { return view_; }
  size_t size() const { return view_.size(); }

 private:
  std::vector<std::unique_ptr<Measure>> owned_;
  std::vector<const Measure*> view_;  // owned_'s objects: they stay put when the set moves
};

// The levers of day d: every measure active on d applied in order to the neutral levers.
Levers levers_on(std::span<const Measure* const> measures, Date d);

}  // namespace smug
