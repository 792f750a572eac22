// Pins the calibration: a full-scale baseline ensemble must put the mean of every target of
// scenarios/data/targets.csv inside its band, with enough replicates that each mean's standard
// error is under a quarter of the band's width (so a pass is not luck).
#include <gtest/gtest.h>

#include "app/run_record.hpp"
#include "output/targets.hpp"
#include "tests/app/scenario_runs.hpp"

using namespace smug;
using namespace smug::testing;

TEST(CalibratedBaseline, FullScaleEnsemblePassesEveryTarget) {
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
