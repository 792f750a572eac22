// `smugsim compare` and `smugsim targets` on small run files written to a scratch folder: exact
// CSV headers, exit codes, and refusals as UsageError (exit 2 in main).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.hpp"
#include "core/errors.hpp"
#include "output/runfile.hpp"
#include "whatif_support.hpp"

namespace smug {
namespace {

using whatif::Capture;

// Runs from 2022-01-01 to 2023-12-31 (730 days), replicates with keys 0..n-1 and seed 42:
// `arrivals` a flow of scale * (r + 1) a day, `returns` a flow of 2 a day, `price_gbp` a level of
// 4000.
out::RunData make_run(int nrep, double scale) {
  out::RunData d;
  d.start_date = "2022-01-01";
  d.ndays = 730;
  for (int r = 0; r < nrep; ++r) {
    d.seeds.push_back(42);
    d.replicate_ids.push_back(static_cast<uint64_t>(r));
    d.wall_seconds.push_back(0.5);
  }
  out::Series arrivals{"arrivals", "people", "arrivals", out::SeriesKind::kFlow, {}};
  out::Series returns{"returns", "people", "returns", out::SeriesKind::kFlow, {}};
  out::Series price{"price_gbp", "GBP", "price", out::SeriesKind::kLevel, {}};
  for (int r = 0; r < nrep; ++r) {
    for (int t = 0; t < d.ndays; ++t) {
      arrivals.values.push_back(scale * (r + 1));
      returns.values.push_back(2);
      price.values.push_back(4000);
    }
  }
  d.series = {arrivals, returns, price};
  d.provenance = {{"software_version", "test"}};
  return d;
}

class CliCompareTargets : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("smug_cli_compare_targets_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string write(const std::string& name, const out::RunData& run) {
    const std::string path = (dir_ / name).string();
    out::write_run_file(path, run);
    return path;
  }
  std::string text_file(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::filesystem::path dir_;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_F(CliCompareTargets, CompareCsv) {
  const std::string base = write("base.h5", make_run(4, 1));
  const std::string other = write("other.h5", make_run(4, 0.5));
  Capture out(std::cout);
  EXPECT_EQ(cmd_compare({base, other, "--csv"}), 0);
  const auto lines = lines_of(out.text());
  ASSERT_EQ(lines.size(), 5u);  // header, then 2022 and 2023 for arrivals and returns
  EXPECT_EQ(lines[0],
            "period,metric,base_mean,other_mean,diff_mean,diff_p05,diff_p95,rel_change,"
            "p_negative,pairing_gain");
  // 2022 arrivals: base 365 (r+1), mean 912.5; other half that. Differences -182.5 (r+1):
  // p05 = -182.5 * 3.85, p95 = -182.5 * 1.15; gain = (1 + 0.25) / 0.25 = 5.
  EXPECT_EQ(lines[1], "2022,arrivals,912.5,456.25,-456.25,-702.625,-209.875,-0.5,1,5");
  EXPECT_EQ(lines[2], "2022,returns,730,730,0,0,0,0,0,nan");
  EXPECT_EQ(lines[3].substr(0, 14), "2023,arrivals,");
}

TEST_F(CliCompareTargets, CompareWindowTableAndMetrics) {
  const std::string base = write("base.h5", make_run(4, 1));
  const std::string other = write("other.h5", make_run(4, 0.5));
  {
    Capture out(std::cout);
    EXPECT_EQ(cmd_compare({base, other, "--from", "2022-12-13", "--to", "2023-10-15", "--metric",
                           "price_gbp", "--csv"}),
              0);
    const auto lines = lines_of(out.text());
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[1], "2022-12-13..2023-10-15,price_gbp,4000,4000,0,0,0,0,0,nan");
  }
  {
    // --metric before the files swallows them; they are taken back.
    Capture out(std::cout);
    EXPECT_EQ(cmd_compare({"--by", "quarter", "--metric", "arrivals", base, other}), 0);
    EXPECT_NE(out.text().find("2023Q4"), std::string::npos);
    EXPECT_NE(out.text().find("pairing gain"), std::string::npos);
  }
}

TEST_F(CliCompareTargets, CompareRefusesRunsOfDifferentScalesNamingTheRerun) {
  out::RunData small = make_run(4, 1), large = make_run(4, 1);
  small.provenance["scale"] = "0.01";
  large.provenance["scale"] = "0.02";
  const std::string a = write("small.h5", small), b = write("large.h5", large);
  try {
    cmd_compare({a, b});
    ADD_FAILURE() << "runs at --scale 0.01 and 0.02 compared";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("rerun " + b + " with --scale 0.01"), std::string::npos)
        << e.what();
  }
  large.provenance["scale"] = "0.010000";  // the 6-decimal text of earlier versions
  const std::string c = write("same.h5", large);
  Capture out(std::cout);
  EXPECT_EQ(cmd_compare({a, c, "--csv"}), 0);
}

TEST_F(CliCompareTargets, CompareOnOtherReplicatesSaysWhichOptionsToRerunWith) {
  out::RunData base = make_run(4, 1), other = make_run(2, 1);
  base.provenance["command"] = "smugsim run baseline.ini --replicates 4";
  base.provenance["posterior_file"] = "post.csv";
  base.provenance["posterior_sha256"] = "abc";
  base.provenance["posterior_draws"] = "2";
  base.posterior_rows = {0, 1, 0, 1};
  for (auto& s : other.seeds) s = 7;
  const std::string a = write("base.h5", base), b = write("other.h5", other);
  try {
    cmd_compare({a, b});
    ADD_FAILURE() << "runs of other replicates compared";
  } catch (const UsageError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("different replicate keys"), std::string::npos) << what;
    EXPECT_NE(what.find("rerun " + b +
                        " with --seed 42 --replicates 4 --posterior post.csv "
                        "--draws 2"),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("smugsim run baseline.ini --replicates 4"), std::string::npos) << what;
  }
}

