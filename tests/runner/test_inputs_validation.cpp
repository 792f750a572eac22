// The all-nationality series as read from disk: every malformed number, a short series and one
// that starts after the run are refused as InputError naming file, line and column, before any
// model code reads the array.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "model/model_params.hpp"
#include "runner/io/inputs.hpp"

namespace smug {
namespace {

class SeriesFile : public testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("smug_series_" + std::to_string(::getpid()) + ".csv"))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }

  // A series of `months` months from `first` (YYYY-MM), each of 100 people, with row `bad` (0 for
  // none, 1 the first data row) carrying `people` instead.
  void write(const std::string& first, int months, int bad = 0, const std::string& people = "") {
    std::ofstream f(path_, std::ios::binary);
    f << "# a comment\nmonth,people,boats\n";
    int y = std::stoi(first.substr(0, 4)), m = std::stoi(first.substr(5, 2));
    for (int i = 1; i <= months; ++i) {
      f << y << '-' << (m < 10 ? "0" : "") << m << ',' << (i == bad ? people : "100") << ",3\n";
      if (++m == 13) m = 1, ++y;
    }
  }
  ModelInputs load(const std::string& start = "2020-01-01") const {
    Scenario s(model_registry());
    s.set("other_nationalities.enabled", "true");
    s.set("other_nationalities.series_file", path_);
    s.set("run.start", start);
    return load_inputs(s, "/nowhere/top.ini");
  }
  // The message of the InputError load() throws, or "" (a test failure) when it throws none.
  std::string refusal(const std::string& start = "2020-01-01") const {
    try {
      load(start);
    } catch (const InputError& e) {
      return e.what();
    }
    ADD_FAILURE() << "accepted";
    return "";
  }
  std::string path_;
};

TEST_F(SeriesFile, AWholeSeriesFromTheRunsFirstMonthIsRead) {
  write("2019-06", 30);
  const ModelInputs in = load("2020-01-15");
  EXPECT_EQ(in.other_first_month, from_ymd(2019, 6, 1));
  EXPECT_EQ(in.other_monthly_people.size(), 30u);
  EXPECT_EQ(in.other_monthly_people[0], 100);
}

TEST_F(SeriesFile, NonFiniteHexHugeNegativeOrTrailingJunkNumbersAreRefusedWithLineAndColumn) {
  for (const std::string& bad : std::vector<std::string>{
           "nan", "inf", "-inf", "1e400", "0x1p4", "0x10", "1e300", "94abc", "-5", "", "1,5"}) {
    write("2020-01", 24, 3, bad == "1,5" ? "\"1,5\"" : bad);
    const std::string why = refusal();
    EXPECT_NE(why.find(path_ + ":5:"), std::string::npos) << bad << ": " << why;
    EXPECT_NE(why.find("column 2 (people)"), std::string::npos) << bad << ": " << why;
  }
}

TEST_F(SeriesFile, FewerThanTwelveMonthsAreRefused) {
  write("2020-01", 11);
  EXPECT_NE(refusal().find("at least 12"), std::string::npos);
  write("2020-01", 0);
  EXPECT_NE(refusal().find(path_), std::string::npos);
}

TEST_F(SeriesFile, ASeriesStartingAfterTheRunsFirstMonthIsRefused) {
  write("2020-03", 24);
  const std::string why = refusal("2020-02-28");
  EXPECT_NE(why.find(path_ + ":3:"), std::string::npos) << why;
  EXPECT_NE(why.find("after the run's first month 2020-02"), std::string::npos) << why;
  EXPECT_NO_THROW(load("2020-03-01"));
}

TEST_F(SeriesFile, AMalformedMonthIsRefusedWithItsColumn) {
  write("2020-01", 24);
  std::ofstream(path_, std::ios::app) << "2022-1,5,1\n";
  const std::string why = refusal();
  EXPECT_NE(why.find(path_ + ":27:"), std::string::npos) << why;
  EXPECT_NE(why.find("column 1 (month)"), std::string::npos) << why;
}

// The same reader from text, as the fuzzer calls it: no file, the path only names it in messages.
TEST(SeriesText, IsReadAndRefusedAsTheFileIsWithoutTouchingTheDisk) {
  std::string text = "month,people\n";
  for (int m = 1; m <= 12; ++m)
    text += "2020-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + ",7\n";
  const Scenario s(model_registry());
  const ModelInputs in = parse_series(text, "/nowhere/series.csv", s);
  EXPECT_EQ(in.other_first_month, from_ymd(2020, 1, 1));
  EXPECT_EQ(in.other_monthly_people, std::vector<double>(12, 7));
  try {
    parse_series(text + "2021-01,0x7\n", "/nowhere/series.csv", s);
    ADD_FAILURE() << "a hex cell accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("/nowhere/series.csv:14:"), std::string::npos) << e.what();
  }
}

TEST(RunYears, AStartOrEndOutsideTheYears2000To2100IsRefused) {
  for (const auto& [key, value] :
       {std::pair{"run.start", "0001-01-01"}, std::pair{"run.start", "1999-12-31"},
        std::pair{"run.end", "2101-01-01"}}) {
    Scenario s(model_registry());
    s.set(key, value);
    try {
      RunParams::from(s);
      ADD_FAILURE() << key << " = " << value << " accepted";
    } catch (const InputError& e) {
      EXPECT_EQ(e.key(), key);
      EXPECT_NE(std::string(e.what()).find("2000 to 2100"), std::string::npos) << e.what();
    }
  }
  Scenario s(model_registry());
  s.set("run.start", "2000-01-01");
  s.set("run.end", "2100-12-31");
  EXPECT_NO_THROW(RunParams::from(s));
}

}  // namespace
}  // namespace smug
