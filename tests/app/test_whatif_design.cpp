// Designs for `smugsim sweep`: grids, Latin hypercubes, the CSV `smugsim design` writes and the
// validation of design files; and the SHA-256 that names input files in run files.
#include <algorithm>
#include <cmath>
#include <set>

#include "app/commands.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "runner/io/design.hpp"
#include "runner/io/param_table.hpp"
#include "runner/io/sha256.hpp"
#include "whatif_support.hpp"

namespace smug {
namespace {

using whatif::Scratch;

TEST(Sha256, KnownAnswers) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the padding spills into a second block.
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256_hex(std::string(1000, 'a')),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST(Design, GridTakesEveryCombinationWithExactPoints) {
  const Design d = grid_design({parse_grid_axis("decision.intercept=0.1:0.5:5"),
                                parse_grid_axis("joint_communique.enabled=0:1:2"),
                                parse_grid_axis("decision.gain_weight=3:3:1")});
  ASSERT_EQ(d.rows.size(), 10u);
  EXPECT_EQ(d.names[1], "joint_communique.enabled");
  const std::vector<double> first = {0.1, 0.2, 0.3, 0.4, 0.5};
  for (size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(d.rows[i][0], first[i / 2]);  // first axis slowest
    EXPECT_EQ(d.rows[i][1], static_cast<double>(i % 2));
    EXPECT_EQ(d.rows[i][2], 3);
  }
  EXPECT_EQ(design_csv(d).rfind(
                "decision.intercept,joint_communique.enabled,decision.gain_weight\n0.1,0,3\n"
                "0.1,1,3\n0.2,0,3\n",
                0),
            0u);
  EXPECT_THROW(parse_grid_axis("decision.intercept=0:1"), UsageError);
  EXPECT_THROW(parse_grid_axis("decision.intercept=0:1:2.5"), UsageError);
  EXPECT_THROW(parse_grid_axis("decision.intercept=0:x:2"), UsageError);
  EXPECT_THROW(parse_grid_axis("=0:1:2"), UsageError);
}

TEST(Design, LatinHypercubePutsOneValueInEachBin) {
  const int n = 37;
  const std::vector<LhsAxis> axes = {parse_lhs_axis("decision.intercept=-8:-4"),
                                     parse_lhs_axis("decision.gain_weight=1:6"),
                                     parse_lhs_axis("beliefs.campaign_p_return=0.2:1")};
  const Design d = lhs_design(axes, n, 11);
  ASSERT_EQ(d.rows.size(), static_cast<size_t>(n));
  for (size_t j = 0; j < axes.size(); ++j) {
    std::set<int> bins;
    for (const auto& row : d.rows) {
      const double x = (row[j] - axes[j].low) / (axes[j].high - axes[j].low);
      ASSERT_GE(x, 0);
      ASSERT_LT(x, 1);
      bins.insert(static_cast<int>(std::floor(x * n)));
    }
    EXPECT_EQ(bins.size(), static_cast<size_t>(n)) << d.names[j];
  }
  EXPECT_EQ(lhs_design(axes, n, 11).rows, d.rows);
  EXPECT_NE(lhs_design(axes, n, 12).rows, d.rows);
  // Each axis has its own order of bins.
  std::vector<int> bins0, bins1;
  for (const auto& row : d.rows) {
    bins0.push_back(static_cast<int>(std::floor((row[0] + 8) / 4 * n)));
    bins1.push_back(static_cast<int>(std::floor((row[1] - 1) / 5 * n)));
  }
  EXPECT_NE(bins0, bins1);
  EXPECT_THROW(parse_lhs_axis("decision.intercept=1:1"), UsageError);
}

TEST(Design, CsvReadsBackExactly) {
  const Design d = lhs_design(
      {parse_lhs_axis("decision.intercept=-8:-4"), parse_lhs_axis("decision.gain_weight=1:6")}, 9,
      3);
  const ParamTable t =
      parse_param_table("d.csv", design_csv(d), TableKind::kDesign, model_registry());
  ASSERT_EQ(t.rows.size(), 9u);
  for (size_t i = 0; i < 9; ++i) EXPECT_EQ(t.rows[i].values, d.rows[i]);
}

TEST(Design, CommandWritesTheFileAndRefusesBadAxes) {
  Scratch dir("design");
  {
    whatif::Capture err(std::cerr);
    ASSERT_EQ(cmd_design({"--grid", "decision.intercept=-7:-5:3", "--grid",
                          "taskforce.enabled=0:1:2", "-o", dir.file("g.csv")}),
              0);
  }
  const ParamTable g = read_param_table(dir.file("g.csv"), TableKind::kDesign);
  EXPECT_EQ(g.rows.size(), 6u);
  {
    whatif::Capture out(std::cout);
    ASSERT_EQ(cmd_design({"--lhs", "4", "--param", "decision.gain_weight=1:6", "--seed", "2"}), 0);
    const std::string text = out.text();
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 5);
  }
  EXPECT_THROW(cmd_design({"--grid", "decision.intercep=-7:-5:3"}), UsageError);
  EXPECT_THROW(cmd_design({"--grid", "decision.intercept=-70:-5:3"}), UsageError);
  EXPECT_THROW(cmd_design({"--grid", "run.seed=1:2:2"}), UsageError);
  EXPECT_THROW(cmd_design({"--lhs", "3", "--param", "taskforce.enabled=0:1"}), UsageError);
  EXPECT_THROW(cmd_design({"--lhs", "3"}), UsageError);
  EXPECT_THROW(cmd_design({}), UsageError);
}

// Where a design file is wrong: file, line and column in every message.
TEST(Design, FileErrorsNameFileLineAndColumn) {
  struct Case {
    const char* text;
    int line;
    const char* says;
  };
  const Case cases[] = {
      {"decision.intercep,decision.gain_weight\n-6,2\n", 1,
       "column 1: unknown parameter; did you mean 'decision.intercept'"},
      {"decision.intercept,decision.gain_weight\n-6,2\n-6,abc\n", 3, "column 2: expected a number"},
      {"decision.intercept,decision.gain_weight\n-6,200\n", 2, "column 2: value 200 is outside"},
      {"decision.intercept,decision.intercept\n-6,-6\n", 1, "column 2: appears twice"},
      {"# a comment\ndecision.intercept,run.seed\n-6,2\n", 2, "column 2: [run] settings"},
      {"decision.intercept,joint_communique.start\n-6,2022-13-01\n", 2,
       "column 2: expected a date in the form YYYY-MM-DD"},
      {"decision.intercept,weight\n-6,1\n", 1, "column 2: unknown parameter"},
      {"decision.intercept,decision.gain_weight\n-6,2\n\n-6\n", 4,
       "expected 2 fields like the header, found 1"},
      {"taskforce.enabled\nmaybe\n", 2, "column 1: expected true or false"},
      {"decision.intercept\n", 0, "no rows"},
      {"", 0, "empty file"},
  };
  for (const auto& c : cases) {
    try {
      parse_param_table("d.csv", c.text, TableKind::kDesign, model_registry());
      ADD_FAILURE() << "accepted: " << c.text;
    } catch (const InputError& e) {
      EXPECT_EQ(e.file(), "d.csv");
      EXPECT_EQ(e.line(), c.line) << e.what();
      EXPECT_NE(std::string(e.what()).find(c.says), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace smug
