// `mpirun -n K smugsim run|sweep|calibrate` (MPI build only, ctest label mpi): the replicates,
// design rows and proposals spread over K ranks give the same file as one process with the same
// seeds: every dataset bit for bit, every attribute but the documented wall-clock ones.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "../app/whatif_support.hpp"
#include "output/calibfile.hpp"
#include "output/merge.hpp"

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

// Runs smugsim, under mpirun with `ranks` processes unless ranks is 0. Returns the exit code;
// the output goes to log.
int smugsim(int ranks, const std::string& args, const std::string& log) {
  std::string cmd = kBinary + " " + args;
  if (ranks > 0)
    cmd = std::string(SMUG_MPIEXEC) + " --allow-run-as-root --oversubscribe -n " +
          std::to_string(ranks) + " " + cmd;
  const int status = std::system((cmd + " >" + log + " 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void expect_same_attributes(const out::RunData& a, const out::RunData& b) {
  const auto& varying = out::merge_varying_attributes();
  std::map<std::string, std::string> x = a.provenance, y = b.provenance;
  for (const auto& k : varying) x.erase(k), y.erase(k);
  EXPECT_EQ(x, y);
}

std::string run_args(const std::string& out) {
  return "run " + whatif::baseline() +
         " --scale 0.02 --replicates 7 --end 2022-09-30 --threads 1 -q -o " + out;
}

class Mpi : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new Scratch("mpi");
    ASSERT_EQ(smugsim(0, run_args(dir_->file("single.h5")), dir_->file("single.log")), 0)
        << read_text(dir_->file("single.log"));
    single_ = new out::RunData(out::read_run_file(dir_->file("single.h5")));
  }
  static void TearDownTestSuite() {
    delete single_;
    delete dir_;
  }
  static Scratch* dir_;
  static out::RunData* single_;
};
Scratch* Mpi::dir_ = nullptr;
out::RunData* Mpi::single_ = nullptr;

TEST_F(Mpi, RunOnTwoAndThreeRanksEqualsOneProcess) {
  for (int ranks : {2, 3}) {
    const std::string out = dir_->file("ranks" + std::to_string(ranks) + ".h5");
    const std::string log = dir_->file("ranks.log");
    ASSERT_EQ(smugsim(ranks, run_args(out), log), 0) << read_text(log);
    const out::RunData d = out::read_run_file(out);
    whatif::expect_same_data(*single_, d);
    expect_same_attributes(*single_, d);
    EXPECT_EQ(d.provenance.at("mpi_ranks"), std::to_string(ranks));
    // Only rank 0 wrote: no checkpoints or temporary files are left behind.
    EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
  }
}

TEST_F(Mpi, SweepOnTwoRanksEqualsOneProcess) {
  const std::string design = dir_->write("design.csv", "decision.intercept\n-3\n-2.5\n-2\n");
  const std::string args = "sweep " + whatif::baseline() + " --design " + design +
                           " --scale 0.02 --replicates 2 --end 2022-09-30 --threads 1 -q -o ";
  ASSERT_EQ(smugsim(0, args + dir_->file("sw1.h5"), dir_->file("sw.log")), 0);
  ASSERT_EQ(smugsim(2, args + dir_->file("sw2.h5"), dir_->file("sw.log")), 0)
      << read_text(dir_->file("sw.log"));
  const out::RunData a = out::read_run_file(dir_->file("sw1.h5"));
  const out::RunData b = out::read_run_file(dir_->file("sw2.h5"));
  whatif::expect_same_data(a, b);
  expect_same_attributes(a, b);
  EXPECT_EQ(b.design_rows, (std::vector<int32_t>{0, 0, 1, 1, 2, 2}));
}

TEST_F(Mpi, ShardsRunOverRanksMergeToTheWhole) {
  // A job array whose tasks are themselves MPI jobs.
  for (int i = 0; i < 2; ++i)
    ASSERT_EQ(smugsim(2, run_args(dir_->file("s.h5")) + " --shard " + std::to_string(i) + "/2",
                      dir_->file("s.log")),
              0)
        << read_text(dir_->file("s.log"));
  ASSERT_EQ(smugsim(0,
                    "merge " + dir_->file("m.h5") + " " + dir_->file("s.shard-0-of-2.h5") + " " +
                        dir_->file("s.shard-1-of-2.h5"),
                    dir_->file("m.log")),
            0);
  whatif::expect_same_data(*single_, out::read_run_file(dir_->file("m.h5")));
}

TEST_F(Mpi, UsageErrorsExitTwoOnEveryRank) {
  const std::string log = dir_->file("bad.log");
  EXPECT_NE(smugsim(2, "run " + whatif::baseline() + " --shard 9/2", log), 0);
  EXPECT_NE(read_text(log).find("--shard"), std::string::npos) << read_text(log);
}

