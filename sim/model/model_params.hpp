// Every mechanism's parameters, read once from the resolved scenario.
#pragma once
#include "model/beliefs.hpp"
#include "model/campaigns.hpp"
#include "model/crossing.hpp"
#include "model/decision.hpp"
#include "model/journey.hpp"
#include "model/network.hpp"
#include "model/news.hpp"
#include "model/organisations.hpp"
#include "model/population.hpp"
#include "model/public_news.hpp"
#include "model/uk_processing.hpp"
#include "model/uk_stock.hpp"
#include "model/weather.hpp"
#include "params/declare.hpp"

namespace smug {

// How a run is set up: horizon, seed, replicates, scale (the command line can override each).
struct RunParams : ParamsOf<RunParams> {
  Date start, end;
  uint64_t seed;
  int replicates;
  double scale;
  static const Declare<RunParams>& table();  // every parameter, with the field it fills
  // The table's values, and an error when the run ends before it starts.
  static RunParams from(const Scenario& s);
  int ndays() const { return end - start + 1; }
};

struct ModelParams {
  RunParams run;
  PopulationParams population;
  NetworkParams network;
  BeliefParams beliefs;
  DecisionParams decision;
  OrgParams orgs;
  JourneyParams journey;
  WeatherParams weather;
  CrossingParams crossing;
  OtherNationalitiesParams other;
  UkParams uk;
  StockParams stock;
  NewsParams news;
  PublicNewsParams public_news;
  CampaignParams campaigns;
  static ModelParams from(const Scenario& s);
};

}  // namespace smug
