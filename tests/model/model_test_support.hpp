// Helpers for the model's mechanism tests: scenarios at their registry defaults with a few
// changes, a World that owns everything it refers to, and bit-exact series comparisons.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "measures/assemble.hpp"
#include "measures/measure.hpp"
#include "model/campaigns.hpp"
#include "model/decision.hpp"
#include "model/model_params.hpp"
#include "model/public_news.hpp"
#include "model/simulation.hpp"
#include "model/world.hpp"
#include "runner/io/inputs.hpp"

namespace smug::test {

using Changes = std::vector<std::pair<std::string, std::string>>;

// A scenario at the registry defaults, with `changes` ("section.key", "text") applied in order.
inline Scenario scenario(const Changes& changes = {}) {
  Scenario s(model_registry());
  for (const auto& [k, v] : changes) s.set(k, v);
  return s;
}

// A scenario in which many people leave, so that mechanism effects show at a small scale: the
// registry defaults are uncalibrated priors, and at them few people leave at all.
inline Scenario busy(const Changes& changes = {}) {
  Scenario s = scenario(
      {{"run.scale", "0.01"}, {"decision.intercept", "-4"}, {"decision.offer_advert", "10"}});
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

// Today's levers from the scenario's active measures, as step() computes them.
// A World with the parameters, inputs and measures it refers to, for stepping by hand.
struct Sim {
  Scenario scen;
  ModelParams params;
  ModelInputs inputs;
  MeasureSet measures;
  World w;

  explicit Sim(Scenario s, uint64_t seed = 1, uint64_t rep = 0, ModelInputs in = {})
      : scen(std::move(s)),
        params(ModelParams::from(scen)),
        inputs(std::move(in)),
        measures(make_measures(scen)),
        w(params, inputs, measures.view(), StreamKey::make(seed, rep), params.run.start,
          params.run.ndays(), params.run.scale) {}

  // Sets the day, date, levers and media as step() does, without running any mechanism.
  void set_day(int day) {
    w.day = day;
    w.date = w.start + day;
    w.levers = levers_on(w.measures, w.date);
    w.orgs.media(w.pop, w.date, w.media.advert);
    offer_chances_today(w);
    campaigns_day(w);
    public_news_day(w);
    w.beliefs.set_media(w.media);
  }
  // Runs days [w.day, end) with step().
  void run_until(int end) {
    for (; w.day < end; ++w.day) step(w);
  }
  double total(SeriesId id) const {
    const auto& v = w.rec.series(id);
    return std::accumulate(v.begin(), v.end(), 0.0);
  }
  int day_of(int y, int m, int d) const { return from_ymd(y, m, d) - w.start; }
};

// Sum of v over [from, to).
inline double sum(const std::vector<double>& v, size_t from = 0, size_t to = SIZE_MAX) {
  double t = 0;
  for (size_t i = from; i < v.size() && i < to; ++i) t += v[i];
  return t;
}

// Bit-for-bit equality of two series over [from, to) (NaN equals NaN of the same bits); on a
// mismatch, returns the first differing day in *where.
inline bool bits_equal(const std::vector<double>& a, const std::vector<double>& b, size_t from = 0,
                       size_t to = SIZE_MAX, size_t* where = nullptr) {
  if (to == SIZE_MAX && a.size() != b.size()) return false;
  for (size_t i = from; i < a.size() && i < b.size() && i < to; ++i) {
    uint64_t x, y;
    std::memcpy(&x, &a[i], sizeof x);
    std::memcpy(&y, &b[i], sizeof y);
    if (x != y) {
      if (where) *where = i;
      return false;
    }
  }
  return true;
}

// Mean of a daily series of a run from 2020-01-01 over the days [from, to).
inline double mean_between(const std::vector<double>& v, Ymd from, Ymd to) {
  const Date start = from_ymd(2020, 1, 1);
  const auto day = [&](Ymd x) {
    return static_cast<size_t>(from_ymd(x.year, x.month, x.day) - start);
  };
  return sum(v, day(from), day(to)) / double(day(to) - day(from));
}

// Every daily series and every measure's series of two recorders are bit-identical over
// [from, to); reports the first difference.
inline ::testing::AssertionResult same_series(const Recorder& a, const Recorder& b, size_t from = 0,
                                              size_t to = SIZE_MAX) {
  for (int s = 0; s < kNumSeries; ++s) {
    size_t day = 0;
    if (!bits_equal(a.series(SeriesId(s)), b.series(SeriesId(s)), from, to, &day))
      return ::testing::AssertionFailure()
             << "series " << series_info()[s].name << " differs on day " << day << ": "
             << a.series(SeriesId(s))[day] << " vs " << b.series(SeriesId(s))[day];
  }
  if (a.nmeasures() != b.nmeasures()) return ::testing::AssertionFailure() << "measure count";
  for (size_t m = 0; m < a.nmeasures(); ++m)
    for (int s = 0; s < kNumMeasureSeries; ++s) {
      size_t day = 0;
      if (!bits_equal(a.measure_series(m, MeasureSeriesId(s)),
                      b.measure_series(m, MeasureSeriesId(s)), from, to, &day))
        return ::testing::AssertionFailure()
               << "measure " << measure_entries()[m].section << " series "
               << measure_series_info()[s].name << " differs on day " << day;
    }
  return ::testing::AssertionSuccess();
}

}  // namespace smug::test
