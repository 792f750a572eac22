// Pins the calibration: a full-scale baseline ensemble must put the mean of every target of
// scenarios/data/targets.csv inside its band, with enough replicates that each mean's standard
// error is under a quarter of the band's width (so a pass is not luck).
#include <gtest/gtest.h>

#include "app/run_record.hpp"
#include "output/targets.hpp"
#include "tests/app/scenario_runs.hpp"

using namespace smug;
using namespace smug::testing;

// DISABLED: the calibrated baseline does not yet meet this. On 2026-11-23 its 24-replicate
// ensemble passed 6 of 10 targets (T3 returns 5,885 for [3,500, 4,800]; T6 2021 arrivals 3,928
// for [600, 1,050]; T7 2020 arrivals 148 for [20, 120]; T9 2023 returns 6,743 for
// [4,800, 6,400]), and the standard errors are far above a quarter of the bands (T1: 1,975 for a
// band of 1,300) because some replicates never surge: see docs/calibration.md. Run it with
//   build/bin/test_calibration --gtest_also_run_disabled_tests --gtest_filter='*FullScale*'
// and enable it again when the calibration passes; do not widen the bands.
TEST(CalibratedBaseline, DISABLED_FullScaleEnsemblePassesEveryTarget) {
  const int replicates = 24;
  const std::string path = scenario_path("baseline.ini");
  Scenario s = load_scenario(path);
  s.set("run.end", "2023-12-31", Origin{"test", 0});
  s.set("run.scale", "1", Origin{"test", 0});
  const Model model(s, load_inputs(s, path));
  EnsembleOptions o;
  o.seed = model.params().run.seed;
  for (int r = 0; r < replicates; ++r) o.replicates.push_back(static_cast<uint64_t>(r));
  o.threads = 2;
  const auto runs = run_ensemble(model, o);
  const out::RunData data = make_run_data(s, model, runs, {});
  const auto targets = out::read_targets(scenario_path("data/targets.csv"));
  ASSERT_EQ(targets.size(), 10u);
  for (const auto& r : out::evaluate_targets(data, targets)) {
    SCOPED_TRACE(r.target.id + " " + r.target.metric);
    EXPECT_TRUE(r.pass) << "mean " << r.mean << " outside [" << r.target.lower << ", "
                        << r.target.upper << "] " << r.note;
    EXPECT_LT(r.se, (r.target.upper - r.target.lower) / 4)
        << "standard error too large for the band: more replicates needed";
  }
}
