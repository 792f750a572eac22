// Sensitivity ranges from a posterior sample (app/posterior_ranges.hpp) and the set-up keys that
// ask for them.
#include <gtest/gtest.h>

#include "app/posterior_ranges.hpp"
#include "app/sensitivity_setup.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"

namespace smug {
namespace {

// Twenty draws of the intercept, -8.0 to -6.1, and an integer column, with the last draw's weight.
ParamTable twenty_draws(double last_weight) {
  std::string csv = "decision.intercept,organisations.arrest_disruption_weeks,weight\n";
  for (int i = 0; i < 20; ++i)
    csv += std::to_string(-8.0 + 0.1 * i) + "," + std::to_string(i % 5) + "," +
           (i == 19 ? std::to_string(last_weight) : std::string("1")) + "\n";
  return parse_param_table("post.csv", csv, TableKind::kPosterior, model_registry());
}

TEST(PosteriorRanges, SpanTheCentralIntervalOfEachRealAndIntegerColumn) {
  const PosteriorRanges p = posterior_ranges(twenty_draws(1), model_registry(), 0.05, 0.95, {});
  ASSERT_EQ(p.ranges.size(), 2u);
  EXPECT_EQ(p.ranges[0].name, "decision.intercept");
  EXPECT_EQ(p.ranges[0].kind, RangeKind::kReal);
  EXPECT_NEAR(p.ranges[0].low, -8.0, 1e-9);   // cumulative weight reaches 1 of 20 at the first
  EXPECT_NEAR(p.ranges[0].high, -6.2, 1e-9);  // and 19 of 20 at the nineteenth
  EXPECT_EQ(p.ranges[1].name, "organisations.arrest_disruption_weeks");
  EXPECT_EQ(p.ranges[1].kind, RangeKind::kInteger);  // varied in whole numbers
  EXPECT_EQ(p.ranges[1].low, 0);
  EXPECT_EQ(p.ranges[1].high, 4);
  EXPECT_TRUE(p.skipped.empty());
}

TEST(PosteriorRanges, WeightsMoveTheQuantiles) {
  // The last draw carries 20 of 39: the 95% quantile is that draw.
  const PosteriorRanges p = posterior_ranges(twenty_draws(20), model_registry(), 0.05, 0.95, {});
  EXPECT_NEAR(p.ranges[0].high, -6.1, 1e-9);
  EXPECT_NEAR(weighted_quantile({{3, 1}, {1, 1}, {2, 2}}, 0.5), 2, 0);
}

TEST(PosteriorRanges, TheSetUpsOwnParametersTakePrecedence) {
  const PosteriorRanges p =
      posterior_ranges(twenty_draws(1), model_registry(), 0.05, 0.95, {"decision.intercept"});
  ASSERT_EQ(p.ranges.size(), 1u);
  EXPECT_EQ(p.ranges[0].name, "organisations.arrest_disruption_weeks");
}

constexpr const char* kOutputs = "[outputs]\narrivals_2023 = arrivals 2023-01-01 2023-12-31\n";

TEST(SensitivitySetup, APosteriorAloneNamesTheParameters) {
  const SensitivitySetup s = parse_sensitivity_setup(
      "s.ini",
      std::string("[sensitivity]\nscenario = a.ini\nposterior = hm/posterior.csv\n"
                  "posterior_range = 0.1 0.9\n") +
          kOutputs,
      model_registry());
  EXPECT_EQ(s.posterior, "hm/posterior.csv");
  EXPECT_EQ(s.posterior_line, 3);
  EXPECT_DOUBLE_EQ(s.posterior_lo, 0.1);
  EXPECT_DOUBLE_EQ(s.posterior_hi, 0.9);
  EXPECT_TRUE(s.parameters.empty());  // the command adds them from the file
}

TEST(SensitivitySetup, ReversedPosteriorQuantilesAreRefusedNamingTheLine) {
  try {
    parse_sensitivity_setup("s.ini",
                            std::string("[sensitivity]\nscenario = a.ini\nposterior = p.csv\n"
                                        "posterior_range = 0.9 0.1\n") +
                                kOutputs,
                            model_registry());
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("s.ini:4"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("posterior_range"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace smug
