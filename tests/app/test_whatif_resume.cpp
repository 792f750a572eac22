// `smugsim run --resume` on the real binary: a run killed outright (SIGKILL) or stopped (SIGINT)
// once some replicates are checkpointed, then resumed, gives the same data as a run that never
// stopped. Also the checkpoint store on its own: round trip, damaged files, refusals.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "binary_support.hpp"
#include "core/errors.hpp"
#include "engine/replicate_codec.hpp"
#include "runner/checkpoint.hpp"
#include "whatif_support.hpp"

namespace smug {
namespace {

using binary::checkpoints_in;
using binary::kBinary;
using binary::read_text;
using binary::run_binary;
using binary::spawn;
using binary::wait_exit_code;
using whatif::Scratch;

constexpr int kReplicates = 6;

// The binary's arguments for a small baseline run: one thread, so replicates finish one by one.
std::vector<std::string> run_args(const std::string& output) {
  return {"run",          whatif::baseline(),
          "--scale",      "0.02",
          "--replicates", std::to_string(kReplicates),
          "--threads",    "1",
          "-o",           output,
          "--quiet"};
}

// Starts a run and sends `sig` once at least one replicate is checkpointed. Returns the exit
// code (128 + signal when killed).
int interrupt_run(const std::string& output, int sig, const std::string& log) {
  const pid_t pid = spawn(run_args(output), log);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (checkpoints_in(partial_dir(output)) == 0 && std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return -1;  // ended before the signal
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ::kill(pid, sig);
  return wait_exit_code(pid);
}

class Resume : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    ASSERT_TRUE(std::filesystem::exists(kBinary)) << kBinary << " is not built";
    scratch_ = new Scratch("resume");
    ASSERT_EQ(run_binary(run_args(scratch_->file("reference.h5")), scratch_->file("ref.log")), 0)
        << read_text(scratch_->file("ref.log"));
    reference_ = new out::RunData(out::read_run_file(scratch_->file("reference.h5")));
  }
  static void TearDownTestSuite() {
    delete reference_;
    delete scratch_;
  }
  static Scratch* scratch_;
  static out::RunData* reference_;
};
Scratch* Resume::scratch_ = nullptr;
out::RunData* Resume::reference_ = nullptr;

TEST_F(Resume, AfterSigkillGivesTheSameData) {
  const std::string out = scratch_->file("killed.h5"), log = scratch_->file("killed.log");
  ASSERT_EQ(interrupt_run(out, SIGKILL, log), 128 + SIGKILL) << "finished before the kill";
  EXPECT_FALSE(std::filesystem::exists(out));
  const int kept = checkpoints_in(partial_dir(out));
  ASSERT_GE(kept, 1);
  ASSERT_LT(kept, kReplicates) << "every replicate finished before the kill: nothing to resume";

  auto args = run_args(out);
  args.push_back("--resume");
  ASSERT_EQ(run_binary(args, log), 0) << read_text(log);
  EXPECT_NE(read_text(log).find("resuming: " + std::to_string(kept) + " of 6"), std::string::npos)
      << read_text(log);
  EXPECT_FALSE(std::filesystem::exists(partial_dir(out)));
  const out::RunData resumed = out::read_run_file(out);
  whatif::expect_same_data(*reference_, resumed);
  EXPECT_NE(resumed.provenance.count("resumed_from"), 0u);
}

TEST_F(Resume, AfterSigintGivesTheSameDataAndRefusesAnotherRun) {
  const std::string out = scratch_->file("stopped.h5"), log = scratch_->file("stopped.log");
  ASSERT_EQ(interrupt_run(out, SIGINT, log), 1) << read_text(log);
  EXPECT_NE(read_text(log).find("--resume"), std::string::npos) << read_text(log);
  EXPECT_FALSE(std::filesystem::exists(out));
  const int kept = checkpoints_in(partial_dir(out));
  ASSERT_GE(kept, 1);

  // A resume that would change the numbers is refused in one line, and the checkpoints stay.
  auto other_seed = run_args(out);
  other_seed.insert(other_seed.end(), {"--resume", "--seed", "99"});
  ASSERT_EQ(run_binary(other_seed, log), 2);
  const std::string refusal = read_text(log);
  EXPECT_NE(refusal.find("its seed differs"), std::string::npos) << refusal;
  EXPECT_EQ(std::count(refusal.begin(), refusal.end(), '\n'), 1) << refusal;
  EXPECT_EQ(checkpoints_in(partial_dir(out)), kept);

  // A damaged checkpoint is reported and its replicate runs again.
  std::ofstream(partial_dir(out) + "/slot-0.ckpt", std::ios::binary | std::ios::in) << "garbage";
  auto args = run_args(out);
  args.push_back("--resume");
  ASSERT_EQ(run_binary(args, log), 0) << read_text(log);
  EXPECT_NE(read_text(log).find("ignoring"), std::string::npos) << read_text(log);
  whatif::expect_same_data(*reference_, out::read_run_file(out));
}

TEST_F(Resume, WithoutResumeAnUnfinishedRunIsReplaced) {
  const std::string out = scratch_->file("replaced.h5"), log = scratch_->file("replaced.log");
  ASSERT_EQ(interrupt_run(out, SIGINT, log), 1) << read_text(log);
  ASSERT_EQ(run_binary(run_args(out), log), 0) << read_text(log);
  EXPECT_NE(read_text(log).find("replacing the unfinished run"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(partial_dir(out)));
  whatif::expect_same_data(*reference_, out::read_run_file(out));
}

ReplicateResult sample_result(uint64_t key, int ndays, size_t nmeasures) {
  ReplicateResult r{7, key, Recorder(ndays, nmeasures)};
  for (int k = 0; k < kNumSeries; ++k)
    for (int t = 0; t < ndays; ++t)
      r.rec.set(static_cast<SeriesId>(k), t, k * 1000.0 + t + 0.25 * key);
  r.rec.set(kPeoplePerBoat, 3, std::nan(""));
  for (size_t m = 0; m < nmeasures; ++m)
    r.rec.add_measure(m, kMeasureRemovals, 2, 1.0 / 3 + static_cast<double>(m));
  r.wall_seconds = 1.5;
  return r;
}

TEST(Checkpoint, RoundTripAndRefusals) {
  Scratch dir("checkpoint");
  const std::string out = dir.file("run.h5");
  const Manifest m = {{"seed", "7"}, {"scenario", "a\nb\n"}, {"started_at", "t0"}};
  {
    CheckpointStore store(out, m, false);
    EXPECT_FALSE(store.replaced());
    store.save(1, sample_result(11, 5, 2));
  }
  // Only the informational fields may differ; the original's are kept.
  Manifest later = m;
  later[2].second = "t1";
  {
    CheckpointStore again(out, later, true);
    ASSERT_TRUE(again.resumed());
    EXPECT_EQ(again.field("started_at"), "t0");
    std::vector<std::string> ignored;
    const CheckpointShape shape{7, {10, 11}, 5, 2};
    auto found = again.scan(shape, &ignored);
    EXPECT_TRUE(ignored.empty());
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found.at(1).replicate, 11u);
    EXPECT_EQ(found.at(1).wall_seconds, 1.5);
    const ReplicateResult r = again.load(1, shape);
    const ReplicateResult expected = sample_result(11, 5, 2);
    EXPECT_EQ(r.replicate, 11u);
    EXPECT_EQ(r.wall_seconds, 1.5);
    for (int k = 0; k < kNumSeries; ++k)
      for (int t = 0; t < 5; ++t)
        EXPECT_TRUE(whatif::same_double(r.rec.series(static_cast<SeriesId>(k))[t],
                                        expected.rec.series(static_cast<SeriesId>(k))[t]));
    EXPECT_EQ(r.rec.measure_series(1, kMeasureRemovals)[2], 1.0 / 3 + 1);
    // Another key for the slot, or other dimensions: ignored, so the replicate runs again.
    EXPECT_TRUE(again.scan({7, {10, 12}, 5, 2}, &ignored).empty());
    EXPECT_TRUE(again.scan({7, {10, 11}, 6, 2}, &ignored).empty());
    EXPECT_EQ(ignored.size(), 2u);
    EXPECT_THROW(again.load(0, shape), RuntimeFailure);  // never saved
  }

  Manifest other = m;
  other[0].second = "8";
  EXPECT_THROW(CheckpointStore(out, other, true), UsageError);
  {
    CheckpointStore fresh(out, other, false);
    EXPECT_TRUE(fresh.replaced());
    EXPECT_TRUE(fresh.scan({8, {10, 11}, 5, 2}, nullptr).empty());
    fresh.remove();
  }
  EXPECT_FALSE(std::filesystem::exists(partial_dir(out)));

  // Never removes a folder that is not a partial run.
  std::filesystem::create_directories(partial_dir(out));
  dir.write("run.h5.partial/precious.txt", "keep me");
  EXPECT_THROW(CheckpointStore(out, m, false), RuntimeFailure);
  EXPECT_TRUE(std::filesystem::exists(dir.file("run.h5.partial/precious.txt")));
}

TEST(Checkpoint, ASecondRunWithTheSameOutputIsRefusedAndLeavesTheLiveCheckpoints) {
  Scratch dir("checkpoint_lock");
  const std::string out = dir.file("run.h5");
  const Manifest m = {{"seed", "7"}, {"started_at", "t0"}};
  CheckpointStore live(out, m, false);
  live.save(0, sample_result(10, 5, 2));
  // With or without --resume, and whatever its manifest: the live run's folder is left alone.
  EXPECT_THROW(CheckpointStore(out, m, false), UsageError);
  EXPECT_THROW(CheckpointStore(out, {{"seed", "8"}}, false), UsageError);
  EXPECT_THROW(CheckpointStore(out, m, true), UsageError);
  EXPECT_EQ(live.scan({7, {10}, 5, 2}, nullptr).size(), 1u);
}

TEST(Checkpoint, CompressedToAFractionOfTheEncodedReplicate) {
  Scratch dir("checkpoint_size");
  const std::string out = dir.file("run.h5");
  CheckpointStore store(out, {{"seed", "7"}}, false);
  const ReplicateResult r = sample_result(10, 2000, 11);
  store.save(0, r);
  const auto bytes = std::filesystem::file_size(partial_dir(out) + "/slot-0.ckpt");
  EXPECT_LT(bytes, encode_replicate(r).size() / 10);
}

TEST(Checkpoint, AFileLargerThanACheckpointCanBeIsNotRead) {
  Scratch dir("checkpoint_huge");
  const std::string out = dir.file("run.h5");
  CheckpointStore store(out, {{"seed", "7"}}, false);
  // A sparse 6 GB file: reading it whole would need 6 GB of memory.
  const std::string huge = partial_dir(out) + "/slot-0.ckpt";
  { std::ofstream(huge) << "x"; }
  std::filesystem::resize_file(huge, 6ull << 30);
  std::vector<std::string> ignored;
  EXPECT_TRUE(store.scan({7, {10}, 5, 2}, &ignored).empty());
  ASSERT_EQ(ignored.size(), 1u);
  EXPECT_NE(ignored[0].find("larger than one can be"), std::string::npos) << ignored[0];
}

}  // namespace
}  // namespace smug
