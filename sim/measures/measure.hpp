// The list of every measure the model knows (the concrete implementations of the model's Measure
// port, model/measure.hpp). Adding a measure touches its own file, one line in
// measure_registry.cpp and the scenarios that use it.
#pragma once
#include <memory>
#include <vector>

#include "model/measure.hpp"
#include "params/registry.hpp"

namespace smug {

struct MeasureEntry {
  const char* section;
  void (*declare)(ParamRegistry& reg);
  std::unique_ptr<Measure> (*make)(uint32_t index, const Scenario& s);
};

// Every measure the model knows, in a fixed order (the order is each measure's index, which keys
// its random stream: append new measures at the end).
const std::vector<MeasureEntry>& measure_entries();

// The scenario's measures, one object per entry (disabled ones included: they never apply).
MeasureSet make_measures(const Scenario& s);

}  // namespace smug
