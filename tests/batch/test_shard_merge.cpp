// Job arrays: `run|sweep --shard I/N` and `smugsim merge`. The shards of a run merged give the
// data of the run without --shard (every dataset, in order, and every root attribute but the
// documented wall-clock and provenance ones), whatever order the shards are given in; merge
// refuses shards that do not make one whole run, in one line naming the file, with exit code 2.
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>

#include "../app/whatif_support.hpp"
#include "app/commands.hpp"
#include "core/errors.hpp"
#include "output/merge.hpp"
#include "runner/shard.hpp"

namespace smug {
namespace {

using whatif::Scratch;

const std::string kBinary = std::string(SMUG_BINARY_DIR) + "/bin/smugsim";

std::vector<std::string> small_run(const std::string& out, std::vector<std::string> extra = {}) {
  std::vector<std::string> a = {
      whatif::baseline(), "--scale", "0.02", "--replicates", "5", "--end", "2022-09-30",
      "--threads",        "2",       "-q"};
  a.insert(a.end(), extra.begin(), extra.end());
  a.insert(a.end(), {"-o", out});
  return a;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the binary through the shell; returns its exit code, stderr in *err.
int run_binary(const std::string& args, const std::string& err_file, std::string* err) {
  const int status = std::system((kBinary + " " + args + " >/dev/null 2>" + err_file).c_str());
  *err = read_text(err_file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Root attributes equal except the ones a merge documents as differing.
void expect_same_attributes(const out::RunData& whole, const out::RunData& merged) {
  const auto& varying = out::merge_varying_attributes();
  auto differs = [&](const std::string& k) {
    return std::find(varying.begin(), varying.end(), k) != varying.end();
  };
  for (const auto& [k, v] : whole.provenance) {
    if (differs(k)) continue;
    ASSERT_TRUE(merged.provenance.count(k)) << k;
    EXPECT_EQ(merged.provenance.at(k), v) << k;
  }
  for (const auto& [k, v] : merged.provenance) {
    if (!differs(k)) {
      EXPECT_TRUE(whole.provenance.count(k)) << "extra attribute " << k;
    }
  }
}

TEST(Shard, ParsesSlicesAndSlurmArrays) {
  const Shard s = parse_shard("2/5");
  EXPECT_EQ(s.index, 2u);
  EXPECT_EQ(s.count, 5u);
  EXPECT_THROW(parse_shard("5/5"), UsageError);
  EXPECT_THROW(parse_shard("1/0"), UsageError);
  EXPECT_THROW(parse_shard("1"), UsageError);
  EXPECT_THROW(parse_shard("a/3"), UsageError);
  EXPECT_THROW(parse_shard("-1/3"), UsageError);
  // Slices cover 0..n-1 in order without gaps, whatever n and N.
  for (size_t n : {1u, 5u, 7u, 100u})
    for (size_t count = 1; count <= std::min<size_t>(n, 9); ++count) {
      size_t next = 0;
      for (size_t i = 0; i < count; ++i) {
        EXPECT_EQ(shard_begin({i, count}, n), next);
        EXPECT_GT(shard_end({i, count}, n), shard_begin({i, count}, n));
        next = shard_end({i, count}, n);
      }
      EXPECT_EQ(next, n);
    }
  // Slurm arrays numbered from 1 (--array=1-4) or with a step (--array=0-6:2) map to 0..N-1.
  ::setenv("SLURM_ARRAY_TASK_ID", "3", 1);
  ::setenv("SLURM_ARRAY_TASK_MIN", "1", 1);
  ::setenv("SLURM_ARRAY_TASK_COUNT", "4", 1);
  EXPECT_EQ(parse_shard("slurm").index, 2u);
  ::setenv("SLURM_ARRAY_TASK_ID", "4", 1);
  ::setenv("SLURM_ARRAY_TASK_MIN", "0", 1);
  ::setenv("SLURM_ARRAY_TASK_STEP", "2", 1);
  EXPECT_EQ(parse_shard("slurm").index, 2u);
  ::setenv("SLURM_ARRAY_TASK_ID", "3", 1);
  EXPECT_THROW(parse_shard("slurm"), UsageError);
  for (const char* v : {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT",
                        "SLURM_ARRAY_TASK_STEP"})
    ::unsetenv(v);
  EXPECT_THROW(parse_shard("slurm"), UsageError);
  EXPECT_EQ(shard_output("out/run.h5", {3, 8}), "out/run.shard-3-of-8.h5");
  EXPECT_FALSE(Shard{}.active());
  EXPECT_TRUE(parse_shard("0/1").active());
}

class Merge : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new Scratch("merge");
    ASSERT_EQ(cmd_run(small_run(dir_->file("whole.h5"))), 0);
    for (int i = 0; i < 3; ++i)
      ASSERT_EQ(cmd_run(small_run(dir_->file("part.h5"), {"--shard", std::to_string(i) + "/3"})),
                0);
    whole_ = new out::RunData(out::read_run_file(dir_->file("whole.h5")));
  }
  static void TearDownTestSuite() {
    delete whole_;
    delete dir_;
  }
  static std::string shard(int i) {
    return dir_->file("part.shard-" + std::to_string(i) + "-of-3.h5");
  }
  // Expects `merge OUT files...` to be refused: exit 2, one line on stderr containing `what`
  // and naming `file`, and nothing written.
  static void expect_refused(const std::vector<std::string>& files, const std::string& what,
                             const std::string& file) {
    std::string args = "merge " + dir_->file("refused.h5");
    for (const auto& f : files) args += " " + f;
    std::string err;
    EXPECT_EQ(run_binary(args, dir_->file("err.txt"), &err), 2) << err;
    EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
    EXPECT_NE(err.find(what), std::string::npos) << err;
    EXPECT_NE(err.find(file), std::string::npos) << err;
    EXPECT_FALSE(std::filesystem::exists(dir_->file("refused.h5")));
  }
  static Scratch* dir_;
  static out::RunData* whole_;
};
Scratch* Merge::dir_ = nullptr;
out::RunData* Merge::whole_ = nullptr;

TEST_F(Merge, ShardsRecordTheirSlice) {
  const out::RunData s1 = out::read_run_file(shard(1));
  EXPECT_EQ(s1.nreplicates(), 2);  // 5 replicates in 3: [0,1) [1,3) [3,5)
  EXPECT_EQ(s1.replicate_ids, (std::vector<uint64_t>{1, 2}));
  EXPECT_EQ(s1.provenance.at("shard"), "1/3");
  EXPECT_EQ(s1.provenance.at("shard_first_replicate"), "1");
  EXPECT_EQ(s1.provenance.at("shard_total_replicates"), "5");
  const out::RunData s0 = out::read_run_file(shard(0));
  EXPECT_EQ(s0.provenance.at("shard_run_id"), s1.provenance.at("shard_run_id"));
  EXPECT_EQ(s0.provenance.at("shard_run_id").size(), 64u);
  EXPECT_FALSE(whole_->provenance.count("shard"));
  // Replicates differ, so a merge that put them out of order would show.
  const auto& returns = whole_->find("returns")->values;
  const size_t nd = static_cast<size_t>(whole_->ndays);
  EXPECT_FALSE(std::equal(returns.begin(), returns.begin() + nd, returns.begin() + nd));
}

TEST_F(Merge, MergedShardsEqualTheWholeRunInAnyOrder) {
  const std::string out = dir_->file("merged.h5");
  ASSERT_EQ(cmd_merge({out, shard(2), shard(0), shard(1), "-q"}), 0);
  const out::RunData merged = out::read_run_file(out);
  whatif::expect_same_data(*whole_, merged);
  expect_same_attributes(*whole_, merged);
  EXPECT_EQ(merged.provenance.at("merged_from"), shard(0) + " " + shard(1) + " " + shard(2));
  EXPECT_FALSE(merged.provenance.count("shard_run_id"));
  EXPECT_LE(merged.provenance.at("started_at"), merged.provenance.at("finished_at"));
}

TEST_F(Merge, OneShardOfOneIsTheWholeRun) {
  ASSERT_EQ(cmd_run(small_run(dir_->file("one.h5"), {"--shard", "0/1"})), 0);
  ASSERT_EQ(cmd_merge({dir_->file("one.h5"), dir_->file("one.shard-0-of-1.h5"), "-q"}), 0);
  whatif::expect_same_data(*whole_, out::read_run_file(dir_->file("one.h5")));
}

TEST_F(Merge, SlurmArrayTaskPicksItsSliceAndDefaultName) {
  // --array=1-3: task 3 is the last slice, 2/3; the output defaults to NAME.shard-2-of-3.h5.
  ::setenv("SLURM_ARRAY_TASK_ID", "3", 1);
  ::setenv("SLURM_ARRAY_TASK_MIN", "1", 1);
  ::setenv("SLURM_ARRAY_TASK_COUNT", "3", 1);
  auto args = small_run(dir_->file("slurm.h5"), {"--shard", "slurm"});
  args.resize(args.size() - 2);  // no -o: the default name
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir_->file(""));
  const int code = cmd_run(args);
  std::filesystem::current_path(cwd);
  for (const char* v : {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT"})
    ::unsetenv(v);
  ASSERT_EQ(code, 0);
  const out::RunData d = out::read_run_file(dir_->file("baseline.shard-2-of-3.h5"));
  EXPECT_EQ(d.provenance.at("shard"), "2/3");
  EXPECT_EQ(d.replicate_ids, (std::vector<uint64_t>{3, 4}));
  // It is the same slice as --shard 2/3: it merges with the others.
  ASSERT_EQ(cmd_merge({dir_->file("m2.h5"), shard(0), shard(1),
                       dir_->file("baseline.shard-2-of-3.h5"), "-q"}),
            0);
  whatif::expect_same_data(*whole_, out::read_run_file(dir_->file("m2.h5")));
}

TEST_F(Merge, RefusesMissingOverlappingAndForeignShards) {
  expect_refused({shard(0), shard(2)}, "shard 1/3", "is missing");
  expect_refused({shard(0), shard(1), shard(2), shard(1)}, "overlaps", shard(1));
  expect_refused({shard(0), dir_->file("whole.h5")}, "not a shard", dir_->file("whole.h5"));
  expect_refused({shard(0), dir_->file("nothing.h5")}, "nothing.h5", dir_->file("nothing.h5"));

  // Another seed, another scenario, another number of shards.
  const std::string seed = dir_->file("seed.shard-1-of-3.h5"),
                    scen = dir_->file("scen.shard-1-of-3.h5"),
                    half = dir_->file("half.shard-1-of-2.h5");
  ASSERT_EQ(cmd_run(small_run(dir_->file("seed.h5"), {"--shard", "1/3", "--seed", "99"})), 0);
  ASSERT_EQ(cmd_run(small_run(dir_->file("scen.h5"),
                              {"--shard", "1/3", "--set", "decision.intercept=-3"})),
            0);
  ASSERT_EQ(cmd_run(small_run(dir_->file("half.h5"), {"--shard", "1/2"})), 0);
  expect_refused({shard(0), seed, shard(2)}, "seed differs", seed);
  expect_refused({shard(0), scen, shard(2)}, "scenario differs", scen);
  expect_refused({shard(0), shard(1), shard(2), half}, "overlaps", half);
  // No output file given at all, or the output among the shards.
  std::string err;
  EXPECT_EQ(run_binary("merge " + shard(0), dir_->file("err.txt"), &err), 2) << err;
  EXPECT_EQ(run_binary("merge " + shard(0) + " " + shard(0), dir_->file("err.txt"), &err), 2);
  EXPECT_NE(err.find("also given as a shard"), std::string::npos) << err;
  // More shards than replicates is refused before anything runs.
  EXPECT_THROW(cmd_run(small_run(dir_->file("six.h5"), {"--shard", "5/6"})), UsageError);
}

// Shards of another software version (git commit) are refused, naming the version.
TEST_F(Merge, RefusesShardsOfAnotherVersion) {
  out::RunData a = out::read_run_file(shard(0)), b = out::read_run_file(shard(1));
  b.provenance["git_commit"] = "0000000";
  b.provenance["shard_run_id"] = std::string(64, '0');
  try {
    out::merge_shards({{"a.h5", a}, {"b.h5", b}});
    FAIL() << "merged shards of two versions";
  } catch (const out::RunFileError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("b.h5"), std::string::npos) << what;
    EXPECT_NE(what.find("git commit differs"), std::string::npos) << what;
  }
}

TEST_F(Merge, SweepShardsMergeToTheWholeSweep) {
  const std::string design = dir_->write("design.csv", "decision.intercept\n-3\n-2.5\n-2\n");
  auto sweep = [&](const std::string& out, std::vector<std::string> extra) {
    std::vector<std::string> a = {
        whatif::baseline(), "--design", design, "--scale", "0.02", "--replicates", "2", "--end",
        "2022-09-30",       "-q",       "-o",   out};
    a.insert(a.end(), extra.begin(), extra.end());
    return cmd_sweep(a);
  };
  ASSERT_EQ(sweep(dir_->file("sweep.h5"), {}), 0);
  ASSERT_EQ(sweep(dir_->file("sw.h5"), {"--shard", "0/2"}), 0);
  ASSERT_EQ(sweep(dir_->file("sw.h5"), {"--shard", "1/2"}), 0);
  EXPECT_EQ(out::read_run_file(dir_->file("sw.shard-1-of-2.h5")).design_rows,
            (std::vector<int32_t>{1, 2, 2}));
  ASSERT_EQ(cmd_merge({dir_->file("sw.h5"), dir_->file("sw.shard-1-of-2.h5"),
                       dir_->file("sw.shard-0-of-2.h5"), "-q"}),
            0);
  const out::RunData whole = out::read_run_file(dir_->file("sweep.h5"));
  const out::RunData merged = out::read_run_file(dir_->file("sw.h5"));
  whatif::expect_same_data(whole, merged);
  expect_same_attributes(whole, merged);
  // A shard of another design is refused.
  const std::string other = dir_->write("other.csv", "decision.intercept\n-3\n-2.5\n-1\n");
  ASSERT_EQ(
      cmd_sweep({whatif::baseline(), "--design", other, "--scale", "0.02", "--replicates", "2",
                 "--end", "2022-09-30", "-q", "-o", dir_->file("swx.h5"), "--shard", "1/2"}),
      0);
  expect_refused({dir_->file("sw.shard-0-of-2.h5"), dir_->file("swx.shard-1-of-2.h5")},
                 "design differs", dir_->file("swx.shard-1-of-2.h5"));
}

}  // namespace
}  // namespace smug
