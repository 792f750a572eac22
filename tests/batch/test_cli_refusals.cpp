// The exit-code contract at the command line, run through the real binary: bad input and bad
// usage exit 2 with one clear line on stderr, before any replicate runs; `check` refuses what
// `run` would refuse.
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>

#include "../app/whatif_support.hpp"
#include "../sanitizers.hpp"
#include "output/runfile.hpp"

namespace smug {
namespace {

using whatif::Scratch;

const std::string kBinary = std::string(SMUG_BINARY_DIR) + "/bin/smugsim";

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class CliRefusals : public testing::Test {
 protected:
  // Runs the binary through the shell with a 60 s limit (a hang is a failure, not a stuck
  // suite); returns its exit code (-1 for a signal or the limit), stderr in err_.
  // `prefix` runs the binary under another command (prlimit).
  int run(const std::string& args, const std::string& prefix = "") {
    const std::string err_file = dir_.file("err.txt");
    const int status = std::system(
        ("timeout 60 " + prefix + kBinary + " " + args + " >/dev/null 2>" + err_file).c_str());
    err_ = read_text(err_file);
    return WIFEXITED(status) && WEXITSTATUS(status) != 124 ? WEXITSTATUS(status) : -1;
  }
  // A scenario extending the baseline with `text` appended (sections and keys).
  std::string scenario(const std::string& name, const std::string& text) {
    return dir_.write(name, "extends = " + whatif::baseline() + "\n" + text);
  }
  Scratch dir_{"cli_refusals"};
  std::string err_;
};

TEST_F(CliRefusals, CheckRefusesAnEndBeforeTheStartLikeRun) {
  const std::string s = scenario("early.ini", "[run]\nstart = 2022-01-01\nend = 2021-01-01\n");
  EXPECT_EQ(run("check -q " + s), 2) << err_;
  EXPECT_NE(err_.find("end is before start"), std::string::npos) << err_;
  EXPECT_EQ(run("run " + s + " -q -o " + dir_.file("early.h5")), 2) << err_;
}

TEST_F(CliRefusals, CheckRefusesAMissingOrEmptySeriesLikeRun) {
  const std::string missing =
      scenario("missing.ini", "[other_nationalities]\nseries_file = nowhere.csv\n");
  EXPECT_EQ(run("check -q " + missing), 2) << err_;
  EXPECT_NE(err_.find("nowhere.csv"), std::string::npos) << err_;
  dir_.write("empty.csv", "month,people\n");
  const std::string empty =
      scenario("empty.ini", "[other_nationalities]\nseries_file = empty.csv\n");
  EXPECT_EQ(run("check -q " + empty), 2) << err_;
  EXPECT_NE(err_.find("empty.csv"), std::string::npos) << err_;
  EXPECT_EQ(run("check -q " + whatif::baseline()), 0) << err_;
}

TEST_F(CliRefusals, CheckRefusesAStartInYearOne) {
  const std::string s = scenario("year1.ini", "[run]\nstart = 0001-01-01\n");
  EXPECT_EQ(run("check -q " + s), 2) << err_;
  EXPECT_NE(err_.find("run.start"), std::string::npos) << err_;
}

// A run small enough to take a second: one replicate, a month, a thousandth of the people.
std::string tiny(const std::string& scenario_file, const std::string& scale = "0.001") {
  return "run " + scenario_file + " -q --replicates 1 --scale " + scale +
         " --end 2020-01-31 --threads 1";
}

TEST_F(CliRefusals, OutputsThatAreNotFilesAreRefusedBeforeAnyReplicateRuns) {
  ASSERT_EQ(::mkfifo(dir_.file("fifo").c_str(), 0600), 0);
  for (const std::string& out : {std::string("''"), dir_.file("sub/"), dir_.file(""),
                                 dir_.file("."), dir_.file("fifo"), dir_.file("nofolder/x.h5")}) {
    EXPECT_EQ(run(tiny(whatif::baseline()) + " -o " + out), 2) << out << ": " << err_;
    EXPECT_EQ(std::count(err_.begin(), err_.end(), '\n'), 1) << err_;
  }
  for (const auto& e : std::filesystem::directory_iterator(dir_.file("")))
    EXPECT_EQ(e.path().string().find(".partial"), std::string::npos) << e.path();
  EXPECT_EQ(run("merge " + dir_.file("") + " " + dir_.write("x.h5", "x")), 2) << err_;
  EXPECT_NE(err_.find("names a folder"), std::string::npos) << err_;
  EXPECT_EQ(run("design --grid decision.intercept=-5:-3:2 -o " + dir_.file("fifo")), 2) << err_;
  EXPECT_NE(err_.find("a FIFO"), std::string::npos) << err_;
}

TEST_F(CliRefusals, AnOutputThatIsAnInputOfTheRunIsRefusedAndLeftAsItWas) {
  const std::string base = scenario("base.ini", "[run]\nseed = 7\n");
  const std::string top = dir_.write("top.ini", "extends = base.ini\n");
  const std::string base_text = read_text(base);
  for (const std::string& out : {top, base, dir_.file("./top.ini")}) {
    EXPECT_EQ(run(tiny(top) + " -o " + out), 2) << out << ": " << err_;
    EXPECT_NE(err_.find("also an input"), std::string::npos) << err_;
  }
  EXPECT_EQ(read_text(top), "extends = base.ini\n");
  EXPECT_EQ(read_text(base), base_text);
  const std::string series = dir_.file("series.csv");
  std::filesystem::copy_file(whatif::scenario("data/small_boats_monthly_all_nationalities.csv"),
                             series);
  const std::string series_text = read_text(series);
  EXPECT_EQ(run(tiny(top) + " --set other_nationalities.series_file=" + series + " -o " + series),
            2)
      << err_;
  EXPECT_EQ(read_text(series), series_text);
  const std::string design = dir_.write("design.csv", "decision.intercept\n-4\n");
  EXPECT_EQ(run("sweep " + top + " --design " + design + " -q -o " + design), 2) << err_;
  EXPECT_NE(err_.find("also an input"), std::string::npos) << err_;
  EXPECT_EQ(read_text(design), "decision.intercept\n-4\n");
}

TEST_F(CliRefusals, ReadersRefuseAFifoInsteadOfWaitingOnIt) {
  ASSERT_EQ(::mkfifo(dir_.file("fifo").c_str(), 0600), 0);
  const std::string fifo = dir_.file("fifo");
  for (const std::string& args :
       {"summarize " + fifo, "compare " + fifo + " " + fifo,
        "targets " + fifo + " --targets " + whatif::scenario("data/targets.csv"),
        "merge " + dir_.file("m.h5") + " " + fifo}) {
    EXPECT_EQ(run(args), 2) << args << ": " << err_;
    EXPECT_NE(err_.find("a FIFO"), std::string::npos) << args << ": " << err_;
  }
}

TEST_F(CliRefusals, ANegativeSeedIsAskedForAsAWholeNumber) {
  EXPECT_EQ(run(tiny(whatif::baseline()) + " --seed -1 -o " + dir_.file("s.h5")), 2) << err_;
  EXPECT_NE(err_.find("whole number from 0"), std::string::npos) << err_;
  EXPECT_EQ(err_.find("too large"), std::string::npos) << err_;
  EXPECT_EQ(run(tiny(whatif::baseline()) + " --seed 1.5 -o " + dir_.file("s.h5")), 2) << err_;
}

TEST_F(CliRefusals, DesignSeedMinusOneIsRefused) {
  const std::string out = dir_.file("design.csv");
  EXPECT_EQ(run("design --lhs 2 --param decision.intercept=-5:-3 --seed -1 -o " + out), 2) << err_;
  EXPECT_NE(err_.find("--seed '-1': expected a whole number from 0 to 4294967295"),
            std::string::npos)
      << err_;
  EXPECT_EQ(std::count(err_.begin(), err_.end(), '\n'), 1) << err_;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_EQ(run("design --lhs 2 --param decision.intercept=-5:-3 --seed 4294967295 -o " + out), 0)
      << err_;
}

// A calibration set-up small enough that a wrongly accepted option would run for seconds only.
std::string tiny_setup(const Scratch& dir) {
  dir.write("scen.ini",
            "extends = " + whatif::baseline() + "\n[other_nationalities]\nenabled = false\n");
  dir.write("targets.csv",
            "id,metric,window_start,window_end,observed,lower,upper,source,note\n"
            "A,arrivals,2020-01-01,2020-03-31,,50,400,test,\n");
  return dir.write("setup.ini",
                   "[calibration]\nscenario = scen.ini\ntargets = targets.csv\nparticles = 2\n"
                   "alpha = 0.5\nmin_acceptance = 0\nmax_generations = 1\nreplicates = 1\n"
                   "scale = 0.001\nseed = 3\nend = 2020-03-31\n"
                   "[free]\ndecision.intercept = uniform -7 -3 ; test\n");
}

TEST_F(CliRefusals, CalibrateCheckSeedMinusOneIsRefused) {
  const std::string out = dir_.file("calib.h5");
  EXPECT_EQ(run("calibrate " + tiny_setup(dir_) + " -q -o " + out + " --check 1 --check-seed -1"),
            2)
      << err_;
  EXPECT_NE(err_.find("--check-seed '-1': expected a whole number from 0 to 4294967295"),
            std::string::npos)
      << err_;
  EXPECT_EQ(std::count(err_.begin(), err_.end(), '\n'), 1) << err_;
  EXPECT_FALSE(std::filesystem::exists(out));
}

// Every whole-number option of every command goes through one parser: a sign, a fraction, junk
// after the digits or a number past the range is refused by name, before anything runs.
TEST_F(CliRefusals, EveryWholeNumberOptionRefusesSignsFractionsAndTrailingJunk) {
  const std::string setup = tiny_setup(dir_);
  const std::string posterior = dir_.write("posterior.csv", "decision.intercept\n-4\n");
  const std::string design = dir_.write("design.csv", "decision.intercept\n-4\n");
  const std::string out = " -q -o " + dir_.file("out.h5");
  const std::string runs = "run " + whatif::baseline() + " --scale 0.001 --end 2020-01-31" + out;
  const std::string lhs =
      "design --lhs 2 --param decision.intercept=-5:-3 -o " + dir_.file("d.csv");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {runs, "seed"},
      {runs, "replicates"},
      {runs, "threads"},
      {runs + " --posterior " + posterior, "draws"},
      {"sweep " + whatif::baseline() + " --design " + design + out, "seed"},
      {"sweep " + whatif::baseline() + " --design " + design + out, "replicates"},
      {"sweep " + whatif::baseline() + " --design " + design + out, "threads"},
      {lhs, "seed"},
      {"design --param decision.intercept=-5:-3 -o " + dir_.file("d.csv"), "lhs"},
      {"calibrate " + setup + out, "threads"},
      {"calibrate " + setup + out, "max-generations"},
      {"calibrate " + setup + out, "check"},
      {"calibrate " + setup + out, "check-replicates"},
      {"calibrate " + setup + out + " --check 1", "check-seed"},
      {"calibrate " + setup + out + " --check 1", "check-screen"},
      {"calibrate " + setup + out + " --check 1 --check-screen 2", "check-screen-replicates"},
  };
  for (const auto& [command, option] : cases) {
    for (const std::string bad : {"-1", "3x", "1.5", "' 2 3'", "99999999999999999999999"}) {
      const std::string args = command + " --" + option + " " + bad;
      EXPECT_EQ(run(args), 2) << args << ": " << err_;
      EXPECT_NE(err_.find("smugsim: --" + option + " '"), std::string::npos)
          << args << ": " << err_;
      EXPECT_NE(err_.find("': expected a whole number from "), std::string::npos)
          << args << ": " << err_;
      EXPECT_EQ(std::count(err_.begin(), err_.end(), '\n'), 1) << args << ": " << err_;
    }
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.file("out.h5")));
  EXPECT_FALSE(std::filesystem::exists(dir_.file("d.csv")));
}

