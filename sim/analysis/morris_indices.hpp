// The Morris screening measures from a trajectory design's outputs. Each trajectory gives one
// elementary effect per parameter, EE = sign (y_after - y_before) / delta on the unit scale, so an
// effect is the output's change over the parameter's whole range (a linear y = c x over [low,
// high] has EE = c (high - low)). Over the r trajectories:
//   mu    the mean EE (Morris 1991): effects of opposite sign cancel in it;
//   mu*   the mean |EE| (Campolongo, Cariboni and Saltelli 2007): the importance ranking;
//   sigma the standard deviation of EE (divisor r - 1): interactions or non-linearity;
// and a bootstrap interval for mu* over the trajectories.
#pragma once
#include <vector>

#include "analysis/bootstrap.hpp"
#include "analysis/morris_design.hpp"

namespace smug {

struct MorrisIndex {
  double mu = 0, mu_star = 0, sigma = 0;
  double mu_star_lo = 0, mu_star_hi = 0;  // 5% and 95% bootstrap quantiles
};

// The elementary effects: effects[i][t] is parameter i's effect in trajectory t.
std::vector<std::vector<double>> elementary_effects(const MorrisDesign& design,
                                                    const std::vector<double>& outputs);

// One index per parameter, in the design's order. outputs[i] is the model's value at
// design.points[i]; one output at a time. Throws UsageError for a wrong count, a non-finite
// output (naming the point) or no resamples.
std::vector<MorrisIndex> morris_indices(const MorrisDesign& design,
                                        const std::vector<double>& outputs,
                                        const BootstrapOptions& bootstrap);

}  // namespace smug
