// The exogenous inputs: only the all-nationality series, and the flow it drives can be switched
// off.
#include <gtest/gtest.h>

#include <algorithm>

#include "measures/assemble.hpp"
#include "model_test_support.hpp"

namespace smug::test {
namespace {

TEST(ModelInputs, HoldOnlyTheAllNationalitySeries) {
  // Compiles only while ModelInputs has exactly two members: the first month and the monthly
  // all-nationality people. An observed Albanian series added here would break this test.
  const ModelInputs in = shipped_inputs();
  const auto& [first_month, people] = in;
  static_assert(std::is_same_v<std::decay_t<decltype(first_month)>, Date>);
  static_assert(std::is_same_v<std::decay_t<decltype(people)>, std::vector<double>>);
  EXPECT_EQ(first_month, from_ymd(2020, 1, 1));
  ASSERT_GE(people.size(), 48u);
  // The series is the all-nationality one (tens of thousands a year), not the Albanian one.
  double y2022 = 0;
  for (size_t m = 24; m < 36; ++m) y2022 += people[m];
  EXPECT_GT(y2022, 40000);
}

Scenario with_other(bool on) {
  return busy({{"run.end", "2022-12-31"}, {"other_nationalities.enabled", on ? "true" : "false"}});
}

TEST(OtherNationalities, FlowCanBeSwitchedOff) {
  const ModelInputs in = shipped_inputs();
  const Model on = build_model(with_other(true), in);
  const Model off = build_model(with_other(false), in);
  const ReplicateResult a = on.run(3, 0), b = off.run(3, 0);
  const auto& waiting_on = a.rec.series(kOtherWaiting);
  const auto& waiting_off = b.rec.series(kOtherWaiting);
  EXPECT_GT(*std::max_element(waiting_on.begin(), waiting_on.end()), 0);
  for (double v : waiting_off) ASSERT_EQ(v, 0);
  // Without others, the boats carry Albanians only.
  EXPECT_GT(sum(b.rec.series(kAttempts)), 0);
  EXPECT_EQ(sum(b.rec.series(kBoatPeople)), sum(b.rec.series(kAttempts)));
  EXPECT_GT(sum(a.rec.series(kBoatPeople)), sum(a.rec.series(kAttempts)));
  // Switched off, the series is not read at all: the run equals one with no inputs.
  const Model off_empty = build_model(with_other(false), ModelInputs{});
  EXPECT_TRUE(same_series(b.rec, off_empty.run(3, 0).rec));
}

}  // namespace
}  // namespace smug::test
