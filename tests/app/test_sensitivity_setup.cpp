// The sensitivity set-up's parameters of every type (app/sensitivity_setup.hpp): integers take
// whole-number bounds, dates dates and texts their choices, the design's points are written as
// the scenario takes them, and every refusal names the set-up's file, line and key.
#include <gtest/gtest.h>

#include "app/sensitivity_points.hpp"
#include "app/sensitivity_setup.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "runner/io/scenario_files.hpp"
#include "whatif_support.hpp"

namespace smug {
namespace {

constexpr const char* kOutputs = "[outputs]\narrivals_2023 = arrivals 2023-01-01 2023-12-31\n";

SensitivitySetup parse(const std::string& parameters) {
  return parse_sensitivity_setup(
      "s.ini", "[sensitivity]\nscenario = a.ini\n[parameters]\n" + parameters + kOutputs,
      model_registry());
}

// The message of the refusal of a set-up whose [parameters] (from line 4) are `parameters`.
std::string refusal(const std::string& parameters) {
  try {
    parse(parameters);
  } catch (const InputError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(SensitivitySetup, IntegerDateAndChoiceParametersParseInTheirTypes) {
  const SensitivitySetup s = parse(
      "organisations.initial = 1 6\n"
      "organisations.credit_from = 2022-03-01 2022-07-01\n"
      "organisations.entry_form = coin rate\n");
  ASSERT_EQ(s.parameters.size(), 3u);
  EXPECT_EQ(s.parameters[0].kind, RangeKind::kInteger);
  EXPECT_EQ(s.parameters[0].low, 1);
  EXPECT_EQ(s.parameters[0].high, 6);
  EXPECT_EQ(s.parameters[1].kind, RangeKind::kDate);
  EXPECT_EQ(s.parameters[1].low, from_ymd(2022, 3, 1).days);
  EXPECT_EQ(s.parameters[1].high, from_ymd(2022, 7, 1).days);
  EXPECT_EQ(s.parameters[2].kind, RangeKind::kChoice);
  EXPECT_EQ(s.parameters[2].choices, (std::vector<std::string>{"coin", "rate"}));
  EXPECT_EQ(s.parameters[2].high, 1);
  EXPECT_EQ(s.parameter_lines, (std::vector<int>{4, 5, 6}));
}

TEST(SensitivitySetup, ALogRangeIsReadFromItsThirdWord) {
  const SensitivitySetup s =
      parse("campaigns.reach = 0.001 0.05 log\ncampaigns.decay_days = 10 90\n");
  ASSERT_EQ(s.parameters.size(), 2u);
  EXPECT_EQ(s.parameters[0].kind, RangeKind::kLog);
  EXPECT_EQ(s.parameters[0].low, 0.001);
  EXPECT_EQ(s.parameters[0].high, 0.05);
  EXPECT_EQ(s.parameters[1].kind, RangeKind::kReal);
}

TEST(SensitivitySetup, BadBoundsAreRefusedNamingFileLineAndKey) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"organisations.initial = 1 6.5\n",
       "s.ini:4: 'organisations.initial': an integer parameter takes whole-number bounds"},
      {"organisations.initial = 1 500\n", "s.ini:4: 'organisations.initial': range outside"},
      {"organisations.credit_from = 2022-03-01 2022-13-01\n",
       "s.ini:4: 'organisations.credit_from': expected a date YYYY-MM-DD, got '2022-13-01'"},
      {"organisations.credit_from = 2022-07-01 2022-03-01\n",
       "s.ini:4: 'organisations.credit_from': LOW must be below HIGH"},
      {"organisations.entry_form = coin\n",
       "s.ini:4: 'organisations.entry_form': expected 'CHOICE CHOICE ...', at least two"},
      {"organisations.entry_form = coin coin\n",
       "s.ini:4: 'organisations.entry_form': 'coin' twice"},
      {"taskforce.enabled = 0 1\n", "s.ini:4: 'taskforce.enabled': a flag cannot vary"},
      {"organisations.initial = 1 6 log\n",
       "s.ini:4: 'organisations.initial': only a real parameter takes a log range"},
      {"decision.intercept = -7 -6 log\n",
       "s.ini:4: 'decision.intercept': a log range needs LOW > 0"},
      {"campaigns.reach = 0.001 0.05 ln\n",
       "s.ini:4: 'campaigns.reach': expected 'LOW HIGH' or 'LOW HIGH log'"},
  };
  for (const auto& [parameters, expected] : cases)
    EXPECT_NE(refusal(parameters).find(expected), std::string::npos) << refusal(parameters);
}

std::string scenario_refusal(const std::string& parameters) {
  const SensitivitySetup s = parse("decision.intercept = -7 -6\n" + parameters);
  try {
    check_against_scenario(s, load_scenario(whatif::baseline()));
  } catch (const InputError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(SensitivitySetup, ADateRangeOutsideTheRunIsRefusedNamingFileLineAndKey) {
  EXPECT_NE(scenario_refusal("organisations.credit_from = 2019-06-01 2022-07-01\n")
                .find("s.ini:5: 'organisations.credit_from': the range 2019-06-01..2022-07-01 "
                      "is not inside the run 2020-01-01.."),
            std::string::npos)
      << scenario_refusal("organisations.credit_from = 2019-06-01 2022-07-01\n");
  EXPECT_EQ(scenario_refusal("organisations.credit_from = 2022-03-01 2022-07-01\n"), "accepted");
}

TEST(SensitivitySetup, AChoiceTheModelDoesNotKnowIsRefusedNamingFileLineAndKey) {
  const std::string why = scenario_refusal("organisations.entry_form = coin rates\n");
  EXPECT_NE(why.find("s.ini:5: 'organisations.entry_form': coin or rate expected, got 'rates'"),
            std::string::npos)
      << why;
  EXPECT_EQ(scenario_refusal("organisations.entry_form = rate coin\n"), "accepted");
}

TEST(SensitivitySetup, PointsAreWrittenAsTheScenarioTakesThem) {
  const SensitivitySetup s = parse(
      "organisations.initial = 1 6\n"
      "organisations.credit_from = 2022-03-01 2022-07-01\n"
      "organisations.entry_form = coin rate\n"
      "decision.intercept = -7 -6\n");
  EXPECT_EQ(point_text(s.parameters[0], 4), "4");
  EXPECT_EQ(point_text(s.parameters[1], from_ymd(2022, 4, 12).days), "2022-04-12");
  EXPECT_EQ(point_text(s.parameters[2], 1), "rate");
  EXPECT_EQ(point_text(s.parameters[3], -6.25), "-6.25");
}

}  // namespace
}  // namespace smug
