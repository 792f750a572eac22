// Weather: whether a day is viable for small boats. Seasonal (most viable days in summer) and
// stochastic, drawn from its own stream so that every scenario of a replicate sees the same sky.
#pragma once
#include "core/date.hpp"
#include "core/rng.hpp"
#include "params/declare.hpp"

namespace smug {

struct WeatherParams : ParamsOf<WeatherParams> {
  double viable_summer, viable_winter;
  double trough_day;  // day of the year (0: 1 January) fewest days are viable
  static const Declare<WeatherParams>& table();  // every parameter, with the field it fills
};

// Chance that a day of this date is viable (lowest on weather.trough_day, mid-January by default,
// highest half a year later).
double viable_probability(const WeatherParams& p, Date d);
bool viable_day(const WeatherParams& p, StreamKey key, Date d);

}  // namespace smug
