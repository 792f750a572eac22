// Fault injection: `run`, `merge` and `calibrate` (the real binary) writing onto a small tmpfs
// that fills during the HDF5 write. Each must exit 1 with one clean line, leave the previous file
// whole and readable, and leave no temporary file behind. Needs root (mount); skipped otherwise.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "output/calibfile.hpp"
#include "output/runfile.hpp"

namespace smug::out {
namespace {

namespace fs = std::filesystem;

const std::string kBinary = std::string(SMUG_BINARY_DIR) + "/bin/smugsim";
const std::string kBaseline = std::string(SMUG_SOURCE_DIR) + "/scenarios/baseline.ini";

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the binary through the shell; returns its exit code (-1 for a signal), stderr in *err.
int run_binary(const std::string& args, const std::string& err_file, std::string* err) {
  const int status = std::system((kBinary + " " + args + " >/dev/null 2>" + err_file).c_str());
  *err = read_text(err_file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string run_args(const std::string& out, const std::string& extra = "") {
  return "run " + kBaseline + " --scale 0.02 --replicates 3 --end 2022-09-30 --threads 2 -q " +
         extra + " -o " + out;
}

// A scratch folder (inputs, shards, messages) and a small tmpfs mounted inside it (the outputs).
class FullDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to mount a tmpfs";
    scratch_ = fs::temp_directory_path() / ("smug_full_disk_" + std::to_string(::getpid()));
    fs::remove_all(scratch_);
    disk_ = scratch_ / "disk";
    fs::create_directories(disk_);
    if (::mount("tmpfs", disk_.c_str(), "tmpfs", 0, "size=8m") != 0) {
      fs::remove_all(scratch_);
      GTEST_SKIP() << "cannot mount a tmpfs here";
    }
    mounted_ = true;
  }
  void TearDown() override {
    if (mounted_) ::umount2(disk_.c_str(), MNT_DETACH);
    std::error_code ec;
    if (!scratch_.empty()) fs::remove_all(scratch_, ec);
  }

  std::string on_disk(const std::string& name) const { return (disk_ / name).string(); }
  std::string aside(const std::string& name) const { return (scratch_ / name).string(); }

  // Fills the tmpfs, then frees `spare` bytes: the next write starts and then runs out of space.
  void fill(size_t spare) const {
    const std::string filler = on_disk("filler");
    {
      std::ofstream f(filler, std::ios::binary);
      const std::vector<char> block(65536, 'x');
      while (f.write(block.data(), static_cast<std::streamsize>(block.size()))) {
      }
    }
    const auto size = fs::file_size(filler);
    fs::resize_file(filler, size > spare ? size - spare : 0);
  }

  // Exit 1, one line on stderr naming the output; nothing left but the file, the filler and the
  // finished replicates a run keeps for --resume (OUTPUT.partial).
  void expect_clean_failure(int code, const std::string& err, const std::string& out) const {
    EXPECT_EQ(code, 1) << err;
    EXPECT_EQ(err.find("H5"), std::string::npos) << err;
    EXPECT_NE(err.find(out), std::string::npos) << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    for (const auto& e : fs::directory_iterator(disk_)) {
      const std::string name = e.path().filename().string();
      EXPECT_TRUE(name == "filler" || e.path().string() == out ||
                  e.path().string() == out + ".partial")
          << "left over: " << name;
    }
  }

  fs::path scratch_, disk_;
  bool mounted_ = false;
};

TEST_F(FullDisk, RunExitsOneAndKeepsThePreviousFile) {
  const std::string out = on_disk("run.h5");
  std::string err;
  ASSERT_EQ(run_binary(run_args(out), aside("err0"), &err), 0) << err;
  const RunData before = read_run_file(out);
  // Room for the run's checkpoints (compressed, each about a third of this run file's series,
  // about 80 kB with the manifest) but not for the new run file (about 180 kB) too.
  fill(fs::file_size(out) * 7 / 10);
  const int code = run_binary(run_args(out, "--seed 9"), aside("err1"), &err);
  expect_clean_failure(code, err, out);
  EXPECT_NE(err.find("cannot write run file"), std::string::npos) << "not the final write: " << err;
  EXPECT_EQ(read_run_file(out).seeds, before.seeds);
}

TEST_F(FullDisk, MergeExitsOneAndKeepsThePreviousFile) {
  const std::string out = on_disk("merged.h5");
  std::string err;
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(run_binary(run_args(aside("part.h5"), "--shard " + std::to_string(i) + "/2"),
                         aside("err0"), &err),
              0)
        << err;
  }
  const std::string shards = aside("part.shard-0-of-2.h5") + " " + aside("part.shard-1-of-2.h5");
  ASSERT_EQ(run_binary("merge " + out + " " + shards, aside("err1"), &err), 0) << err;
  const RunData before = read_run_file(out);
  fill(100000);  // the merged file takes about 0.18 MB
  const int code = run_binary("merge " + out + " " + shards, aside("err2"), &err);
  expect_clean_failure(code, err, out);
  EXPECT_EQ(read_run_file(out).seeds, before.seeds);
}

TEST_F(FullDisk, CalibrateExitsOneAndKeepsTheEarlierGenerations) {
  std::ofstream(aside("scen.ini")) << "extends = " << kBaseline
                                   << "\n[other_nationalities]\nenabled = false\n"
                                      "; BEGIN CALIBRATED\n; END CALIBRATED\n";
  std::ofstream(aside("targets.csv"))
      << "id,metric,window_start,window_end,observed,lower,upper,source,note\n"
         "A,arrivals,2020-01-01,2021-06-30,,50,400,test,\n";
  std::ofstream(aside("setup.ini"))
      << "[calibration]\nscenario = scen.ini\ntargets = targets.csv\n"
         "particles = 4\nalpha = 0.5\nmin_acceptance = 0\nmax_generations = 3\n"
         "replicates = 1\nscale = 0.01\nseed = 3\nend = 2021-06-30\n"
         "[free]\ndecision.intercept = uniform -7 -3 ; test\n"
         "organisations.initial_recruiters = uniform 0.5 4 ; test\n";
  const std::string out = on_disk("calib.h5");
  const std::string args = "calibrate " + aside("setup.ini") + " -q --threads 2 -o " + out;
  std::string err;
  ASSERT_EQ(run_binary(args + " --max-generations 1", aside("err0"), &err), 0) << err;
  const CalibrationRecord before = read_calibration_file(out);
  fill(8192);  // the calibration file takes about 16 kB
  const int code = run_binary(args + " --resume", aside("err1"), &err);
  expect_clean_failure(code, err, out);
  const CalibrationRecord after = read_calibration_file(out);
  EXPECT_EQ(after.pop_generation, before.pop_generation);
  EXPECT_EQ(after.eval_distance, before.eval_distance);
}

}  // namespace
}  // namespace smug::out
