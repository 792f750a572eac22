#include <gtest/gtest.h>

#include "params/scenario.hpp"
#include "test_fixture.hpp"

namespace smug {
namespace {

using test::MemFiles;
using test::parse;
using test::parse_error;

bool contains(const InputError& e, const std::string& part) {
  return std::string(e.what()).find(part) != std::string::npos;
}

// Every error must say where (file, line), which key, and what was wrong.
void expect_error(const MemFiles& fs, const std::string& path, const std::string& file, int line,
                  const std::string& key, const std::string& part) {
  const InputError e = parse_error(fs, path);
  EXPECT_EQ(e.file(), file) << e.what();
  EXPECT_EQ(e.line(), line) << e.what();
  EXPECT_EQ(e.key(), key) << e.what();
  EXPECT_TRUE(contains(e, part)) << "'" << e.what() << "' lacks '" << part << "'";
}

void expect_error(const std::string& text, int line, const std::string& key,
                  const std::string& part) {
  MemFiles fs;
  fs.files["s.ini"] = text;
  expect_error(fs, "s.ini", "s.ini", line, key, part);
}

TEST(IniParser, ReadsValuesWithOriginsAndComments) {
  MemFiles fs;
  fs.files["s.ini"] =
      "; a scenario\n"
      "# another comment\n"
      "\n"
      "[boats]\n"
      "  capacity =  25   ; people per boat\n"
      "max_trips=7 # inline\n"
      "night_only = yes\r\n"
      "season_start = 2022-05-01\n"
      "label = a b;c\n"
      "[patrols]\n"
      "end = 2023-12-31\n";
  const Scenario s = parse(fs, "s.ini");
  EXPECT_EQ(s.real("boats.capacity"), 25);
  EXPECT_EQ(s.value("boats.capacity").origin.file, "s.ini");
  EXPECT_EQ(s.value("boats.capacity").origin.line, 5);
  EXPECT_EQ(s.integer("boats.max_trips"), 7);
  EXPECT_EQ(s.value("boats.max_trips").origin.line, 6);
  EXPECT_TRUE(s.flag("boats.night_only"));
  EXPECT_EQ(s.date("boats.season_start"), from_ymd(2022, 5, 1));
  EXPECT_EQ(s.text("boats.label"), "a b;c");
  EXPECT_EQ(s.date("patrols.end"), from_ymd(2023, 12, 31));
  EXPECT_EQ(s.value("patrols.end").origin.line, 11);
  EXPECT_TRUE(s.value("patrols.intensity").origin.file.empty());  // untouched: default
  ASSERT_EQ(s.files().size(), 1u);
  EXPECT_EQ(s.files()[0].path, "s.ini");
  EXPECT_EQ(s.files()[0].text, fs.files["s.ini"]);
}

TEST(IniParser, SchedulesAndCanonicalRoundTrip) {
  MemFiles fs;
  fs.files["s.ini"] = "[patrols]\nintensity = 0.1,2022-08-30:0.5 , 2022-12-13: 1\n";
  const Scenario s = parse(fs, "s.ini");
  const Schedule& sch = s.schedule("patrols.intensity");
  EXPECT_EQ(sch.at(from_ymd(2022, 8, 29)), 0.1);
  EXPECT_EQ(sch.at(from_ymd(2022, 8, 30)), 0.5);
  EXPECT_EQ(sch.at(from_ymd(2022, 12, 12)), 0.5);
  EXPECT_EQ(sch.at(from_ymd(2022, 12, 13)), 1);
  const std::string canonical = sch.to_string();
  EXPECT_EQ(canonical, "0.1, 2022-08-30: 0.5, 2022-12-13: 1");
  fs.files["t.ini"] = "[patrols]\nintensity = " + canonical + "\n";
  EXPECT_EQ(parse(fs, "t.ini").schedule("patrols.intensity").changes, sch.changes);
  EXPECT_EQ(parse(fs, "t.ini").schedule("patrols.intensity").to_string(), canonical);
}

TEST(IniParser, ExtendsChainOverridesInOrderWithRelativePaths) {
  MemFiles fs;
  fs.files["scen/common/base.ini"] = "[boats]\ncapacity = 10\nmax_trips = 1\nlabel = base\n";
  fs.files["scen/baseline.ini"] =
      "extends = common/base.ini\n[boats]\ncapacity = 20\nmax_trips = 2\n";
  fs.files["scen/whatifs/no_patrols.ini"] =
      "; the baseline without patrols\n"
      "extends = ../baseline.ini\n"
      "[boats]\n"
      "capacity = 30\n"
      "[patrols]\n"
      "enabled = false\n";
  const Scenario s = parse(fs, "scen/whatifs/no_patrols.ini");
  EXPECT_EQ(s.real("boats.capacity"), 30);
  EXPECT_EQ(s.value("boats.capacity").origin.file, "scen/whatifs/no_patrols.ini");
  EXPECT_EQ(s.value("boats.capacity").origin.line, 4);
  EXPECT_EQ(s.integer("boats.max_trips"), 2);
  EXPECT_EQ(s.value("boats.max_trips").origin.file, "scen/baseline.ini");
  EXPECT_EQ(s.value("boats.max_trips").origin.line, 4);
  EXPECT_EQ(s.text("boats.label"), "base");
  EXPECT_EQ(s.value("boats.label").origin.file, "scen/common/base.ini");
  EXPECT_FALSE(s.flag("patrols.enabled"));
  ASSERT_EQ(s.files().size(), 3u);
  EXPECT_EQ(s.files()[0].path, "scen/common/base.ini");
  EXPECT_EQ(s.files()[1].path, "scen/baseline.ini");
  EXPECT_EQ(s.files()[2].path, "scen/whatifs/no_patrols.ini");
  EXPECT_EQ(s.files()[2].text, fs.files["scen/whatifs/no_patrols.ini"]);
}

TEST(IniParser, AcceptsCommentOnlyAndExtendsOnlyFiles) {
  MemFiles fs;
  fs.files["c.ini"] = "; nothing changed yet\n# really\n";
  EXPECT_EQ(parse(fs, "c.ini").real("boats.capacity"), 40);
  fs.files["e.ini"] = "extends = c.ini\n";
  const Scenario s = parse(fs, "e.ini");
  EXPECT_EQ(s.files().size(), 2u);
  fs.files["bom.ini"] = "\xEF\xBB\xBF[boats]\ncapacity = 2\n";
  EXPECT_EQ(parse(fs, "bom.ini").real("boats.capacity"), 2);
}

TEST(IniParserErrors, UnknownKeySuggestsCloseKey) {
  expect_error("[boats]\ncapacity = 2\ncapacty = 3\n", 3, "boats.capacty",
               "did you mean 'capacity'?");
}

TEST(IniParserErrors, UnknownKeySuggestsOtherSection) {
  expect_error("[boats]\nintensity = 0.3\n", 2, "boats.intensity",
               "did you mean [patrols] intensity?");
  expect_error("[patrols]\nmax_trip = 3\n", 2, "patrols.max_trip",
               "did you mean [boats] max_trips?");
}

TEST(IniParserErrors, UnknownKeyWithNoSuggestion) {
  expect_error("[boats]\nzzzzzzzz = 3\n", 2, "boats.zzzzzzzz", "unknown key 'zzzzzzzz'");
}

TEST(IniParserErrors, KeyOutsideAnySection) {
  expect_error("capacity = 3\n[boats]\n", 1, "capacity", "did you mean [boats] capacity?");
}

TEST(IniParserErrors, ExtendsAfterASection) {
  expect_error("[boats]\nextends = base.ini\n", 2, "extends", "before the first [section]");
}

TEST(IniParserErrors, UnknownSectionSuggests) {
  expect_error("[boats]\ncapacity = 2\n[patrol]\nintensity = 1\n", 3, "patrol",
               "unknown section [patrol]; did you mean [patrols]?");
  expect_error("[zzzzzzzz]\n", 1, "zzzzzzzz", "unknown section");
}

TEST(IniParserErrors, DuplicateKeyInOneFile) {
  expect_error("[boats]\ncapacity = 2\n\n[patrols]\n[boats]\ncapacity = 3\n", 6, "boats.capacity",
               "already set on line 2");
}

TEST(IniParserErrors, WrongType) {
  expect_error("[boats]\ncapacity = lots\n", 2, "boats.capacity", "expected a number");
  expect_error("[boats]\nmax_trips = 2.5\n", 2, "boats.max_trips", "expected a whole number");
  expect_error("[patrols]\nenabled = maybe\n", 2, "patrols.enabled", "expected true or false");
}

TEST(IniParserErrors, OutOfRangeSaysRangeAndUnit) {
  expect_error("[patrols]\n\nintensity = 1.5\n", 3, "patrols.intensity",
               "value 1.5 is outside the allowed range [0, 1] share");
  expect_error("[boats]\nmax_trips = -1\n", 2, "boats.max_trips", "[0, 10] trips");
}

TEST(IniParserErrors, BadDateSaysForm) {
  expect_error("[patrols]\nstart = 1/9/2022\n", 2, "patrols.start", "YYYY-MM-DD");
  expect_error("[patrols]\nstart = 2022-02-30\n", 2, "patrols.start", "got '2022-02-30'");
}

TEST(IniParserErrors, ScheduleDatesNotIncreasing) {
  expect_error("[patrols]\nintensity = 0.1, 2022-08-30: 0.5, 2022-03-01: 1\n", 2,
               "patrols.intensity", "strictly increasing, but 2022-03-01 follows 2022-08-30");
}

TEST(IniParserErrors, DatedValuesOnNonSchedulableKey) {
  expect_error("[boats]\nmax_trips = 1, 2022-01-01: 2\n", 2, "boats.max_trips", "not schedulable");
}

TEST(IniParserErrors, MissingExtendedFile) {
  MemFiles fs;
  fs.files["dir/a.ini"] = "; why\nextends = ../gone.ini\n";
  expect_error(fs, "dir/a.ini", "dir/a.ini", 2, "extends",
               "extended file '../gone.ini' not found (looked for gone.ini)");
}

TEST(IniParserErrors, MissingTopFile) {
  expect_error(MemFiles{}, "nope.ini", "nope.ini", 0, "", "cannot read scenario file");
}

TEST(IniParserErrors, ExtendsCycleShowsChain) {
  MemFiles fs;
  fs.files["a.ini"] = "extends = sub/b.ini\n";
  fs.files["sub/b.ini"] = "extends = ../c.ini\n";
  fs.files["c.ini"] = "\nextends = a.ini\n";
  expect_error(fs, "a.ini", "c.ini", 2, "extends",
               "extends cycle: a.ini -> sub/b.ini -> c.ini -> a.ini");
  fs.files["self.ini"] = "extends = ./self.ini\n";
  expect_error(fs, "self.ini", "self.ini", 1, "extends", "extends cycle: self.ini -> self.ini");
}

TEST(IniParserErrors, EmptyFile) {
  expect_error("", 0, "", "empty scenario file");
  expect_error(" \n\t\r\n\n", 0, "", "empty scenario file");
}

TEST(IniParserErrors, EmptyExtendedFileNamesThatFile) {
  MemFiles fs;
  fs.files["a.ini"] = "extends = b.ini\n";
  fs.files["b.ini"] = "";
  expect_error(fs, "a.ini", "b.ini", 0, "", "empty scenario file");
}

TEST(IniParserErrors, BinaryFile) {
  expect_error(std::string("[boats]\ncapacity = 2\0\n", 22), 2, "", "binary file");
  expect_error("[boats]\n\nlabel = caf\xE9\n", 3, "", "invalid UTF-8");
  expect_error("\x89PNG\r\n", 1, "", "binary file");
  MemFiles fs;  // valid UTF-8 text is fine
  fs.files["u.ini"] = "[boats]\nlabel = caf\xC3\xA9 \xE2\x82\xAC\n";
  EXPECT_EQ(parse(fs, "u.ini").text("boats.label"), "caf\xC3\xA9 \xE2\x82\xAC");
}

TEST(IniParserErrors, MalformedLines) {
  expect_error("[boats]\ncapacity 2\n", 2, "", "expected 'key = value'");
  expect_error("[boats\n", 1, "", "expected ']'");
  expect_error("[boats]\n= 2\n", 2, "", "missing key");
  expect_error("[boats]\nlabel = a#b\n", 2, "", "'#' can only start a comment");
  expect_error("extends =\n", 1, "extends", "expected the name of a scenario file");
  expect_error("extends = a.ini\nextends = b.ini\n", 2, "extends", "already set on line 1");
}

TEST(IniParserErrors, ErrorInBaseFileNamesTheBase) {
  MemFiles fs;
  fs.files["d/base.ini"] = "[boats]\n\ncapacity = 500\n";
  fs.files["d/top.ini"] = "extends = base.ini\n[boats]\ncapacity = 5\n";
  expect_error(fs, "d/top.ini", "d/base.ini", 3, "boats.capacity", "[1, 100] people");
}

}  // namespace
}  // namespace smug