TEST_F(CliRefusals, ASeedGivenTwiceIsRefused) {
  EXPECT_EQ(run(tiny(whatif::baseline()) + " --seed 5 --set run.seed=6 -o " + dir_.file("s.h5")), 2)
      << err_;
  EXPECT_NE(err_.find("--seed and --set run.seed"), std::string::npos) << err_;
  EXPECT_FALSE(std::filesystem::exists(dir_.file("s.h5")));
}

TEST_F(CliRefusals, TheScaleIsKeptExactly) {
  const std::string out = dir_.file("scale.h5");
  ASSERT_EQ(run(tiny(whatif::baseline(), "0.0012345678") + " -o " + out), 0) << err_;
  const out::RunData d = out::read_run_file(out);
  EXPECT_EQ(d.provenance.at("scale"), "0.0012345678");
  EXPECT_NE(d.resolved_scenario.find("scale = 0.0012345678"), std::string::npos)
      << d.resolved_scenario;
}

}  // namespace
}  // namespace smug

namespace smug {
namespace {

class CliResources : public CliRefusals {};

TEST_F(CliResources, AMemoryShortfallIsRefusedBeforeAnyReplicateRuns) {
  if (test::kShadowMemory) GTEST_SKIP() << "a sanitizer's shadow memory needs no address limit";
  // 100,000 full-horizon replicates need several GB for the run file alone; 2 GB of address space
  // is far too little. The refusal comes at once, and nothing is left on disk.
  const std::string out = dir_.file("big.h5");
  const int code =
      run("run " + whatif::baseline() + " -q --replicates 100000 --scale 0.001 -o " + out,
          "prlimit --as=2000000000 ");
  EXPECT_EQ(code, 1) << err_;
  EXPECT_NE(err_.find("needs about"), std::string::npos) << err_;
  EXPECT_NE(err_.find("nothing was run"), std::string::npos) << err_;
  EXPECT_FALSE(std::filesystem::exists(out));
  EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
}

TEST_F(CliResources, MoreDrawsThanReplicatesAreRefused) {
  const std::string posterior =
      std::string(SMUG_SOURCE_DIR) + "/scenarios/calibration/posterior.csv";
  EXPECT_EQ(run(tiny(whatif::baseline()) + " --posterior " + posterior + " --draws 1000000000 -o " +
                dir_.file("d.h5")),
            2)
      << err_;
  EXPECT_NE(err_.find("more draws than the run's 1 replicates"), std::string::npos) << err_;
}

TEST_F(CliResources, ARunRemovesTheTemporaryFileAKilledWriteLeft) {
  const std::string out = dir_.file("t.h5");
  dir_.write("t.h5.tmp.999999", "half an HDF5 file");
  dir_.write("t.h5.tmp.notapid", "someone else's");
  ASSERT_EQ(run(tiny(whatif::baseline()) + " --resume -o " + out), 0) << err_;
  EXPECT_FALSE(std::filesystem::exists(out + ".tmp.999999"));
  EXPECT_NE(err_.find("removed " + out + ".tmp.999999"), std::string::npos) << err_;
  EXPECT_TRUE(std::filesystem::exists(out + ".tmp.notapid"));
}

}  // namespace
}  // namespace smug
