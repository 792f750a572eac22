// Runs shipped scenario files through the same path as `smugsim run` (for tests).
#pragma once
#include <string>
#include <vector>

#include "engine/ensemble.hpp"
#include "measures/assemble.hpp"
#include "runner/io/inputs.hpp"
#include "runner/io/scenario_files.hpp"

namespace smug::testing {

inline std::string scenario_path(const std::string& rel) {
  return std::string(SMUG_SOURCE_DIR) + "/scenarios/" + rel;
}

// Loads a shipped scenario, applies overrides ("section.key", "value"), runs it.
inline std::vector<ReplicateResult> run_scenario(
    const std::string& rel, const std::vector<std::pair<std::string, std::string>>& overrides,
    int replicates, int threads = 2) {
  const std::string path = scenario_path(rel);
  Scenario s = load_scenario(path);
  for (const auto& [k, v] : overrides) s.set(k, v, Origin{"test", 0});
  const Model model = build_model(s, load_inputs(s, path));
  EnsembleOptions o;
  o.seed = model.params().run.seed;
  for (int r = 0; r < replicates; ++r) o.replicates.push_back(static_cast<uint64_t>(r));
  o.threads = threads;
  return run_ensemble(model, o);
}

inline double window_sum(const ReplicateResult& r, SeriesId s, const std::string& start,
                         const char* from, const char* to) {
  const Date d0 = *parse_date(start);
  double sum = 0;
  const auto& v = r.rec.series(s);
  for (int d = *parse_date(from) - d0; d <= *parse_date(to) - d0; ++d)
    if (d >= 0 && d < static_cast<int>(v.size())) sum += v[static_cast<size_t>(d)];
  return sum;
}

// Bit-for-bit equality of every series of two replicate sets (NaN equals NaN).
inline bool identical(const std::vector<ReplicateResult>& a, const std::vector<ReplicateResult>& b,
                      std::string* first_difference) {
  if (a.size() != b.size()) return false;
  for (size_t r = 0; r < a.size(); ++r) {
    for (int k = 0; k < kNumSeries; ++k) {
      const auto& x = a[r].rec.series(static_cast<SeriesId>(k));
      const auto& y = b[r].rec.series(static_cast<SeriesId>(k));
      for (size_t t = 0; t < x.size(); ++t) {
        const bool same = (std::isnan(x[t]) && std::isnan(y[t])) || x[t] == y[t];
        if (!same) {
          if (first_difference)
            *first_difference = std::string(series_info()[k].name) + " day " + std::to_string(t);
          return false;
        }
      }
    }
  }
  return true;
}

}  // namespace smug::testing
