#include "model/weather.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

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
                "prior: HO-DAILY seasonality (fewest crossings in January)")
          .flag("observed_seasons", &WeatherParams::observed_seasons, "false",
                "Take each month's chance of a viable day from the all-nationality series "
                "(other_nationalities.series_file): the month's crossings against the mean of the "
                "twelve months centred on it, times observed_mean. The seasons then differ from "
                "year to year as the published crossings did; false: the cosine, the same each "
                "year",
                "HO-DAILY (all nationalities; the Albanian series is never read)")
          .real("observed_mean", &WeatherParams::observed_mean, "probability", "0.4", 0, 1,
                "With observed_seasons, the chance of a viable day in a month of average "
                "crossings",
                "prior: the cosine's mean, (viable_summer + viable_winter) / 2");
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

std::vector<double> seasonal_viability(std::span<const double> monthly, double mean) {
  const long n = static_cast<long>(monthly.size());
  std::vector<double> out(monthly.size(), 0.0);
  for (long m = 0; m < n; ++m) {
    double sum = 0;
    long count = 0;
    for (long k = std::max(0L, m - 5); k <= std::min(n - 1, m + 6); ++k, ++count) sum += monthly[k];
    const double centred = sum / static_cast<double>(count);
    if (centred > 0) out[m] = std::min(1.0, mean * monthly[m] / centred);
  }
  return out;
}

Sky::Sky(const WeatherParams& p, Date first_month, std::span<const double> monthly)
    : p_(p), first_month_(first_month) {
  if (!p.observed_seasons) {
    mean_ = 0.5 * (p.viable_summer + p.viable_winter);
    return;
  }
  if (monthly.size() < 12)
    throw std::invalid_argument(
        "weather.observed_seasons needs the all-nationality monthly series (at least a year): set "
        "other_nationalities.enabled = true and other_nationalities.series_file");
  by_month_ = seasonal_viability(monthly, p.observed_mean);
  mean_ = p.observed_mean;
}

double Sky::probability(Date d) const {
  if (!p_.observed_seasons) return viable_probability(p_, d);
  const long m = month_in_series(first_month_, d, static_cast<long>(by_month_.size())).index;
  return m < 0 ? mean_ : by_month_[static_cast<size_t>(m)];
}

bool Sky::viable(StreamKey key, Date d) const {
  Stream s(key, Purpose::kWeather, 0, static_cast<uint32_t>(d.days));
  return s.uniform() < probability(d);
}

double Sky::outlook(Date d, int days) const {
  double sum = 0;
  for (int k = 0; k < days; ++k) sum += probability(d + k);
  return days > 0 ? sum / days : probability(d);
}

}  // namespace smug
