// `smugsim study`: a baseline and its what-ifs run paired into one folder, with the tables of
// their effects; at a fiftieth of the population, four replicates and two posterior draws.
#include <gtest/gtest.h>

#include <filesystem>

#include "app/commands.hpp"
#include "binary_support.hpp"
#include "core/csv.hpp"
#include "core/errors.hpp"
#include "output/summary.hpp"
#include "runner/study/study_file.hpp"
#include "runner/study/study_tables.hpp"
#include "whatif_support.hpp"

namespace smug {
namespace {

using whatif::Scratch;

std::string study_text() {
  const std::string s = std::string(SMUG_SOURCE_DIR) + "/scenarios/";
  return "; Does the baseline differ from a world without Frontex in Albania?\n"
         "[study]\n"
         "baseline = " +
         s +
         "baseline.ini\n"
         "posterior = " +
         s +
         "calibration/posterior.csv\n"
         "[design]\n"
         "seed = 7\nreplicates = 4\ndraws = 2\nscale = 0.02\nend = 2021-12-31\n"
         "[report]\n"
         "metrics = arrivals returns\n"
         "by = year\n"
         "windows = 2021-01-01..2021-06-30\n"
         "[whatifs]\n"
         "; Every measure switched off.\n"
         "no_measures = " +
         s +
         "whatifs/no_measures.ini\n"
         "[scenario no_frontex]\n"
         "; Without the Frontex deployment in Albania.\n"
         "frontex_albania.enabled = false\n";
}

// One study run in a scratch folder, shared by the tests that only read it.
class Study : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new Scratch("study");
    dir_->write("study.ini", study_text());
    ASSERT_EQ(run_study({}), 0);
  }
  static void TearDownTestSuite() { delete dir_; }
  static int run_study(std::vector<std::string> extra) {
    std::vector<std::string> args = {dir_->file("study.ini"), "-o", dir_->file("out"), "-t", "2"};
    args.insert(args.end(), extra.begin(), extra.end());
    whatif::Capture err(std::cerr), out(std::cout);
    const int code = cmd_study(args);
    log_ = err.text();
    return code;
  }
  static std::string out(const std::string& name) { return dir_->file("out/" + name); }
  static CsvTable table(const std::string& name) {
    return CsvTable(binary::read_text(out(name)), out(name));
  }
  static Scratch* dir_;
  static std::string log_;
};
Scratch* Study::dir_ = nullptr;
std::string Study::log_;

TEST_F(Study, WritesOneRunFilePerScenarioAndTidyTables) {
  for (const char* f : {"baseline.h5", "no_measures.h5", "no_frontex.h5"})
    EXPECT_TRUE(std::filesystem::is_regular_file(out(f))) << f;
  const std::string summary = binary::read_text(out("summary.csv"));
  const std::string effects = binary::read_text(out("effects.csv"));
  EXPECT_EQ(summary.substr(0, summary.find('\n')), kSummaryHeader);
  EXPECT_EQ(summary.substr(0, summary.find('\n')),
            "scenario,period,metric,mean,sd,p05,p50,p95,replicates");
  EXPECT_EQ(effects.substr(0, effects.find('\n')),
            "scenario,period,metric,diff_mean,diff_p05,diff_p95,rel_change,p_negative,"
            "sd_parameter,sd_chance");
  // Two years and one window, two metrics: six rows a scenario, the baseline summarised too.
  EXPECT_EQ(table("summary.csv").rows().size(), 18u);
  EXPECT_EQ(table("effects.csv").rows().size(), 12u);
}

TEST_F(Study, WhatIfsArePairedWithTheBaseline) {
  const out::RunData base = out::read_run_header(out("baseline.h5"));
  for (const char* f : {"no_measures.h5", "no_frontex.h5"}) {
    const out::RunData other = out::read_run_header(out(f));
    EXPECT_EQ(other.seeds, base.seeds) << f;
    EXPECT_EQ(other.replicate_ids, base.replicate_ids) << f;
    EXPECT_EQ(other.posterior_rows, base.posterior_rows) << f;
    EXPECT_EQ(other.varied_values, base.varied_values) << f;
    EXPECT_EQ(other.start_date, base.start_date) << f;
    EXPECT_EQ(other.ndays, base.ndays) << f;
  }
  EXPECT_EQ(base.posterior_rows.size(), 4u);
  EXPECT_EQ(base.provenance.at("posterior_draws"), "2");
}

