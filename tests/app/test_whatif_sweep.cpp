// `smugsim sweep`: every design row runs the same replicates (common random numbers), the run
// file's replicate axis enumerates (row, replicate) pairs, and nothing depends on the threads.
#include "app/commands.hpp"
#include "core/errors.hpp"
#include "output/compare.hpp"
#include "output/summary.hpp"
#include "runner/io/scenario_files.hpp"
#include "whatif_support.hpp"

namespace smug {
namespace {

using whatif::Scratch;

constexpr size_t kN = 2;  // replicates per row

std::vector<std::string> sweep_args(const std::string& design, const std::string& out,
                                    const std::string& threads) {
  return {whatif::baseline(), "--design", design,  "-o",         out,         "--replicates", "2",
          "--scale",          "0.02",     "--end", "2021-06-30", "--threads", threads,        "-q"};
}

// A block of a series: the replicate at index i of the run file.
std::vector<double> replicate_of(const out::RunData& d, const std::string& series, size_t i) {
  const auto& v = d.find(series)->values;
  return std::vector<double>(v.begin() + i * d.ndays, v.begin() + (i + 1) * d.ndays);
}

class Sweep : public testing::Test {
 protected:
  void SetUp() override {
    const std::string base = load_scenario(whatif::baseline()).value("decision.intercept").text;
    // Row 1 repeats row 0, the scenario's own value; row 2 changes it.
    design_ = dir_.write("design.csv", "decision.intercept,taskforce.enabled\n" + base + ",true\n" +
                                           base + ",1\n-3,0\n");
  }
  Scratch dir_{"sweep"};
  std::string design_;
};

TEST_F(Sweep, SameDataOnAnyThreadCountAndTheDocumentedLayout) {
  ASSERT_EQ(cmd_sweep(sweep_args(design_, dir_.file("t1.h5"), "1")), 0);
  ASSERT_EQ(cmd_sweep(sweep_args(design_, dir_.file("t3.h5"), "3")), 0);
  const out::RunData a = out::read_run_file(dir_.file("t1.h5"));
  const out::RunData b = out::read_run_file(dir_.file("t3.h5"));
  whatif::expect_same_data(a, b);

  ASSERT_EQ(a.nreplicates(), 6);
  EXPECT_EQ(a.replicate_ids, (std::vector<uint64_t>{0, 1, 0, 1, 0, 1}));
  EXPECT_EQ(a.design_rows, (std::vector<int32_t>{0, 0, 1, 1, 2, 2}));
  EXPECT_TRUE(a.posterior_rows.empty());
  EXPECT_EQ(a.varied_names, (std::vector<std::string>{"decision.intercept", "taskforce.enabled"}));
  ASSERT_EQ(a.varied_values.size(), 12u);
  EXPECT_EQ(a.varied_values[2 * 4], -3);
  EXPECT_EQ(a.varied_values[2 * 4 + 1], 0);
  EXPECT_EQ(a.varied_values[2 * 2 + 1], 1);
  EXPECT_EQ(a.provenance.at("design_file"), design_);
  EXPECT_EQ(a.provenance.at("replicates_per_row"), "2");

  // Summaries and paired comparisons read the file as they read any run.
  EXPECT_FALSE(out::summarize(a, {"arrivals"}, out::Period::kYear).empty());
  EXPECT_FALSE(out::incomparable_reason(a, b).has_value());
}

TEST_F(Sweep, RowsShareTheirRandomNumbers) {
  ASSERT_EQ(cmd_sweep(sweep_args(design_, dir_.file("s.h5"), "2")), 0);
  ASSERT_EQ(cmd_run({whatif::baseline(), "-o", dir_.file("plain.h5"), "--replicates", "2",
                     "--scale", "0.02", "--end", "2021-06-30", "-q"}),
            0);
  const out::RunData s = out::read_run_file(dir_.file("s.h5"));
  const out::RunData plain = out::read_run_file(dir_.file("plain.h5"));
  for (size_t r = 0; r < kN; ++r) {
    for (const auto& series : plain.series) {
      const auto p = replicate_of(plain, series.name, r);
      const auto row0 = replicate_of(s, series.name, r);
      const auto row1 = replicate_of(s, series.name, kN + r);
      for (size_t t = 0; t < p.size(); ++t) {
        ASSERT_TRUE(whatif::same_double(p[t], row0[t])) << series.name << " replicate " << r;
        ASSERT_TRUE(whatif::same_double(p[t], row1[t])) << series.name << " replicate " << r;
      }
    }
  }
  EXPECT_NE(replicate_of(s, "arrivals", 2 * kN), replicate_of(s, "arrivals", 0));
}

TEST_F(Sweep, Refusals) {
  EXPECT_THROW(cmd_sweep({whatif::baseline()}), UsageError);
  auto args = sweep_args(design_, dir_.file("x.h5"), "1");
  args.insert(args.end(), {"--set", "decision.intercept=-6"});
  EXPECT_THROW(cmd_sweep(args), UsageError);
  const std::string bad = dir_.write("bad.csv", "decision.intercept\n-6\n-5,1\n");
  try {
    cmd_sweep(sweep_args(bad, dir_.file("x.h5"), "1"));
    ADD_FAILURE() << "a ragged design was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), bad);
    EXPECT_EQ(e.line(), 3);
  }
  EXPECT_FALSE(std::filesystem::exists(dir_.file("x.h5")));
}

}  // namespace
}  // namespace smug