TEST_F(CliCompareTargets, CompareWarnsWhenTheRunsDrewOtherPosteriorRows) {
  out::RunData base = make_run(4, 1), other = make_run(4, 1);
  base.provenance["posterior_file"] = "post.csv";
  base.provenance["posterior_draws"] = "2";
  base.posterior_rows = {0, 1, 0, 1};
  other.posterior_rows = {1, 1, 0, 0};
  const std::string a = write("base.h5", base), b = write("other.h5", other);
  Capture out(std::cout);
  Capture err(std::cerr);
  EXPECT_EQ(cmd_compare({a, b, "--csv"}), 0);
  EXPECT_NE(err.text().find("rerun " + b + " with --posterior post.csv --draws 2"),
            std::string::npos)
      << err.text();
  const std::string same = write("same.h5", base);
  Capture quiet(std::cerr);
  EXPECT_EQ(cmd_compare({a, same, "--csv"}), 0);
  EXPECT_EQ(quiet.text(), "");
}

TEST_F(CliCompareTargets, SummarizeByRowSplitsASweepByDesignRow) {
  out::RunData sweep = make_run(4, 1);
  sweep.design_rows = {0, 1, 0, 1};
  sweep.varied_names = {"decision.intercept"};
  sweep.varied_values = {-6, -7, -6, -7};
  const std::string f = write("sweep.h5", sweep);
  {
    Capture out(std::cout);
    EXPECT_EQ(cmd_summarize({f, "--by-row", "--csv", "--metric", "arrivals", "--by", "year"}), 0);
    const auto lines = lines_of(out.text());
    ASSERT_EQ(lines.size(), 5u) << out.text();
    EXPECT_EQ(lines[0], "row,period,metric,mean,sd,p05,p50,p95,replicates");
    // Row 0 holds replicates 0 and 2: 365 and 1095 arrivals in 2022.
    EXPECT_EQ(lines[1].substr(0, 20), "0,2022,arrivals,730,") << lines[1];
    EXPECT_EQ(lines[1].substr(lines[1].size() - 2), ",2") << lines[1];
    EXPECT_EQ(lines[3].substr(0, 21), "1,2022,arrivals,1095,") << lines[3];
  }
  {
    Capture out(std::cout);
    EXPECT_EQ(cmd_summarize({f, "--by-row", "--metric", "arrivals"}), 0);
    EXPECT_NE(out.text().find("row 1 (decision.intercept=-7): 2 replicates"), std::string::npos)
        << out.text();
  }
  const std::string plain = write("plain.h5", make_run(4, 1));
  EXPECT_THROW(cmd_summarize({plain, "--by-row"}), UsageError);
}