// SIGTERM (what Slurm sends before a time limit) to mpirun once a replicate is checkpointed:
// the job stops without writing the run file, keeps the finished replicates, and --resume under
// MPI completes the same data.
TEST_F(Mpi, SigtermStopsAndResumeCompletesTheRun) {
  // Enough replicates that work is left when the signal arrives: mpirun forwards it with a delay,
  // and with six replicates of about 0.6 s the run sometimes finished first.
  const std::string args = "run " + whatif::baseline() +
                           " --scale 1 --replicates 16 --end 2023-12-31 --threads 1 -q -o ";
  const std::string ref = dir_->file("full.h5"), out = dir_->file("stopped.h5");
  ASSERT_EQ(smugsim(0, args + ref, dir_->file("full.log")), 0);
  // mpirun passes SIGTERM on to the ranks and kills them a second later: rank 0 stops handing out
  // replicates and keeps those that came back; one under way on a worker may be lost (and runs
  // again on resume), and the exit code is mpirun's, not always smugsim's 1.
  const std::string cmd = std::string(SMUG_MPIEXEC) + " --allow-run-as-root --oversubscribe -n 2 " +
                          kBinary + " " + args + out + " >" + dir_->file("stopped.log") + " 2>&1";
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  int status = 0;
  bool ended = false;
  auto checkpointed = [&] {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(out + ".partial", ec)) {
      const std::string name = e.path().filename().string();
      if (name.rfind("slot-", 0) == 0 && name.find(".tmp.") == std::string::npos) return true;
    }
    return false;
  };
  while (!checkpointed() && std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      ended = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (!ended) {
    ::kill(pid, SIGTERM);
    ::waitpid(pid, &status, 0);
  }
  const std::string log = read_text(dir_->file("stopped.log"));
  ASSERT_FALSE(ended) << "finished before the signal: " << log;
  EXPECT_FALSE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << log;
  EXPECT_FALSE(std::filesystem::exists(out));
  ASSERT_EQ(smugsim(2, args + out + " --resume", dir_->file("resumed.log")), 0)
      << read_text(dir_->file("resumed.log"));
  EXPECT_NE(read_text(dir_->file("resumed.log")).find("resuming: "), std::string::npos);
  whatif::expect_same_data(out::read_run_file(ref), out::read_run_file(out));
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

TEST_F(Mpi, CalibrationOnTwoRanksEqualsOneProcess) {
  const std::string setup =
      dir_->write("setup.ini", "[calibration]\nscenario = " + whatif::baseline() +
                                   "\ntargets = " + whatif::scenario("data/targets.csv") +
                                   "\nparticles = 6\nalpha = 0.5\nmin_acceptance = 0.05\n"
                                   "max_generations = 2\nreplicates = 1\nscale = 0.02\nseed = 7\n"
                                   "end = 2023-12-31\n\n[free]\n"
                                   "decision.intercept = uniform -8 -3 ; test\n"
                                   "decision.gain_weight = uniform 1 6 ; test\n");
  ASSERT_EQ(
      smugsim(0, "calibrate " + setup + " -q -t 1 -o " + dir_->file("c1.h5"), dir_->file("c.log")),
      0)
      << read_text(dir_->file("c.log"));
  ASSERT_EQ(smugsim(2, "calibrate " + setup + " -q -o " + dir_->file("c2.h5"), dir_->file("c.log")),
            0)
      << read_text(dir_->file("c.log"));
  const auto a = out::read_calibration_file(dir_->file("c1.h5"));
  const auto b = out::read_calibration_file(dir_->file("c2.h5"));
  ASSERT_EQ(a.generations(), 2);
  EXPECT_EQ(b.generations(), 2);
  EXPECT_GE(a.eval_distance.size(), 12u);  // at least 6 proposals in each generation
  ASSERT_EQ(a.eval_distance.size(), b.eval_distance.size());
  EXPECT_TRUE(same_bits(a.eval_theta, b.eval_theta));
  EXPECT_TRUE(same_bits(a.eval_distance, b.eval_distance));
  EXPECT_TRUE(same_bits(a.eval_summaries, b.eval_summaries));
  EXPECT_TRUE(same_bits(a.pop_theta, b.pop_theta));
  EXPECT_TRUE(same_bits(a.pop_weight, b.pop_weight));
  EXPECT_TRUE(same_bits(a.tolerance, b.tolerance));
  EXPECT_EQ(a.eval_generation, b.eval_generation);
}

}  // namespace
}  // namespace smug
