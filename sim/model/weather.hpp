// Weather: whether a day is viable for small boats. Seasonal (most viable days in summer) and
// stochastic, drawn from its own stream so that every scenario of a replicate sees the same sky.
// Two sources for the chance of a viable day: a raised cosine over the year (the same every
// year), or, with weather.observed_seasons, each month's share of the year's crossings in the
// published all-nationality series (weather as the other nationalities met it, different each
// year). The Albanian series is never read.
#pragma once
#include <span>
#include <vector>

#include "core/date.hpp"
#include "core/rng.hpp"
#include "params/declare.hpp"

namespace smug {

struct WeatherParams : ParamsOf<WeatherParams> {
  double viable_summer, viable_winter;
  double trough_day;      // day of the year (0: 1 January) fewest days are viable
  bool observed_seasons;  // viability by month from the all-nationality series
  double observed_mean;   // the chance of a viable day in a month of average crossings
  static const Declare<WeatherParams>& table();  // every parameter, with the field it fills
};

// Chance that a day of this date is viable on the cosine (lowest on weather.trough_day,
// mid-January by default, highest half a year later).
double viable_probability(const WeatherParams& p, Date d);
bool viable_day(const WeatherParams& p, StreamKey key, Date d);

// The chance of a viable day for any date of a run, from whichever source the parameters name.
class Sky {
 public:
  // monthly: all-nationality people per month from first_month (needed with observed_seasons).
  Sky(const WeatherParams& p, Date first_month, std::span<const double> monthly);
  double probability(Date d) const;
  // Draws from the same stream as viable_day, so the cosine source is bit for bit the same.
  bool viable(StreamKey key, Date d) const;
  // Mean chance of a viable day over the `days` days from d: what people planning see ahead.
  double outlook(Date d, int days) const;
  // The chance in an average month (the level outlooks are compared with).
  double mean() const { return mean_; }

 private:
  const WeatherParams& p_;
  Date first_month_;
  std::vector<double> by_month_;  // observed source only
  double mean_ = 0;
};

// Each month's chance of a viable day from a monthly series: the month's people against the mean
// of the twelve months centred on it (fewer at the series' ends), times `mean`, at most 1.
// A month without crossings has no viable day.
std::vector<double> seasonal_viability(std::span<const double> monthly, double mean);

}  // namespace smug
