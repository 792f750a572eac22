// The calibration method recovers known parameters from synthetic data made by the model itself.
// Small and fast: two free parameters, a 3% sample of the population, four years. The full-size
// check is documented in docs/calibration.md.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "calibration/calibration_driver.hpp"
#include "measures/assemble.hpp"
#include "model/simulation.hpp"
#include "runner/run_record.hpp"
#include "tests/app/scenario_runs.hpp"

using namespace smug;

namespace {

out::Target window_target(const std::string& id, const std::string& series, const char* from,
                          const char* to, double value, double rel) {
  out::Target t;
  t.id = id;
  t.metric = t.series = series;
  t.window_start = *parse_date(from);
  t.window_end = *parse_date(to);
  t.observed = value;
  t.lower = value * (1 - rel);
  t.upper = value * (1 + rel);
  return t;
}

}  // namespace

TEST(CalibrationRecovery, RecoversKnownParametersFromSyntheticData) {
  // The baseline's model (its market structure and fitted values), on a 3% sample without the
  // other nationalities' flow.
  Scenario s = load_scenario(smug::testing::scenario_path("baseline.ini"));
  s.set("run.end", "2023-12-31");
  s.set("run.scale", "0.03");
  s.set("other_nationalities.enabled", "false");
  const double true_intercept = -6.5, true_campaign = 0.6;
  // Replicates of the synthetic data and of each proposal. Six were enough while the baseline's
  // replicates agreed closely; wave 4's baseline has far more spread (5-95% of 2022 arrivals
  // 5,600-17,800 at full scale, more at 3%), and the posterior then centres on what fits the few
  // draws rather than the truth: with six the intercept's 5% quantile was -6.498, with twelve -6.44
  // for a true -6.5. With 24 the truth is inside but near the edge (docs/calibration.md).
  constexpr int kReplicates = 24;
  // Synthetic "observations": the model at the true parameters, with seeds the calibration
  // does not use, averaged over replicates.
  Scenario truth = s;
  truth.set("decision.intercept", "-6.5");
  truth.set("beliefs.campaign_p_return", "0.6");
  const Model model = build_model(truth, ModelInputs{});
  std::vector<ReplicateResult> runs;
  for (int r = 0; r < kReplicates; ++r) runs.push_back(model.run(999, static_cast<uint64_t>(r)));
  const out::RunData data = make_run_data(truth, model, runs, {});
  auto window_mean = [&](const char* series, const char* from, const char* to) {
    out::Target t = window_target("x", series, from, to, 1, 0.5);
    return out::evaluate_target(data, t).mean;
  };
  std::vector<out::Target> targets = {
      window_target("A21", "arrivals", "2021-01-01", "2021-12-31",
                    window_mean("arrivals", "2021-01-01", "2021-12-31"), 0.25),
      window_target("A22", "arrivals", "2022-01-01", "2022-12-31",
                    window_mean("arrivals", "2022-01-01", "2022-12-31"), 0.25),
      window_target("A23", "arrivals", "2023-01-01", "2023-12-31",
                    window_mean("arrivals", "2023-01-01", "2023-12-31"), 0.25),
  };
  for (const auto& t : targets) ASSERT_GT(*t.observed, 0) << t.id;

  CalibrationSetup setup;
  setup.priors = {Prior{"decision.intercept", Prior::Shape::kUniform, -8.5, -4.5, "test"},
                  Prior{"beliefs.campaign_p_return", Prior::Shape::kUniform, 0.1, 1, "test"}};
  setup.abc.particles = 20;
  setup.abc.max_generations = 6;
  setup.abc.seed = 7;
  // Enough replicates that the mean of a proposal is not mostly its replicates' luck: with common
  // random numbers the posterior otherwise centres on what fits those few draws.
  setup.replicates = kReplicates;
  CalibrationContext ctx{s, ModelInputs{}, targets, setup};
  CalibrationOptions o;
  o.threads = 2;
  const Abc abc = run_calibration(ctx, o);

  std::vector<double> a, c, w;
  for (const auto& p : abc.population()) {
    a.push_back(p.eval.theta[0]);
    c.push_back(p.eval.theta[1]);
    w.push_back(p.weight);
  }
  std::printf("intercept [%g, %g, %g]; campaign [%g, %g, %g]\n", weighted_quantile(a, w, 0.05),
              weighted_quantile(a, w, 0.5), weighted_quantile(a, w, 0.95),
              weighted_quantile(c, w, 0.05), weighted_quantile(c, w, 0.5),
              weighted_quantile(c, w, 0.95));
  // The true values lie within the posterior's 5-95% range, and the posterior of the intercept
  // (which the arrival windows pin) is much narrower than its prior.
  EXPECT_LE(weighted_quantile(a, w, 0.05), true_intercept);
  EXPECT_GE(weighted_quantile(a, w, 0.95), true_intercept);
  EXPECT_LE(weighted_quantile(c, w, 0.05), true_campaign);
  EXPECT_GE(weighted_quantile(c, w, 0.95), true_campaign);
  EXPECT_LT(weighted_quantile(a, w, 0.95) - weighted_quantile(a, w, 0.05), 0.5 * 4.0);
}
