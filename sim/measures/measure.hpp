// A measure is a scenario component split into what and when (as in OpenMalaria): its deployment
// (enabled, start, optional end) and its effect on the day's levers, with intensities that may
// change on dated schedules. Adding a measure touches its own file, one line in
// measure_registry.cpp and the scenarios that use it.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/levers.hpp"
#include "params/scenario.hpp"

namespace smug {

class Measure {
 public:
  Measure(std::string section, uint32_t index, const Scenario& s);
  virtual ~Measure() = default;

  bool active(Date d) const { return enabled_ && d >= start_ && (!end_ || d < *end_); }
  // Applies the measure's effect on day d; called only while active.
  virtual void apply(Date d, Levers& levers) const = 0;

  const std::string& name() const { return section_; }
  uint32_t index() const { return index_; }

 protected:
  const Schedule& sched(const Scenario& s, const std::string& key) const {
    return s.schedule(section_ + "." + key);
  }

 private:
  std::string section_;
  uint32_t index_;
  bool enabled_;
  Date start_;
  std::optional<Date> end_;
};

struct MeasureEntry {
  const char* section;
  void (*declare)(ParamRegistry& reg);
  std::unique_ptr<Measure> (*make)(uint32_t index, const Scenario& s);
};

// Every measure the model knows, in a fixed order (the order is each measure's index, which keys
// its random stream: append new measures at the end).
const std::vector<MeasureEntry>& measure_entries();

// The scenario's measures, one object per entry (disabled ones included: they never apply).
std::vector<std::unique_ptr<Measure>> make_measures(const Scenario& s);

}  // namespace smug
