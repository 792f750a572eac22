#include "analysis/morris_design.hpp"

#include <numeric>
#include <utility>

#include "core/errors.hpp"
#include "core/rng.hpp"

namespace smug {
namespace {

void check_options(const MorrisOptions& o) {
  if (o.trajectories < 2) throw UsageError("Morris needs at least 2 trajectories");
  // Odd p puts x + delta off the grid, and the levels would no longer be visited evenly.
  if (o.levels < 2 || o.levels % 2 != 0)
    throw UsageError("Morris levels must be even and at least 2, not " + std::to_string(o.levels));
}

// One trajectory on the grid of level indices 0 .. p - 1, where delta is p / 2 indices. The
// draws (start, direction, order) follow Morris's B* = (J x* + (delta/2)[(2B - J) D* + J]) P*:
// a parameter moving up starts on a lower-half level, one moving down on the upper half.
struct GridTrajectory {
  std::vector<std::vector<uint32_t>> levels;  // k + 1 points
  std::vector<MorrisStep> steps;              // k moves
};

GridTrajectory grid_trajectory(Stream& s, size_t k, uint32_t p) {
  const uint32_t half = p / 2;
  std::vector<uint32_t> start(k);
  std::vector<int> sign(k);
  for (size_t i = 0; i < k; ++i) {
    const uint32_t low = s.below(half);
    sign[i] = s.below(2) ? 1 : -1;
    start[i] = sign[i] > 0 ? low : low + half;
  }
  std::vector<size_t> order(k);
  std::iota(order.begin(), order.end(), size_t{0});
  for (size_t i = k; i > 1; --i) std::swap(order[i - 1], order[s.below(static_cast<uint32_t>(i))]);
  GridTrajectory t{{start}, {}};
  for (size_t i : order) {
    std::vector<uint32_t> next = t.levels.back();
    next[i] = sign[i] > 0 ? next[i] + half : next[i] - half;
    t.levels.push_back(std::move(next));
    t.steps.push_back(MorrisStep{i, sign[i]});
  }
  return t;
}

std::vector<double> unit_point(const std::vector<uint32_t>& levels, uint32_t p) {
  std::vector<double> u(levels.size());
  for (size_t i = 0; i < levels.size(); ++i) u[i] = static_cast<double>(levels[i]) / (p - 1);
  return u;
}

// Each step's change on the unit scale, from the values the points actually take.
void set_changes(MorrisDesign& d, size_t first_step, size_t first_point) {
  const size_t k = d.parameters();
  for (size_t j = 0; j < k; ++j) {
    MorrisStep& step = d.steps[first_step + j];
    const ParameterRange& r = d.ranges[step.parameter];
    step.change = step.sign * d.delta;
    if (!r.discrete()) continue;
    const double before = d.points[first_point + j][step.parameter];
    const double after = d.points[first_point + j + 1][step.parameter];
    step.change = unit_of(r, after) - unit_of(r, before);
    if (step.change == 0)
      throw UsageError("parameter '" + r.name + "': its range has too few values for " +
                       std::to_string(d.levels) + " levels (a move leaves it unchanged)");
  }
}

}  // namespace

double morris_delta(uint32_t levels) {
  return static_cast<double>(levels) / (2.0 * (levels - 1));
}

MorrisDesign morris_design(const std::vector<ParameterRange>& ranges,
                           const MorrisOptions& options) {
  check_ranges(ranges);
  check_options(options);
  MorrisDesign d;
  d.ranges = ranges;
  d.trajectories = options.trajectories;
  d.levels = options.levels;
  d.delta = morris_delta(options.levels);
  const StreamKey key = StreamKey::make(options.seed, 0);
  for (uint32_t t = 0; t < options.trajectories; ++t) {
    Stream s(key, Purpose::kMorrisDesign, t, 0);
    GridTrajectory g = grid_trajectory(s, ranges.size(), options.levels);
    const size_t first_step = d.steps.size(), first_point = d.points.size();
    for (const auto& levels : g.levels) {
      d.unit.push_back(unit_point(levels, options.levels));
      d.points.push_back(scale_to_ranges(d.unit.back(), ranges));
    }
    d.steps.insert(d.steps.end(), g.steps.begin(), g.steps.end());
    set_changes(d, first_step, first_point);
  }
  return d;
}

}  // namespace smug
