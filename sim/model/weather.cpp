#include "model/weather.hpp"

#include <cmath>

#include "params/declare.hpp"

namespace smug {

const Declare<WeatherParams>& WeatherParams::table() {
  static const Declare<WeatherParams> d =
      Declare<WeatherParams>("weather", "Days on which the Channel can be crossed by small boat")
          .real("viable_summer", &WeatherParams::viable_summer, "probability", "0.6", 0, 1,
                "Chance a mid-July day is viable for crossings", "prior: HO-DAILY seasonality")
          .real("viable_winter", &WeatherParams::viable_winter, "probability", "0.2", 0, 1,
                "Chance a mid-January day is viable for crossings", "prior: HO-DAILY seasonality")
          .real("trough_day", &WeatherParams::trough_day, "day of year", "15", 0, 365,
                "Day of the year (0: 1 January) on which the fewest days are viable "
                "(viable_winter); the most (viable_summer) are half a year later, on a raised "
                "cosine between",
                "prior: HO-DAILY seasonality (fewest crossings in January)");
  return d;
}

double viable_probability(const WeatherParams& p, Date d) {
  const Ymd v = to_ymd(d);
  const int doy = d - from_ymd(v.year, 1, 1);
  const double season = 0.5 * (1 - std::cos(2 * M_PI * (doy - p.trough_day) / 365.25));
  return p.viable_winter + (p.viable_summer - p.viable_winter) * season;
}

bool viable_day(const WeatherParams& p, StreamKey key, Date d) {
  Stream s(key, Purpose::kWeather, 0, static_cast<uint32_t>(d.days));
  return s.uniform() < viable_probability(p, d);
}

}  // namespace smug
