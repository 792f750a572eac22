#include "model/model_params.hpp"

#include "core/errors.hpp"
#include "model/declare.hpp"

namespace smug {

void RunParams::declare(ParamRegistry& reg) {
  Declare(reg, "run", "How a run is set up; the command line overrides each")
      .date("start", "2020-01-01", "First simulated day (YYYY-MM-DD)", "MODEL")
      .date("end", "2025-12-31", "Last simulated day (YYYY-MM-DD); beyond 2024 is projection",
            "MODEL")
      .integer("seed", "", "1", 0, 4294967295.0, "Seed of every random stream", "-")
      .integer("replicates", "", "10", 1, 100000, "Replicates per run", "-")
      .real("scale", "share", "1", 0.0001, 10,
            "Share of the population simulated (counts are reported at full scale)", "-");
}

RunParams RunParams::from(const Scenario& s) {
  RunParams r;
  auto date = [&](const char* key) {
    const auto d = s.date(key);
    if (!d) {
      const auto& v = s.value(key);
      throw InputError(v.origin.file, v.origin.line, key, "a date YYYY-MM-DD is required");
    }
    return *d;
  };
  r.start = date("run.start");
  r.end = date("run.end");
  if (r.end < r.start) {
    const auto& v = s.value("run.end");
    throw InputError(v.origin.file, v.origin.line, "run.end", "end is before start");
  }
  r.seed = static_cast<uint64_t>(s.integer("run.seed"));
  r.replicates = static_cast<int>(s.integer("run.replicates"));
  r.scale = s.real("run.scale");
  return r;
}

ModelParams ModelParams::from(const Scenario& s) {
  return ModelParams{RunParams::from(s),       PopulationParams::from(s), NetworkParams::from(s),
                     BeliefParams::from(s),    DecisionParams::from(s),   OrgParams::from(s),
                     JourneyParams::from(s),   WeatherParams::from(s),    CrossingParams::from(s),
                     OtherNationalitiesParams::from(s), UkParams::from(s),
                     StockParams::from(s),     NewsParams::from(s)};
}

}  // namespace smug
