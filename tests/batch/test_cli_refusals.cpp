// The exit-code contract at the command line, run through the real binary: bad input and bad
// usage exit 2 with one clear line on stderr, before any replicate runs; `check` refuses what
// `run` would refuse.
#include <sys/wait.h>

#include <cstdlib>

#include "../app/whatif_support.hpp"

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
  int run(const std::string& args) {
    const std::string err_file = dir_.file("err.txt");
    const int status =
        std::system(("timeout 60 " + kBinary + " " + args + " >/dev/null 2>" + err_file).c_str());
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

}  // namespace
}  // namespace smug
