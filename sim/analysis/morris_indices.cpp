#include "analysis/morris_indices.hpp"

#include <cmath>
#include <numeric>
#include <string>

#include "analysis/output_check.hpp"
#include "core/errors.hpp"

namespace smug {
namespace {

double mean_abs(const std::vector<double>& ee, const std::vector<size_t>& which) {
  double sum = 0;
  for (size_t t : which) sum += std::fabs(ee[t]);
  return sum / static_cast<double>(which.size());
}

// mu, mu* and sigma of one parameter's effects.
MorrisIndex moments(const std::vector<double>& ee) {
  const double r = static_cast<double>(ee.size());
  MorrisIndex m;
  m.mu = std::accumulate(ee.begin(), ee.end(), 0.0) / r;
  double abs_sum = 0, square_sum = 0;
  for (double e : ee) {
    abs_sum += std::fabs(e);
    square_sum += (e - m.mu) * (e - m.mu);
  }
  m.mu_star = abs_sum / r;
  m.sigma = std::sqrt(square_sum / (r - 1));
  return m;
}

// The bootstrap interval of mu* for every parameter; resample b is the same set of trajectories
// for all of them, as a rerun with other trajectories would be.
std::vector<Interval> mu_star_intervals(const std::vector<std::vector<double>>& effects,
                                        const BootstrapOptions& bootstrap) {
  const size_t k = effects.size(), r = effects[0].size();
  std::vector<std::vector<double>> resampled(k, std::vector<double>(bootstrap.resamples));
  for (uint32_t b = 0; b < bootstrap.resamples; ++b) {
    const std::vector<size_t> which = bootstrap_resample(bootstrap.seed, b, r);
    for (size_t i = 0; i < k; ++i) resampled[i][b] = mean_abs(effects[i], which);
  }
  std::vector<Interval> out;
  for (const auto& values : resampled) out.push_back(percentile_interval(values));
  return out;
}

}  // namespace

std::vector<std::vector<double>> elementary_effects(const MorrisDesign& design,
                                                    const std::vector<double>& outputs) {
  check_outputs(outputs, design.points.size(), "Morris");
  const size_t k = design.parameters();
  std::vector<std::vector<double>> effects(k, std::vector<double>(design.trajectories));
  for (size_t t = 0; t < design.trajectories; ++t) {
    for (size_t j = 0; j < k; ++j) {
      const MorrisStep& step = design.steps[t * k + j];
      const size_t before = t * (k + 1) + j;
      const double change = outputs[before + 1] - outputs[before];
      effects[step.parameter][t] = change / step.change;
    }
  }
  return effects;
}

std::vector<MorrisIndex> morris_indices(const MorrisDesign& design,
                                        const std::vector<double>& outputs,
                                        const BootstrapOptions& bootstrap) {
  check_bootstrap(bootstrap);
  const std::vector<std::vector<double>> effects = elementary_effects(design, outputs);
  const std::vector<Interval> ci = mu_star_intervals(effects, bootstrap);
  std::vector<MorrisIndex> out;
  for (size_t i = 0; i < effects.size(); ++i) {
    MorrisIndex m = moments(effects[i]);
    m.mu_star_lo = ci[i].lo;
    m.mu_star_hi = ci[i].hi;
    out.push_back(m);
  }
  return out;
}

}  // namespace smug
