// Bootstrap percentile intervals for the sensitivity indices (Efron and Tibshirani 1993, ch. 13):
// resample the design's independent units (Morris trajectories, Saltelli rows) with replacement,
// recompute the index on each resample and take its 5% and 95% quantiles. Resamples come from
// keyed streams (seed, kBootstrap, entity = resample), so an interval is reproducible and every
// output of one analysis is resampled the same way.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace smug {

struct BootstrapOptions {
  uint32_t resamples = 1000;  // B
  uint64_t seed = 1;
};

struct Interval {
  double lo = 0, hi = 0;
};

// Resample b of n units: n indices in [0, n), drawn with replacement. n < 2^32.
std::vector<size_t> bootstrap_resample(uint64_t seed, uint32_t b, size_t n);

// The q-quantile (0 <= q <= 1) of non-empty values, linear between order statistics (Hyndman and
// Fan 1996, type 7, R's default), so the interval does not jump with B.
double quantile(std::vector<double> values, double q);

// The 5% and 95% quantiles of the resampled index: a 90% interval. Resamples where the index is
// undefined (NaN: an output constant on the resampled rows) are left out; NaN if all are.
Interval percentile_interval(const std::vector<double>& values);

}  // namespace smug
