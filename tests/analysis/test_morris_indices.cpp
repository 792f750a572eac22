#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "analysis/morris_indices.hpp"
#include "core/errors.hpp"
#include "run_model.hpp"

using namespace smug;
using smug::test::run;

namespace {

MorrisDesign design(const std::vector<ParameterRange>& ranges, uint32_t r, uint64_t seed = 1) {
  MorrisOptions o;
  o.trajectories = r;
  o.seed = seed;
  return morris_design(ranges, o);
}

// Sobol's g-function: input i matters less the larger a_i (a_i = 99 is all but inert).
double g_function(const std::vector<double>& x, const std::vector<double>& a) {
  double g = 1;
  for (size_t i = 0; i < x.size(); ++i) g *= (std::fabs(4 * x[i] - 2) + a[i]) / (1 + a[i]);
  return g;
}

}  // namespace

TEST(Morris, LinearFunctionGivesTheCoefficientTimesTheRange) {
  const std::vector<ParameterRange> ranges{
      {"x0", 0, 2}, {"x1", -1, 4}, {"x2", 10, 11}, {"inert", 0, 100}};
  const std::vector<double> c{3, -2, 0.5};
  const MorrisDesign d = design(ranges, 20);
  const auto y =
      run(d, [&](const std::vector<double>& x) { return c[0] * x[0] + c[1] * x[1] + c[2] * x[2]; });
  const std::vector<MorrisIndex> m = morris_indices(d, y, BootstrapOptions{});
  for (size_t i = 0; i < c.size(); ++i) {
    const double effect = c[i] * (ranges[i].high - ranges[i].low);
    // Rounding only: the grid step is delta to within an ulp.
    EXPECT_NEAR(m[i].mu, effect, 1e-11 * std::fabs(effect)) << ranges[i].name;
    EXPECT_NEAR(m[i].mu_star, std::fabs(effect), 1e-11 * std::fabs(effect));
    EXPECT_NEAR(m[i].sigma, 0, 1e-10);  // every effect is the same: no interaction
    EXPECT_NEAR(m[i].mu_star_lo, m[i].mu_star, 1e-10);
    EXPECT_NEAR(m[i].mu_star_hi, m[i].mu_star, 1e-10);
  }
  // The inert input changes nothing the model computes: exactly zero, not merely small.
  EXPECT_EQ(m[3].mu_star, 0.0);
  EXPECT_EQ(m[3].sigma, 0.0);
}

TEST(Morris, RanksTheGFunctionsInputsAndFindsTheInertOnes) {
  const std::vector<double> a{0, 1, 4.5, 9, 99, 99};
  std::vector<ParameterRange> ranges;
  for (size_t i = 0; i < a.size(); ++i)
    ranges.push_back({std::string("x").append(std::to_string(i)), 0, 1});
  const MorrisDesign d = design(ranges, 50);
  const std::vector<MorrisIndex> m =
      morris_indices(d, run(d, [&](const auto& x) { return g_function(x, a); }), {});
  for (size_t i = 0; i + 1 < 4; ++i) EXPECT_GT(m[i].mu_star, m[i + 1].mu_star) << "x" << i;
  // On a 4-level grid every step moves |4x - 2| by 4/3, so |EE_i| is 2 / (1 + a_i) times the
  // other factors: mu* of a_i = 99 is about 1/100 of a_0 = 0's. The bound allows 5 times that.
  for (size_t i = 4; i < 6; ++i) {
    EXPECT_LT(m[i].mu_star, 0.05 * m[0].mu_star) << "x" << i;
    EXPECT_LT(m[i].mu_star_hi, m[3].mu_star_lo) << "x" << i << " not separated from x3";
  }
}

TEST(Morris, SigmaShowsAnInteractionAndMuShowsCancellingSigns) {
  const std::vector<ParameterRange> ranges{{"x0", -1, 1}, {"x1", -1, 1}, {"x2", 0, 1}};
  const MorrisDesign d = design(ranges, 40);
  const auto m = morris_indices(d, run(d, [](const auto& x) { return x[0] * x[1] + x[2]; }), {});
  EXPECT_GT(m[0].sigma, 0.5);  // x0's effect is 2 x1: it changes sign with x1
  EXPECT_NEAR(m[2].sigma, 0, 1e-12);
  EXPECT_LT(std::fabs(m[0].mu), m[0].mu_star);
}

TEST(Morris, TheBootstrapIntervalHoldsMuStarAndIsReproducible) {
  const std::vector<ParameterRange> ranges{{"x0", 0, 1}, {"x1", 0, 1}, {"x2", 0, 1}};
  const MorrisDesign d = design(ranges, 30);
  const auto y = run(d, [](const auto& x) { return g_function(x, {0, 1, 9}); });
  BootstrapOptions b;
  b.resamples = 500;
  b.seed = 9;
  const auto m = morris_indices(d, y, b), again = morris_indices(d, y, b);
  for (size_t i = 0; i < ranges.size(); ++i) {
    EXPECT_LT(m[i].mu_star_lo, m[i].mu_star);
    EXPECT_GT(m[i].mu_star_hi, m[i].mu_star);
    EXPECT_EQ(m[i].mu_star_lo, again[i].mu_star_lo);
    EXPECT_EQ(m[i].mu_star_hi, again[i].mu_star_hi);
  }
}

TEST(Morris, RefusesOutputsOfAnotherLengthOrNotFinite) {
  const MorrisDesign d = design({{"x0", 0, 1}, {"x1", 0, 1}}, 4);
  std::vector<double> y(d.points.size(), 1.0);
  EXPECT_NO_THROW(morris_indices(d, y, {}));
  EXPECT_THROW(morris_indices(d, std::vector<double>(y.size() - 1, 1.0), {}), UsageError);
  y[3] = std::nan("");
  EXPECT_THROW(morris_indices(d, y, {}), UsageError);
  y[3] = 1;
  BootstrapOptions none;
  none.resamples = 0;
  EXPECT_THROW(morris_indices(d, y, none), UsageError);
}