TEST_F(CliCompareTargets, CompareRefusals) {
  const std::string base = write("base.h5", make_run(4, 1));
  out::RunData seeds = make_run(4, 1);
  seeds.seeds[1] = 43;
  out::RunData keys = make_run(4, 1);
  keys.replicate_ids[3] = 9;
  out::RunData start = make_run(4, 1);
  start.start_date = "2022-01-02";
  out::RunData no_price = make_run(4, 1);
  no_price.series.pop_back();
  const std::string p_seeds = write("seeds.h5", seeds), p_keys = write("keys.h5", keys),
                    p_start = write("start.h5", start), p_no_price = write("no_price.h5", no_price);
  Capture out(std::cout);
  for (const auto& [other, why] :
       {std::pair{p_seeds, "different seeds"}, std::pair{p_keys, "different replicate keys"},
        std::pair{p_start, "different horizons"}}) {
    try {
      cmd_compare({base, other});
      ADD_FAILURE() << "expected a UsageError for " << other;
    } catch (const UsageError& e) {
      EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
    }
  }
  try {
    cmd_compare({base, p_no_price, "--metric", "price_gbp"});
    ADD_FAILURE() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("'price_gbp'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find(p_no_price), std::string::npos) << e.what();
  }
  EXPECT_THROW(cmd_compare({base}), UsageError);
  EXPECT_THROW(cmd_compare({base, base, "--by", "week"}), UsageError);
  EXPECT_THROW(cmd_compare({base, (dir_ / "missing.h5").string()}), out::RunFileError);
  EXPECT_EQ(out.text(), "");
}

TEST_F(CliCompareTargets, TargetsCsvAndExitCodes) {
  const std::string run = write("run.h5", make_run(4, 1));
  const std::string header =
      "# comment\nid,metric,window_start,window_end,observed,lower,upper,source,note\n";
  // 2022 arrivals: mean 912.5; 2023 / 2022: 1; price 4000.
  const std::string pass = text_file(
      "pass.csv", header +
                      "A1,arrivals,2022-01-01,2022-12-31,900,900,912.5,X,\"a note, with a comma\"\n"
                      "A2,yoy:arrivals,2023-01-01,2023-12-31,,0.5,1.5,,\n"
                      "A3,price_gbp,2022-06-01,2022-12-31,4300,3000,5000,,\n");
  {
    Capture out(std::cout);
    EXPECT_EQ(cmd_targets({run, "--targets", pass, "--csv"}), 0);
    const auto lines = lines_of(out.text());
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0],
              "id,metric,window_start,window_end,mean,p05,p95,se,lower,upper,observed,"
              "result");
    EXPECT_EQ(lines[1].substr(0, 38), "A1,arrivals,2022-01-01,2022-12-31,912.");
    EXPECT_TRUE(lines[1].ends_with(",900,912.5,900,PASS")) << lines[1];
    EXPECT_EQ(lines[2], "A2,yoy:arrivals,2023-01-01,2023-12-31,1,1,1,0,0.5,1.5,,PASS");
  }
  const std::string fail =
      text_file("fail.csv", header +
                                "B1,arrivals,2022-01-01,2022-12-31,,913,1000,,\n"
                                "B2,arrivals,2019-01-01,2019-12-31,,0,1,,\n"
                                "B3,returns,2022-01-01,2022-12-31,,730,730,,\n");
  {
    Capture out(std::cout);
    Capture err(std::cerr);
    EXPECT_EQ(cmd_targets({run, "--targets", fail}), 1);
    const auto lines = lines_of(out.text());
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.back(), "1 of 3 targets pass");
    EXPECT_NE(out.text().find("window outside the run"), std::string::npos);
  }
}

TEST_F(CliCompareTargets, TargetsDefaultFileAndBadInput) {
  const std::string run = write("run.h5", make_run(2, 1));
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir_);  // no scenarios/data/targets.csv here
  try {
    cmd_targets({run});
    ADD_FAILURE() << "expected a UsageError";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("--targets"), std::string::npos) << e.what();
  }
  std::filesystem::current_path(SMUG_SOURCE_DIR);  // the repository's targets are found
  int code = -1;
  {
    Capture out(std::cout);
    Capture err(std::cerr);  // the notes of the targets that fail
    code = cmd_targets({run, "--csv"});
  }
  std::filesystem::current_path(cwd);
  EXPECT_EQ(code, 1);  // 2020 is outside this run, among other misses

  EXPECT_THROW(cmd_targets({run, "--targets", text_file("bad.csv", "id,metric\n")}), InputError);
  EXPECT_THROW(cmd_targets({}), UsageError);
  EXPECT_THROW(cmd_targets({run, run, "--targets", text_file("x.csv", "")}), UsageError);
}

}  // namespace
}  // namespace smug
