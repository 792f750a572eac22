#include "model/model_params.hpp"

#include "core/errors.hpp"
#include "params/declare.hpp"

namespace smug {

const Declare<RunParams>& RunParams::table() {
  static const Declare<RunParams> d =
      Declare<RunParams>("run", "How a run is set up; the command line overrides each")
          .date("start", &RunParams::start, "2020-01-01",
                "First simulated day (YYYY-MM-DD), in the years 2000 to 2100", "MODEL")
          .date("end", &RunParams::end, "2025-12-31",
                "Last simulated day (YYYY-MM-DD), in the years 2000 to 2100; beyond 2024 is "
                "projection",
                "MODEL")
          .integer("seed", &RunParams::seed, "seed (a label)", "1", 0, 4294967295.0,
                   "Seed of every random stream", "MODEL")
          .integer("replicates", &RunParams::replicates, "replicates", "10", 1, 100000,
                   "Replicates per run", "MODEL")
          .real("scale", &RunParams::scale, "share", "1", 0.0001, 10,
                "Share of the population simulated (counts are reported at full scale)", "MODEL");
  return d;
}

namespace {

// The years a run may span: the model's data and mechanisms describe the 2020s, and a date far
// outside them (year 1, say) is a typing error that would otherwise run for minutes.
constexpr int kFirstYear = 2000, kLastYear = 2100;

void check_year(const Scenario& s, const char* key, Date d) {
  const int year = to_ymd(d).year;
  if (year >= kFirstYear && year <= kLastYear) return;
  const auto& v = s.value(key);
  throw InputError(v.origin.file, v.origin.line, key,
                   "year " + std::to_string(year) + " is outside the years 2000 to 2100");
}

}  // namespace

RunParams RunParams::from(const Scenario& s) {
  RunParams r = table().bind(s);
  check_year(s, "run.start", r.start);
  check_year(s, "run.end", r.end);
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
                     NewsParams::from(s),     PublicNewsParams::from(s),
                     CampaignParams::from(s)};
}

}  // namespace smug
