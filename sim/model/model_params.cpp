#include "model/model_params.hpp"

#include "core/errors.hpp"
#include "params/declare.hpp"

namespace smug {

const Declare<RunParams>& RunParams::table() {
  static const Declare<RunParams> d =
      Declare<RunParams>("run", "How a run is set up; the command line overrides each")
          .date("start", &RunParams::start, "2020-01-01", "First simulated day (YYYY-MM-DD)",
                "MODEL")
          .date("end", &RunParams::end, "2025-12-31",
                "Last simulated day (YYYY-MM-DD); beyond 2024 is projection", "MODEL")
          .integer("seed", &RunParams::seed, "", "1", 0, 4294967295.0,
                   "Seed of every random stream", "-")
          .integer("replicates", &RunParams::replicates, "", "10", 1, 100000, "Replicates per run",
                   "-")
          .real("scale", &RunParams::scale, "share", "1", 0.0001, 10,
                "Share of the population simulated (counts are reported at full scale)", "-");
  return d;
}

RunParams RunParams::from(const Scenario& s) {
  RunParams r = table().bind(s);
  if (r.end < r.start) {
    const auto& v = s.value("run.end");
    throw InputError(v.origin.file, v.origin.line, "run.end", "end is before start");
  }
  return r;
}

ModelParams ModelParams::from(const Scenario& s) {
  return ModelParams{RunParams::from(s),      PopulationParams::from(s),
                     NetworkParams::from(s),  BeliefParams::from(s),
                     DecisionParams::from(s), OrgParams::from(s),
                     JourneyParams::from(s),  WeatherParams::from(s),
                     CrossingParams::from(s), OtherNationalitiesParams::from(s),
                     UkParams::from(s),       StockParams::from(s),
                     NewsParams::from(s)};
}

}  // namespace smug