TEST_F(Study, EffectsAreThePairedDifferencesOfTheRunFiles) {
  const out::RunData base = out::read_run_file(out("baseline.h5"));
  const out::RunData other = out::read_run_file(out("no_measures.h5"));
  const CsvTable effects = table("effects.csv");
  int checked = 0;
  for (const char* metric : {"arrivals", "returns"}) {
    const auto b = out::aggregate(base, *base.find(metric), out::Period::kYear);
    const auto o = out::aggregate(other, *other.find(metric), out::Period::kYear);
    for (size_t p = 0; p < b.size(); ++p) {
      double mean = 0;
      for (size_t r = 0; r < 4; ++r) mean += (o[p].values[r] - b[p].values[r]) / 4;
      for (const auto& row : effects.rows()) {
        if (effects.get(row, "scenario") != "no_measures" || effects.get(row, "metric") != metric ||
            effects.get(row, "period") != b[p].label)
          continue;
        EXPECT_NEAR(std::stod(effects.get(row, "diff_mean")), mean, 1e-9 * (1 + std::abs(mean)));
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 4);
  bool any_effect = false;
  for (const auto& row : effects.rows())
    any_effect = any_effect || std::stod(effects.get(row, "diff_mean")) != 0;
  EXPECT_TRUE(any_effect) << "switching every measure off changed nothing";
}

TEST_F(Study, InlineScenarioExtendsTheBaselineWithItsSettings) {
  const out::RunData r = out::read_run_header(out("no_frontex.h5"));
  bool found = false;
  for (const auto& p : r.params) {
    if (p.name != "frontex_albania.enabled") continue;
    found = true;
    EXPECT_EQ(p.value, "false");
    EXPECT_NE(p.origin.find("study.ini:20"), std::string::npos) << p.origin;
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(r.provenance.at("study_description"), "Without the Frontex deployment in Albania.");
}

TEST_F(Study, ResumeRerunsNothing) {
  std::map<std::string, std::string> finished;
  for (const char* f : {"baseline.h5", "no_measures.h5", "no_frontex.h5"})
    finished[f] = out::read_run_header(out(f)).provenance.at("finished_at");
  const std::string effects = binary::read_text(out("effects.csv"));
  ASSERT_EQ(run_study({"--resume"}), 0);
  for (const auto& [f, at] : finished)
    EXPECT_EQ(out::read_run_header(out(f)).provenance.at("finished_at"), at) << f;
  EXPECT_NE(log_.find("3/3 no_frontex: finished before, skipped"), std::string::npos) << log_;
  EXPECT_EQ(binary::read_text(out("effects.csv")), effects);
}

TEST_F(Study, ResumeRunsOnlyTheScenarioNotFinished) {
  const std::string kept = out::read_run_header(out("baseline.h5")).provenance.at("finished_at");
  const std::string effects = binary::read_text(out("effects.csv"));
  std::filesystem::remove(out("no_frontex.h5"));
  ASSERT_EQ(run_study({"--resume"}), 0);
  EXPECT_EQ(out::read_run_header(out("baseline.h5")).provenance.at("finished_at"), kept);
  EXPECT_TRUE(std::filesystem::is_regular_file(out("no_frontex.h5")));
  EXPECT_EQ(binary::read_text(out("effects.csv")), effects);  // the same numbers again
}

TEST_F(Study, ShardsMergedAndResumedGiveTheSameTables) {
  const std::string sharded = dir_->file("sharded");
  auto study = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = {dir_->file("study.ini"), "-o", sharded, "-t", "1", "-q"};
    args.insert(args.end(), extra.begin(), extra.end());
    whatif::Capture err(std::cerr), out(std::cout);
    return cmd_study(args);
  };
  ASSERT_EQ(study({"--shard", "0/2"}), 0);
  ASSERT_EQ(study({"--shard", "1/2"}), 0);
  EXPECT_FALSE(std::filesystem::exists(sharded + "/effects.csv"));  // a slice has no effects
  for (const char* name : {"baseline", "no_measures", "no_frontex"}) {
    const std::string whole = sharded + "/" + name + ".h5";
    whatif::Capture out(std::cout);
    ASSERT_EQ(cmd_merge({whole, sharded + "/" + name + ".shard-0-of-2.h5",
                         sharded + "/" + name + ".shard-1-of-2.h5"}),
              0);
  }
  ASSERT_EQ(study({"--resume"}), 0);
  EXPECT_EQ(binary::read_text(sharded + "/effects.csv"), binary::read_text(out("effects.csv")));
  EXPECT_EQ(binary::read_text(sharded + "/summary.csv"), binary::read_text(out("summary.csv")));
}

TEST(StudyFile, BadKeyNamesFileLineAndKeyAndExitsTwo) {
  Scratch dir("study_bad");
  const std::string base = std::string(SMUG_SOURCE_DIR) + "/scenarios/baseline.ini";
  const std::string path =
      dir.write("bad.ini", "[study]\nbaseline = " + base + "\n[design]\nreplicats = 3\n");
  const std::string log = dir.file("log");
  EXPECT_EQ(binary::run_binary({"study", path, "-o", dir.file("out")}, log), 2);
  EXPECT_NE(binary::read_text(log).find("bad.ini:4: 'replicats': unknown key"), std::string::npos)
      << binary::read_text(log);
  dir.write("bad.ini", "[study]\nbaseline = " + base + "\n[scenario x]\nkosovo_drones.strat = 1\n");
  EXPECT_EQ(binary::run_binary({"study", path, "-o", dir.file("out")}, log), 2);
  EXPECT_NE(binary::read_text(log).find("bad.ini:4: 'kosovo_drones.strat': not a parameter"),
            std::string::npos)
      << binary::read_text(log);
}

// With a posterior, a what-if file's absolute value on a drawn parameter would be replaced by
// each draw: refused (exit 2) naming the what-if's file, line and key, as run --posterior does.
TEST(StudyFile, AbsoluteValueOnADrawnParameterInAWhatIfFileIsRefused) {
  Scratch dir("study_absolute");
  const std::string s = std::string(SMUG_SOURCE_DIR) + "/scenarios/";
  dir.write("abs.ini", "extends = " + s + "baseline.ini\n[joint_communique]\ncampaign = 0.9\n");
  const std::string path =
      dir.write("study.ini", "[study]\nbaseline = " + s + "baseline.ini\nposterior = " + s +
                                 "calibration/posterior.csv\n[design]\nreplicates = 2\ndraws = 2\n"
                                 "scale = 0.01\nend = 2020-03-31\n[whatifs]\nabsolute = abs.ini\n");
  const std::string log = dir.file("log");
  EXPECT_EQ(binary::run_binary({"study", path, "-o", dir.file("out")}, log), 2);
  const std::string text = binary::read_text(log);
  EXPECT_NE(text.find("abs.ini:3: 'joint_communique.campaign'"), std::string::npos) << text;
  EXPECT_NE(text.find("*="), std::string::npos) << text;
}

TEST(StudyFile, CommentsSayWhatEachScenarioAsks) {
  const StudySpec s = parse_study("dir/s.ini", study_text());
  EXPECT_EQ(s.question, "Does the baseline differ from a world without Frontex in Albania?");
  ASSERT_EQ(s.whatifs.size(), 2u);
  EXPECT_EQ(s.whatifs[0].name, "no_measures");
  EXPECT_EQ(s.whatifs[0].description, "Every measure switched off.");
  EXPECT_EQ(s.whatifs[1].name, "no_frontex");
  EXPECT_TRUE(s.whatifs[1].file.empty());
  ASSERT_EQ(s.whatifs[1].settings.size(), 1u);
  EXPECT_EQ(s.whatifs[1].settings[0].key, "frontex_albania.enabled");
  EXPECT_EQ(s.draws, 2);
  ASSERT_EQ(s.windows.size(), 1u);
}

TEST(StudyFile, RefusesAScenarioWithoutSettingsNamingItsLine) {
  try {
    parse_study("s.ini", "[study]\nbaseline = b.ini\n[scenario empty]\n; nothing yet\n");
    FAIL() << "accepted an empty scenario";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.key(), "empty");
    EXPECT_NE(std::string(e.what()).find("has no settings"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(parse_study(
      "s.ini", "[study]\nbaseline = b.ini\n[scenario full]\nkosovo_drones.enabled = false\n"));
}

TEST(StudyFile, RefusesANameTakenTwiceAndRunSettingsInAScenario) {
  EXPECT_THROW(parse_study("s.ini",
                           "[study]\nbaseline = b.ini\n[whatifs]\nx = a.ini\n"
                           "[scenario x]\nkosovo_drones.enabled = false\n"),
               InputError);
  try {
    parse_study("s.ini", "[study]\nbaseline = b.ini\n[scenario y]\nrun.seed = 3\n");
    FAIL() << "accepted run.seed in a scenario";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_EQ(e.key(), "run.seed");
  }
}

TEST(StudyEffects, WithoutDrawsAllTheSpreadIsChance) {
  const VarianceSplit v = split_variance({1, 2, 3, 6}, {});
  EXPECT_EQ(v.sd_parameter, 0);
  EXPECT_DOUBLE_EQ(v.sd_chance, out::describe({1, 2, 3, 6}).sd);
}

TEST(StudyEffects, SpreadBetweenDrawsIsParameterAndWithinIsChance) {
  // Two draws, each run twice: means 1 and 11, within-draw deviations of +-1.
  const VarianceSplit v = split_variance({0, 2, 10, 12}, {5, 5, 9, 9});
  EXPECT_DOUBLE_EQ(v.sd_chance, std::sqrt(2.0));  // pooled: (1 + 1 + 1 + 1) / (4 - 2)
  // Between mean square 2 * (25 + 25) / 1 = 100; (100 - 2) / 2 = 49.
  EXPECT_DOUBLE_EQ(v.sd_parameter, 7.0);
  const VarianceSplit same = split_variance({0, 2, 0, 2}, {5, 5, 9, 9});
  EXPECT_EQ(same.sd_parameter, 0);
}

TEST(StudyEffects, NoDrawRunTwiceLeavesTheSplitUnknown) {
  const VarianceSplit v = split_variance({0, 2, 10}, {1, 2, 3});
  EXPECT_TRUE(std::isnan(v.sd_parameter));
  EXPECT_TRUE(std::isnan(v.sd_chance));
}

}  // namespace
}  // namespace smug
