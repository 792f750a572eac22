// Pins the calibration: a full-scale baseline ensemble must put the mean of every target of
// scenarios/data/targets.csv inside its band, with enough replicates that each mean's standard
// error is under a quarter of the band's width (so a pass is not luck).
#include <gtest/gtest.h>

#include "measures/assemble.hpp"
#include "output/targets.hpp"
#include "runner/run_record.hpp"
#include "tests/app/scenario_runs.hpp"

using namespace smug;
using namespace smug::testing;

// 160 replicates: with fewer the standard error of 2022's mean exceeds a quarter of its band
// (with 96 it was 406 against 325). On 2026-12-02 (wave 4, 30 generations, screened and checked;
// docs/calibration.md) the ensemble passed all ten, with every standard error under a quarter of
// its band; nearest their edges: T1 2022 13,172 for [12,000, 13,300] (se 303), T3 4,770 for
// [3,500, 4,800] (se 24) and T6 2021 1,008 for [600, 1,050] (se 55). The draws are fixed by the
// baseline's seed, so a change of random streams alone can move a mean by a standard error or
// two: if this fails after such a change, recalibrate; do not widen the bands.
TEST(CalibratedBaseline, FullScaleEnsemblePassesEveryTarget) {
  const int replicates = 160;
  const std::string path = scenario_path("baseline.ini");
  Scenario s = load_scenario(path);
  s.set("run.end", "2023-12-31", Origin{"test", 0});
  s.set("run.scale", "1", Origin{"test", 0});
  const Model model = build_model(s, load_inputs(s, path));
  EnsembleOptions o;
  o.seed = model.params().run.seed;
  for (int r = 0; r < replicates; ++r) o.replicates.push_back(static_cast<uint64_t>(r));
  o.threads = 2;
  const auto runs = run_ensemble(model, o);
  const out::RunData data = make_run_data(s, model, runs, {});
  // The ten annual targets (ids T1..T10) the landed baseline was calibrated to. The sixteen
  // quarters (ids Q...) joined targets.csv with issue 20; the landed baseline misses several of
  // them (docs/calibration.md, "Quarterly record"), and pinning them waits for a baseline that
  // the history matching calibrates and that meets them.
  auto targets = out::read_targets(scenario_path("data/targets.csv"));
  std::erase_if(targets, [](const out::Target& t) { return t.id.front() != 'T'; });
  ASSERT_EQ(targets.size(), 10u);
  for (const auto& r : out::evaluate_targets(data, targets)) {
    SCOPED_TRACE(r.target.id + " " + r.target.metric);
    EXPECT_TRUE(r.pass) << "mean " << r.mean << " outside [" << r.target.lower << ", "
                        << r.target.upper << "] " << r.note;
    EXPECT_LT(r.se, (r.target.upper - r.target.lower) / 4)
        << "standard error too large for the band: more replicates needed";
  }
}
