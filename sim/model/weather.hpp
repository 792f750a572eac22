// Weather: whether a day is viable for small boats. Seasonal (most viable days in summer) and
// stochastic, drawn from its own stream so that every scenario of a replicate sees the same sky.
#pragma once
#include "core/date.hpp"
#include "core/rng.hpp"
#include "params/scenario.hpp"

namespace smug {

struct WeatherParams {
  double viable_summer, viable_winter;
  static void declare(ParamRegistry& reg);
  static WeatherParams from(const Scenario& s);
};

// Chance that a day of this date is viable (peaks mid-July, lowest mid-January).
double viable_probability(const WeatherParams& p, Date d);
bool viable_day(const WeatherParams& p, StreamKey key, Date d);

}  // namespace smug
