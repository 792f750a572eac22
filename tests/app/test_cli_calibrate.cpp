// `smugsim calibrate` end to end on a tiny set-up: an interrupted calibration continued with
// --resume evaluates exactly what an uninterrupted one does, and --max-generations with --resume
// on a finished file only writes the posterior CSV and the calibrated block of a scenario; --check
// re-runs the closest sets on other seeds and writes the one closest there.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/commands.hpp"
#include "core/errors.hpp"
#include "output/calibfile.hpp"
#include "tests/app/whatif_support.hpp"

namespace smug {
namespace {

using whatif::Scratch;

struct TinyCalibration {
  Scratch dir{"calibrate"};
  std::string scenario, setup;
  TinyCalibration() {
    scenario = dir.write("scen.ini", "extends = " + whatif::baseline() +
                                         "\n[other_nationalities]\nenabled = false\n"
                                         "; BEGIN CALIBRATED\n; END CALIBRATED\n");
    dir.write("targets.csv",
              "id,metric,window_start,window_end,observed,lower,upper,source,note\n"
              "A,arrivals,2020-01-01,2021-06-30,,50,400,test,\n");
    setup = dir.write("setup.ini",
                      "[calibration]\nscenario = scen.ini\ntargets = targets.csv\n"
                      "particles = 4\nalpha = 0.5\nmin_acceptance = 0\nmax_generations = 3\n"
                      "replicates = 1\nscale = 0.01\nseed = 3\nend = 2021-06-30\n"
                      "[free]\ndecision.intercept = uniform -7 -3 ; test\n"
                      "organisations.initial_recruiters = uniform 0.5 4 ; test\n");
  }
  int calibrate(const std::string& out, Args more) {
    Args a = {setup, "-o", dir.file(out), "-q", "--threads", "2"};
    a.insert(a.end(), more.begin(), more.end());
    whatif::Capture c(std::cout);
    return cmd_calibrate(a);
  }
};

std::string read(const std::string& path) {
  std::ifstream f(path);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

TEST(CalibrateCommand, ResumeEvaluatesWhatAnUninterruptedRunDoes) {
  TinyCalibration t;
  ASSERT_EQ(t.calibrate("whole.h5", {}), 0);
  ASSERT_EQ(t.calibrate("parts.h5", {"--max-generations", "1"}), 0);
  EXPECT_EQ(out::read_calibration_file(t.dir.file("parts.h5")).generations(), 1);
  ASSERT_EQ(t.calibrate("parts.h5", {"--resume"}), 0);
  const auto whole = out::read_calibration_file(t.dir.file("whole.h5"));
  const auto parts = out::read_calibration_file(t.dir.file("parts.h5"));
  EXPECT_EQ(whole.generations(), 3);
  EXPECT_EQ(parts.generations(), 3);
  EXPECT_EQ(whole.eval_theta, parts.eval_theta);
  EXPECT_EQ(whole.eval_distance, parts.eval_distance);
  EXPECT_EQ(whole.pop_theta, parts.pop_theta);
}

TEST(CalibrateCommand, FinishingAResumedFileOnlyWritesTheOutputs) {
  TinyCalibration t;
  ASSERT_EQ(t.calibrate("c.h5", {"--max-generations", "2"}), 0);
  const auto before = out::read_calibration_file(t.dir.file("c.h5"));
  ASSERT_EQ(t.calibrate("c.h5", {"--resume", "--max-generations", "2", "--posterior-csv",
                                 t.dir.file("post.csv"), "--write-baseline", t.scenario}),
            0);
  const auto after = out::read_calibration_file(t.dir.file("c.h5"));
  EXPECT_EQ(after.eval_distance.size(), before.eval_distance.size()) << "nothing re-evaluated";
  const std::string csv = read(t.dir.file("post.csv"));
  EXPECT_EQ(csv.rfind("decision.intercept,organisations.initial_recruiters,weight,distance\n", 0),
            0u);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 5);  // header and four particles
  const std::string scen = read(t.scenario);
  EXPECT_NE(scen.find("[decision]\nintercept = "), std::string::npos) << scen;
  EXPECT_NE(scen.find("[organisations]\ninitial_recruiters = "), std::string::npos) << scen;
  EXPECT_NE(scen.find("; END CALIBRATED"), std::string::npos);
  EXPECT_THROW(t.calibrate("c.h5", {"--max-generations", "0"}), std::exception);
}

TEST(CalibrateCommand, CheckWritesTheSetClosestOnTheFreshReplicates) {
  TinyCalibration t;
  ASSERT_EQ(t.calibrate("c.h5", {"--max-generations", "2", "--check", "3", "--check-replicates",
                                 "2", "--write-baseline", t.scenario}),
            0);
  const auto rec = out::read_calibration_file(t.dir.file("c.h5"));
  ASSERT_EQ(rec.check_distance.size(), 3u);
  EXPECT_EQ(rec.check_replicates, 2);
  EXPECT_EQ(rec.check_seed, 4u) << "default: the set-up's seed plus one";
  // The checked sets are the population's closest, in its order, scored on other seeds.
  const size_t k = rec.param_names.size();
  for (size_t c = 0; c < 3; ++c)
    for (size_t j = 0; j < k; ++j) EXPECT_EQ(rec.check_theta[c * k + j], rec.pop_theta[c * k + j]);
  EXPECT_NE(rec.check_distance[0], rec.pop_distance[0]) << "the check ran other replicates";
  const size_t best =
      static_cast<size_t>(std::min_element(rec.check_distance.begin(), rec.check_distance.end()) -
                          rec.check_distance.begin());
  char intercept[64];
  std::snprintf(intercept, sizeof intercept, "intercept = %.9g\n", rec.check_theta[best * k]);
  const std::string scen = read(t.scenario);
  EXPECT_NE(scen.find(intercept), std::string::npos) << scen;
  EXPECT_NE(scen.find("the one closest on 2 replicates of seed 4"), std::string::npos) << scen;
  // A bad check is refused before the ABC runs, not after it.
  EXPECT_THROW(t.calibrate("bad.h5", {"--check", "-1"}), UsageError);
  EXPECT_FALSE(std::filesystem::exists(t.dir.file("bad.h5")));
}

TEST(CalibrateCommand, ScreenChoosesTheCheckedSetsOnOtherReplicates) {
  TinyCalibration t;
  ASSERT_EQ(t.calibrate("c.h5", {"--max-generations", "2", "--check", "2", "--check-replicates",
                                 "2", "--check-screen", "4", "--check-screen-replicates", "1",
                                 "--write-baseline", t.scenario}),
            0);
  const auto rec = out::read_calibration_file(t.dir.file("c.h5"));
  ASSERT_EQ(rec.screen_distance.size(), 4u);
  ASSERT_EQ(rec.check_distance.size(), 2u);
  EXPECT_EQ(rec.screen_replicates, 1);
  EXPECT_EQ(rec.screen_first_replicate, 2) << "after the check's replicates 0 and 1";
  const size_t k = rec.param_names.size();
  // The screen scores the population's four closest in its order; the check takes the two
  // closest on the screen.
  for (size_t c = 0; c < 4; ++c)
    for (size_t j = 0; j < k; ++j) EXPECT_EQ(rec.screen_theta[c * k + j], rec.pop_theta[c * k + j]);
  std::vector<size_t> order = {0, 1, 2, 3};
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return rec.screen_distance[a] < rec.screen_distance[b];
  });
  for (size_t c = 0; c < 2; ++c)
    for (size_t j = 0; j < k; ++j)
      EXPECT_EQ(rec.check_theta[c * k + j], rec.screen_theta[order[c] * k + j]);
  EXPECT_NE(read(t.scenario).find("closest on 1 other replicates among the 4"), std::string::npos);
  EXPECT_THROW(t.calibrate("bad.h5", {"--check", "2", "--check-screen", "2"}), UsageError);
  EXPECT_THROW(t.calibrate("bad.h5", {"--check-screen", "4"}), UsageError);
}

}  // namespace
}  // namespace smug
