// `smugsim run --posterior FILE --draws K`: draws by weight, the same for every scenario with the
// same seed, applied to the replicates (r runs draw r mod K) and recorded in the run file.
#include "app/commands.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "runner/io/param_table.hpp"
#include "runner/io/sha256.hpp"
#include "whatif_support.hpp"

namespace smug {
namespace {

using whatif::Scratch;

const char* kPosterior =
    "decision.intercept,decision.gain_weight,weight,distance\n"
    "-6,3,0.5,0.1\n"
    "-5.5,2.5,0.3,0.2\n"
    "-6.5,3.5,0.2,0.3\n"
    "-7,4,0,0.4\n";

ParamTable posterior() {
  return parse_param_table("post.csv", kPosterior, TableKind::kPosterior, model_registry());
}

TEST(PosteriorDraws, ByWeightDeterministicAndNestedInK) {
  const ParamTable t = posterior();
  ASSERT_EQ(t.rows.size(), 4u);
  EXPECT_EQ(t.names, (std::vector<std::string>{"decision.intercept", "decision.gain_weight"}));
  EXPECT_EQ(t.rows[1].weight, 0.3);
  EXPECT_EQ(t.rows[1].line, 3);
  const auto many = draw_rows(t, 42, 20000);
  EXPECT_EQ(many, draw_rows(t, 42, 20000));
  EXPECT_NE(many, draw_rows(t, 43, 20000));
  const auto few = draw_rows(t, 42, 7);
  EXPECT_TRUE(std::equal(few.begin(), few.end(), many.begin()));
  std::vector<double> share(4, 0);
  for (size_t r : many) share[r] += 1.0 / many.size();
  EXPECT_NEAR(share[0], 0.5, 0.02);
  EXPECT_NEAR(share[1], 0.3, 0.02);
  EXPECT_NEAR(share[2], 0.2, 0.02);
  EXPECT_EQ(share[3], 0);  // weight zero: never drawn
}

TEST(PosteriorDraws, WithoutWeightsEveryRowIsEquallyLikely) {
  const ParamTable t = parse_param_table("p.csv", "decision.intercept\n-6\n-5\n",
                                         TableKind::kPosterior, model_registry());
  std::vector<double> share(2, 0);
  for (size_t r : draw_rows(t, 1, 10000)) share[r] += 1e-4;
  EXPECT_NEAR(share[0], 0.5, 0.02);
}

TEST(PosteriorDraws, SameForTwoScenariosAndRecordedInTheFile) {
  Scratch dir("posterior");
  const std::string csv = dir.write("post.csv", kPosterior);
  const std::vector<std::string> common = {
      "--posterior", csv,          "--draws", "2", "--replicates", "4", "--scale", "0.02",
      "--end",       "2021-06-30", "--seed",  "5", "-t",           "2", "-q"};
  auto run = [&](const std::string& scenario, const std::string& out) {
    std::vector<std::string> args = {scenario, "-o", dir.file(out)};
    args.insert(args.end(), common.begin(), common.end());
    whatif::Capture err(std::cerr);
    EXPECT_EQ(cmd_run(args), 0);
    return out::read_run_file(dir.file(out));
  };
  const out::RunData base = run(whatif::baseline(), "base.h5");
  const out::RunData other = run(whatif::scenario("whatifs/no_returns_agreement.ini"), "other.h5");

  const ParamTable t = posterior();
  const auto drawn = draw_rows(t, 5, 2);
  ASSERT_EQ(base.posterior_rows.size(), 4u);
  EXPECT_EQ(base.posterior_rows, other.posterior_rows);
  EXPECT_EQ(base.varied_values, other.varied_values);
  EXPECT_EQ(base.varied_names, t.names);
  EXPECT_TRUE(base.design_rows.empty());
  for (size_t r = 0; r < 4; ++r) {
    const size_t row = drawn[r % 2];
    EXPECT_EQ(base.posterior_rows[r], static_cast<int32_t>(row));
    EXPECT_EQ(base.varied_values[2 * r], t.rows[row].values[0]);
    EXPECT_EQ(base.varied_values[2 * r + 1], t.rows[row].values[1]);
  }
  EXPECT_EQ(base.provenance.at("posterior_file"), csv);
  EXPECT_EQ(base.provenance.at("posterior_sha256"), sha256_hex(kPosterior));
  EXPECT_EQ(base.provenance.at("posterior_draws"), "2");
  for (const auto& p : base.params) {
    if (p.name == "decision.intercept") {
      EXPECT_EQ(p.origin, csv);
    }
  }
}

TEST(PosteriorDraws, ADrawRunsExactlyItsParameters) {
  Scratch dir("posterior_apply");
  const std::string csv = dir.write("post.csv", kPosterior);
  const std::vector<std::string> common = {
      whatif::baseline(), "--replicates", "2", "--scale", "0.02", "--end",
      "2021-06-30",       "-t",           "2", "-q"};
  std::vector<std::string> drawn = common;
  drawn.insert(drawn.end(), {"--posterior", csv, "--draws", "1", "-o", dir.file("drawn.h5")});
  ASSERT_EQ(cmd_run(drawn), 0);
  const out::RunData a = out::read_run_file(dir.file("drawn.h5"));
  const ParamTable t = posterior();
  const auto& row = t.rows[static_cast<size_t>(a.posterior_rows[0])];
  std::vector<std::string> set = common;
  set.insert(set.end(), {"--set", "decision.intercept=" + row.texts[0], "--set",
                         "decision.gain_weight=" + row.texts[1], "-o", dir.file("set.h5")});
  ASSERT_EQ(cmd_run(set), 0);
  const out::RunData b = out::read_run_file(dir.file("set.h5"));
  whatif::expect_same_series(a, b);
}

TEST(PosteriorDraws, Refusals) {
  Scratch dir("posterior_refusals");
  const std::string csv = dir.write("post.csv", kPosterior);
  EXPECT_THROW(cmd_run({whatif::baseline(), "--draws", "2"}), UsageError);
  EXPECT_THROW(cmd_run({whatif::baseline(), "--posterior", csv, "--set", "decision.intercept=-6"}),
               UsageError);
  EXPECT_THROW(cmd_run({whatif::baseline(), "--posterior", csv, "--draws", "0"}), UsageError);
  const std::string bad = dir.write("bad.csv", "decision.intercept,weight\n-6,1\n-6,-2\n");
  try {
    cmd_run({whatif::baseline(), "--posterior", bad});
    ADD_FAILURE() << "a negative weight was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), bad);
    EXPECT_EQ(e.line(), 3);
    EXPECT_NE(std::string(e.what()).find("column 2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace smug
