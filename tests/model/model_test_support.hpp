// Helpers for the model's mechanism tests: scenarios at their registry defaults with a few
// changes, and a World that owns everything it refers to.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "app/inputs.hpp"
#include "measures/measure.hpp"
#include "model/model_params.hpp"
#include "model/model_registry.hpp"
#include "model/simulation.hpp"
#include "model/world.hpp"

namespace smug::test {

// A scenario at the registry defaults, with `changes` ("section.key", "text") applied in order.
inline Scenario scenario(const std::vector<std::pair<std::string, std::string>>& changes = {}) {
  Scenario s(model_registry());
  for (const auto& [k, v] : changes) s.set(k, v);
  return s;
}

// The all-nationality monthly series shipped with the scenarios (the only observed series the
// model may read).
inline ModelInputs shipped_inputs() {
  Scenario s = scenario({{"other_nationalities.enabled", "true"}});
  return load_inputs(s, std::string(SMUG_SOURCE_DIR) + "/scenarios/baseline.ini");
}

// Index of a measure by its section name; fails the test if unknown.
inline uint32_t measure_index(const std::string& name) {
  const auto& e = measure_entries();
  for (size_t i = 0; i < e.size(); ++i)
    if (name == e[i].section) return static_cast<uint32_t>(i);
  ADD_FAILURE() << "unknown measure " << name;
  return 0;
}

// Disables every measure except those named.
inline void only_measures(Scenario& s, const std::vector<std::string>& keep) {
  for (const auto& e : measure_entries()) {
    bool on = false;
    for (const auto& k : keep) on = on || k == e.section;
    s.set(std::string(e.section) + ".enabled", on ? "true" : "false");
  }
}

// A World with the parameters, inputs and measures it refers to, for stepping by hand.
struct Sim {
  Scenario scen;
  ModelParams params;
  ModelInputs inputs;
  std::vector<std::unique_ptr<Measure>> measures;
  World w;

  explicit Sim(Scenario s, uint64_t seed = 1, uint64_t rep = 0, ModelInputs in = {})
      : scen(std::move(s)),
        params(ModelParams::from(scen)),
        inputs(std::move(in)),
        measures(make_measures(scen)),
        w(params, inputs, measures, StreamKey::make(seed, rep), params.run.start,
          params.run.ndays(), params.run.scale) {}

  // Sets the day and date and today's levers, as step() does, without running anything.
  void set_day(int day) {
    w.day = day;
    w.date = w.start + day;
    w.levers = Levers{};
    for (const auto& m : w.measures)
      if (m->active(w.date)) m->apply(w.date, w.levers);
  }
  // Runs days [w.day, end) with step().
  void run_until(int end) {
    for (; w.day < end; ++w.day) step(w);
  }
  void run_all() { run_until(w.ndays); }
  double total(SeriesId id) const {
    const auto& v = w.rec.series(id);
    return std::accumulate(v.begin(), v.end(), 0.0);
  }
};

inline double sum(const std::vector<double>& v, size_t from = 0, size_t to = SIZE_MAX) {
  double t = 0;
  for (size_t i = from; i < v.size() && i < to; ++i) t += v[i];
  return t;
}

}  // namespace smug::test
