// The Morris (1991) trajectory design for elementary effects. The unit cube is cut into a grid of
// p levels {0, 1/(p-1), ..., 1} per parameter; a trajectory starts at a random grid point and moves
// one parameter at a time, each by +delta or -delta with delta = p / (2 (p - 1)), in a random
// order, so its k + 1 points give one elementary effect per parameter. With p even every level is
// visited equally often. Trajectory t is drawn from stream (seed, kMorrisDesign, entity = t): the
// same seed gives the same design, and adding trajectories keeps the earlier ones.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/parameter_range.hpp"

namespace smug {

struct MorrisOptions {
  uint32_t trajectories = 20;  // r; at least 2, for sigma and the bootstrap
  uint32_t levels = 4;         // p; even, at least 2
  uint64_t seed = 1;
};

// One move along a trajectory: which parameter changed, whether up (+1) or down (-1), and by how
// much on the unit scale: +-delta for a real range; for a discrete one the change of the value
// actually run, (x_after - x_before) / (high - low), which rounding can make differ from delta.
struct MorrisStep {
  size_t parameter = 0;
  int sign = 1;
  double change = 0;
};

struct MorrisDesign {
  std::vector<ParameterRange> ranges;
  uint32_t trajectories = 0, levels = 0;
  double delta = 0;
  // r (k + 1) points, trajectory after trajectory: unit on the grid, points scaled to the ranges
  // (where the model runs). Output i of the model belongs to points[i].
  std::vector<std::vector<double>> unit, points;
  // r k moves: steps[t k + j] goes from point t (k + 1) + j to the next one.
  std::vector<MorrisStep> steps;

  size_t parameters() const { return ranges.size(); }
};

// delta = p / (2 (p - 1)): half the levels apart, so each level has exactly one partner.
double morris_delta(uint32_t levels);

// Throws UsageError for bad ranges, fewer than 2 trajectories, an odd or too small p, or a
// discrete range too narrow for the grid (a move that leaves the rounded value unchanged).
MorrisDesign morris_design(const std::vector<ParameterRange>& ranges, const MorrisOptions& options);

}  // namespace smug
