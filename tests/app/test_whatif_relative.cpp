// What-ifs on posterior-drawn parameters: a relative value scales each draw (so the what-if is
// not lost to the draws), and an absolute one is refused with the way to write it.
#include "app/commands.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "params/value_text.hpp"
#include "runner/io/param_table.hpp"
#include "whatif_support.hpp"

namespace smug {
namespace {

using whatif::Scratch;

const char* kPosterior =
    "decision.intercept,decision.gain_weight,weight\n"
    "-6,3,0.5\n"
    "-6.5,2.5,0.5\n";

std::string whatif_file(const Scratch& dir, const std::string& line) {
  return dir.write("what.ini", "extends = " + whatif::baseline() + "\n[decision]\n" + line + "\n");
}

std::vector<std::string> small_run(const std::string& scenario, const std::string& out) {
  return {scenario, "-o",    out,          "--replicates", "1", "--scale",
          "0.02",   "--end", "2021-06-30", "-t",           "1", "-q"};
}

TEST(RelativeWhatIf, RelativeValueMultipliesEachPosteriorDraw) {
  Scratch dir("relative");
  const std::string csv = dir.write("post.csv", kPosterior);
  std::vector<std::string> drawn =
      small_run(whatif_file(dir, "gain_weight *= 1.5"), dir.file("drawn.h5"));
  drawn.insert(drawn.end(), {"--posterior", csv, "--draws", "1"});
  ASSERT_EQ(cmd_run(drawn), 0);
  const out::RunData a = out::read_run_file(dir.file("drawn.h5"));
  const ParamTable t = parse_param_table(csv, kPosterior, TableKind::kPosterior, model_registry());
  const auto& row = t.rows.at(static_cast<size_t>(a.posterior_rows.at(0)));
  // The same replicate without the posterior, the draw's values set with the factor applied.
  std::vector<std::string> set = small_run(whatif::baseline(), dir.file("set.h5"));
  set.insert(set.end(), {"--set", "decision.intercept=" + row.texts[0], "--set",
                         "decision.gain_weight=" + detail::format_number(row.values[1] * 1.5)});
  ASSERT_EQ(cmd_run(set), 0);
  const out::RunData c = out::read_run_file(dir.file("set.h5"));
  whatif::expect_same_series(a, c);
  // And not the draw alone: the factor changed the result.
  std::vector<std::string> plain = small_run(whatif::baseline(), dir.file("plain.h5"));
  plain.insert(plain.end(), {"--posterior", csv, "--draws", "1"});
  ASSERT_EQ(cmd_run(plain), 0);
  const out::RunData b = out::read_run_file(dir.file("plain.h5"));
  EXPECT_EQ(a.varied_values, b.varied_values);
  bool differs = false;
  for (size_t i = 0; i < a.series.size(); ++i) differs |= a.series[i].values != b.series[i].values;
  EXPECT_TRUE(differs);
}

TEST(RelativeWhatIf, AbsoluteValueOnADrawnParameterIsRefusedWithTheRelativeForm) {
  Scratch dir("absolute");
  const std::string csv = dir.write("post.csv", kPosterior);
  const std::string what = whatif_file(dir, "gain_weight = 4");
  std::vector<std::string> args = small_run(what, dir.file("x.h5"));
  args.insert(args.end(), {"--posterior", csv});
  try {
    cmd_run(args);
    ADD_FAILURE() << "an absolute value on a drawn parameter was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(exit_code(e.kind()), 2);
    EXPECT_EQ(e.file(), what);
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.key(), "decision.gain_weight");
    EXPECT_NE(std::string(e.what()).find("gain_weight *= "), std::string::npos) << e.what();
  }
  // Without --posterior the same file is an ordinary what-if.
  EXPECT_EQ(cmd_run(small_run(what, dir.file("y.h5"))), 0);
}

TEST(RelativeWhatIf, SetAcceptsAFactorOnADrawnParameter) {
  Scratch dir("relative_set");
  const std::string csv = dir.write("post.csv", kPosterior);
  std::vector<std::string> args = small_run(whatif::baseline(), dir.file("x.h5"));
  args.insert(args.end(), {"--posterior", csv, "--set", "decision.gain_weight*=1.5"});
  EXPECT_EQ(cmd_run(args), 0);
  args.back() = "decision.gain_weight=4";
  EXPECT_THROW(cmd_run(args), UsageError);
}

}  // namespace
}  // namespace smug
