// Pins the calibration: a full-scale baseline ensemble must put the mean of every target of
// scenarios/data/targets.csv inside its band, with enough replicates that each mean's standard
// error is under a quarter of the band's width (so a pass is not luck).
#include <gtest/gtest.h>

#include "app/run_record.hpp"
#include "output/targets.hpp"
#include "tests/app/scenario_runs.hpp"

using namespace smug;
using namespace smug::testing;

// DISABLED: the calibrated baseline does not yet meet this. On 2026-12-02 (fourth calibration
// wave, its closest sets checked on 96 replicates of another seed) its 160-replicate ensemble
// passed 9 of 10 targets with every standard error under a quarter of its band (fewer replicates
// are not enough: with 96, 2022's se was 406 against 325). The miss: T5 2023 arrivals 540 for
// [700, 1,150]. See docs/calibration.md. Run it with
//   build/bin/test_calibration --gtest_also_run_disabled_tests --gtest_filter='*FullScale*'
// (under two minutes on two cores) and enable it again when the calibration passes; do not
// widen the bands.
TEST(CalibratedBaseline, DISABLED_FullScaleEnsemblePassesEveryTarget) {
  const int replicates = 160;
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
