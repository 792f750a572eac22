// A posterior's weight and distance columns: weights whose sum overflows still draw by weight,
// and a distance that is not a finite number >= 0 is refused naming the file, line and column.
// A design may set dates and texts (a sensitivity design's), a posterior may not.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "runner/io/param_table.hpp"

namespace smug {
namespace {

ParamTable posterior(const std::string& text) {
  return parse_param_table("post.csv", text, TableKind::kPosterior, model_registry());
}

TEST(PosteriorTable, WeightsWhoseSumOverflowsStillDrawEveryRowByWeight) {
  const ParamTable t = posterior(
      "decision.intercept,weight\n"
      "-6,1e308\n"
      "-5,1e308\n"
      "-4,1e308\n");
  std::set<size_t> drawn;
  for (size_t r : draw_rows(t, 7, 300)) drawn.insert(r);
  EXPECT_EQ(drawn, (std::set<size_t>{0, 1, 2}));
}

TEST(PosteriorTable, WeightsThatDoNotOverflowAreKeptAsWritten) {
  const ParamTable t = posterior("decision.intercept,weight\n-6,0.25\n-5,3\n");
  EXPECT_EQ(t.rows[0].weight, 0.25);
  EXPECT_EQ(t.rows[1].weight, 3);
}

void expect_distance_refused(const std::string& cell) {
  try {
    posterior("decision.intercept,weight,distance\n-6,1,0.5\n-5,1," + cell + "\n");
    ADD_FAILURE() << "distance '" << cell << "' accepted";
  } catch (const InputError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("post.csv"), std::string::npos) << msg;
    EXPECT_NE(msg.find("distance"), std::string::npos) << msg;
    EXPECT_NE(msg.find(":3"), std::string::npos) << msg;
  }
}

TEST(PosteriorTable, DistanceMustBeAFiniteNumberAtLeastZero) {
  for (const char* cell : {"nan", "inf", "-inf", "-0.5", "", "1e400", "0.5x"}) {
    expect_distance_refused(cell);
  }
  EXPECT_NO_THROW(posterior("decision.intercept,distance\n-6,0\n-5,2.5\n"));
}

TEST(DesignTable, TakesDatesAsDaysAndTextsAsTheyAreWritten) {
  const ParamTable t = parse_param_table(
      "design.csv", "organisations.credit_from,organisations.entry_form\n2022-03-01,rate\n",
      TableKind::kDesign, model_registry());
  EXPECT_EQ(t.rows[0].values[0], from_ymd(2022, 3, 1).days);
  EXPECT_TRUE(std::isnan(t.rows[0].values[1]));
  EXPECT_EQ(t.rows[0].texts, (std::vector<std::string>{"2022-03-01", "rate"}));
}

TEST(PosteriorTable, RefusesADateColumnNamingTheFileLineAndColumn) {
  try {
    posterior("organisations.credit_from\n2022-03-01\n");
    ADD_FAILURE() << "a date column accepted";
  } catch (const InputError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("post.csv:1: 'organisations.credit_from'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("only numbers and flags can vary"), std::string::npos) << msg;
  }
}

}  // namespace
}  // namespace smug
