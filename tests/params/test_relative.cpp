// Relative values ("key *= 1.5"): they multiply the value before them, on dates too, keep their
// factor for posterior draws, and refuse what cannot be multiplied.
#include <gtest/gtest.h>

#include "params/scenario.hpp"
#include "test_fixture.hpp"

namespace smug {
namespace {

using test::MemFiles;
using test::parse;
using test::parse_error;

MemFiles base_and(const std::string& whatif) {
  MemFiles fs;
  fs.files["base.ini"] = "[boats]\ncapacity = 40, 2023-06-01: 20\nshare_paid = 0.5\n";
  fs.files["what.ini"] = "extends = base.ini\n[boats]\n" + whatif;
  return fs;
}

TEST(Scenario, RelativeValueMultipliesTheValueOfTheFileItExtends) {
  const Scenario s = parse(base_and("share_paid *= 1.5\n"), "what.ini");
  EXPECT_EQ(s.real("boats.share_paid"), 0.75);
  const ParamValue& v = s.value("boats.share_paid");
  ASSERT_TRUE(v.relative);
  EXPECT_EQ(v.relative->factor.initial, 1.5);
  EXPECT_EQ(v.relative->origin.file, "what.ini");
  EXPECT_EQ(v.relative->origin.line, 3);
  EXPECT_EQ(v.relative->base.file, "base.ini");
  EXPECT_EQ(v.relative->base.line, 3);
}

TEST(Scenario, DatedRelativeValueMultipliesOnEveryDateOfBoth) {
  const Scenario s = parse(base_and("capacity *= 2, 2024-01-01: *= 1\n"), "what.ini");
  EXPECT_EQ(s.real_at("boats.capacity", from_ymd(2023, 1, 1)), 80);
  EXPECT_EQ(s.real_at("boats.capacity", from_ymd(2023, 7, 1)), 40);
  EXPECT_EQ(s.real_at("boats.capacity", from_ymd(2024, 1, 1)), 20);
}

TEST(Scenario, RelativeValueMultipliesEachPosteriorDraw) {
  Scenario s = parse(base_and("capacity *= 2, 2024-01-01: *= 1\n"), "what.ini");
  s.set_keeping_factor("boats.capacity", "30", Origin{"post.csv", 4});
  EXPECT_EQ(s.real_at("boats.capacity", from_ymd(2023, 1, 1)), 60);
  EXPECT_EQ(s.real_at("boats.capacity", from_ymd(2024, 2, 1)), 30);
  EXPECT_EQ(s.value("boats.capacity").relative->base.file, "post.csv");
  try {
    s.set_keeping_factor("boats.capacity", "60", Origin{"post.csv", 5});
    ADD_FAILURE() << "a draw times the factor beyond the range was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "what.ini");  // the factor's line: the draw alone is valid
    EXPECT_NE(std::string(e.what()).find("60 from post.csv:5 gives 120"), std::string::npos)
        << e.what();
  }
  Scenario absolute = parse(base_and("share_paid = 0.2\n"), "what.ini");
  absolute.set_keeping_factor("boats.capacity", "30", Origin{"post.csv", 4});
  EXPECT_EQ(absolute.real_at("boats.capacity", from_ymd(2023, 1, 1)), 30);
}

TEST(Scenario, CheckShowsTheFactorAndWhatItMultiplies) {
  const Scenario s = parse(base_and("share_paid *= 1.5\n"), "what.ini");
  EXPECT_NE(s.resolved_ini(true).find(
                "share_paid = 0.75  ; *= 1.5 (what.ini:3) of the value from base.ini:3"),
            std::string::npos)
      << s.resolved_ini(true);
}

void expect_refused(const std::string& line, const std::string& part) {
  const InputError e = parse_error(base_and(line + "\n"), "what.ini");
  EXPECT_EQ(e.file(), "what.ini") << e.what();
  EXPECT_EQ(e.line(), 3) << e.what();
  EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
}

TEST(Scenario, RelativeValueRefusesWhatItCannotMultiply) {
  expect_refused("night_only *= 2", "needs a number");
  expect_refused("capacity *= 2, 2024-01-01: 1", "write '2024-01-01: *= 1'");
  expect_refused("capacity *= 2, *= 1", "expected a dated factor 'YYYY-MM-DD: *= factor'");
  expect_refused("capacity *= 3", "gives 120, outside the allowed range");
  expect_refused("max_trips *= 1.5", "gives 4.5, not a whole number");
  expect_refused("share_paid *= -1", "outside the allowed range");
  expect_refused("share_paid *= 2, 2024-01-01: *= 1", "not schedulable");
}

TEST(IniParser, MarksValuesInsideTheCalibratedBlock) {
  MemFiles fs;
  fs.files["s.ini"] =
      "[boats]\ncapacity = 30\n; BEGIN CALIBRATED\n; note\n[boats]\nshare_paid = 0.4\n"
      "; END CALIBRATED\n[patrols]\nintensity = 0.3\n";
  const Scenario s = parse(fs, "s.ini");
  EXPECT_FALSE(s.value("boats.capacity").origin.calibrated);
  EXPECT_TRUE(s.value("boats.share_paid").origin.calibrated);
  EXPECT_FALSE(s.value("patrols.intensity").origin.calibrated);
}

}  // namespace
}  // namespace smug
