#include <gtest/gtest.h>

#include "params/schedule.hpp"

namespace smug {
namespace {

TEST(Schedule, ValueBeforeOnAndAfterEachDate) {
  const Schedule s{120, {{from_ymd(2022, 8, 30), 60}, {from_ymd(2022, 12, 13), 14}}};
  EXPECT_EQ(s.at(from_ymd(2020, 1, 1)), 120);
  EXPECT_EQ(s.at(from_ymd(2022, 8, 29)), 120);
  EXPECT_EQ(s.at(from_ymd(2022, 8, 30)), 60);
  EXPECT_EQ(s.at(from_ymd(2022, 12, 12)), 60);
  EXPECT_EQ(s.at(from_ymd(2022, 12, 13)), 14);
  EXPECT_EQ(s.at(from_ymd(2030, 1, 1)), 14);
  EXPECT_FALSE(s.is_constant());
}

TEST(Schedule, ConstantHoldsEverywhere) {
  const Schedule s = Schedule::constant(0.25);
  EXPECT_TRUE(s.is_constant());
  EXPECT_EQ(s.at(from_ymd(1990, 1, 1)), 0.25);
  EXPECT_EQ(s.to_string(), "0.25");
}

TEST(Schedule, CanonicalText) {
  EXPECT_EQ((Schedule{120, {{from_ymd(2022, 8, 30), 60}}}.to_string()), "120, 2022-08-30: 60");
  EXPECT_EQ((Schedule{0.1, {{from_ymd(2023, 1, 2), 1e-7}}}.to_string()), "0.1, 2023-01-02: 1e-07");
  EXPECT_EQ(Schedule::constant(-3).to_string(), "-3");
  EXPECT_EQ(Schedule::constant(2.5e20).to_string(), "2.5e+20");
}

}  // namespace
}  // namespace smug
