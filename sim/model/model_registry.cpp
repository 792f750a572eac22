#include "model/model_registry.hpp"

#include "measures/measure.hpp"
#include "model/model_params.hpp"

namespace smug {

const ParamRegistry& model_registry() {
  static const ParamRegistry reg = [] {
    ParamRegistry r;
    RunParams::declare(r);
    PopulationParams::declare(r);
    NetworkParams::declare(r);
    BeliefParams::declare(r);
    DecisionParams::declare(r);
    OrgParams::declare(r);
    JourneyParams::declare(r);
    WeatherParams::declare(r);
    CrossingParams::declare(r);
    OtherNationalitiesParams::declare(r);
    UkParams::declare(r);
    StockParams::declare(r);
    NewsParams::declare(r);
    for (const auto& m : measure_entries()) m.declare(r);
    return r;
  }();
  return reg;
}

}  // namespace smug
