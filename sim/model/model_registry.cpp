#include "model/model_registry.hpp"

#include "model/model_params.hpp"

namespace smug {

void declare_mechanism_params(ParamRegistry& r) {
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
  PublicNewsParams::declare(r);
  CampaignParams::declare(r);
}

}  // namespace smug
