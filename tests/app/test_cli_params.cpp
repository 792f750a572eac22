// docs/parameters.md is generated from the registry; this keeps the committed copy in step with
// the code, so the documentation cannot silently drift from the parameters the model reads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "app/commands.hpp"
#include "core/errors.hpp"
#include "measures/assemble.hpp"
#include "params/registry.hpp"

namespace smug {
namespace {

TEST(CliParams, CommittedParameterDocsMatchRegistry) {
  const std::string path = SMUG_SOURCE_DIR "/docs/parameters.md";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing; generate it with\n"
                  << "  build/bin/smugsim params --markdown > docs/parameters.md";
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(text.str() == registry_markdown(model_registry()))
      << path << " is out of date with the parameter registry; regenerate it with\n"
      << "  build/bin/smugsim params --markdown > docs/parameters.md\n"
      << "and commit the result.";
}

std::string temp_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::path(SMUG_BINARY_DIR) / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

TEST(CliParams, MarkdownOutputIsTheRegistryMarkdown) {
  testing::internal::CaptureStdout();
  EXPECT_EQ(cmd_params({"--markdown"}), 0);
  EXPECT_EQ(testing::internal::GetCapturedStdout(), registry_markdown(model_registry()));
}

TEST(CliParams, UnknownSectionIsAUsageError) {
  EXPECT_THROW(cmd_params({"--section", "no_such_section_anywhere"}), UsageError);
}

std::string params_output(const std::vector<std::string>& args) {
  testing::internal::CaptureStdout();
  EXPECT_EQ(cmd_params(args), 0);
  return testing::internal::GetCapturedStdout();
}

TEST(CliParams, SearchRemovalListsTheRemovalLeversFirst) {
  const std::string out = params_output({"--search", "removal"});
  std::istringstream lines(out);
  std::string line;
  std::getline(lines, line);  // "N parameters match ..."
  std::getline(lines, line);  // blank
  for (int i = 0; i < 3 && std::getline(lines, line); ++i) {
    EXPECT_NE(line.substr(0, line.find(' ')).find("removal"), std::string::npos) << line;
    std::getline(lines, line);  // its doc
  }
  EXPECT_NE(out.find("joint_communique.removal_capacity_per_day"), std::string::npos);
}

TEST(CliParams, ScenarioShowsResolvedValuesTheirOriginAndWhetherCalibrated) {
  const std::string baseline = SMUG_SOURCE_DIR "/scenarios/baseline.ini";
  const std::string what =
      temp_file("test_cli_params_relative.ini", "extends = " + baseline +
                                                    "\n[joint_communique]\ncampaign *= 2\n"
                                                    "[french_patrols]\npatrol_odds_factor = 3\n");
  const std::string out = params_output({"--scenario", what, "--search", "campaign patrol"});
  std::istringstream lines(out);
  std::map<std::string, std::string> row;
  for (std::string line; std::getline(lines, line);) row[line.substr(0, line.find(' '))] = line;
  const std::string& campaign = row["joint_communique.campaign"];
  EXPECT_NE(campaign.find("0.626927434"), std::string::npos) << campaign;  // 2 x 0.313463717
  EXPECT_NE(campaign.find("*= 2 (" + what + ":3) of the value from " + baseline), std::string::npos)
      << campaign;
  EXPECT_EQ(campaign.substr(campaign.size() - 3), "yes") << campaign;
  const std::string& patrols = row["french_patrols.patrol_odds_factor"];
  EXPECT_NE(patrols.find("from " + what + ":5"), std::string::npos) << patrols;
  EXPECT_EQ(patrols.substr(patrols.size() - 2), "no") << patrols;
  EXPECT_EQ(row.count("decision.intercept"), 0u);  // --search selects the rows
}

TEST(CliCheck, PrintsResolvedScenarioOrNothingWhenQuiet) {
  // Defaults but for the series file: check reads the data files as run does, and the default
  // path resolves next to this scenario (in the build folder), where there is no data.
  const std::string path =
      temp_file("test_cli_check_comments.ini",
                "; defaults only, with the shipped series\n[other_nationalities]\nseries_file = " +
                    std::string(SMUG_SOURCE_DIR) +
                    "/scenarios/data/small_boats_monthly_all_nationalities.csv\n");
  testing::internal::CaptureStdout();
  EXPECT_EQ(cmd_check({path}), 0);
  const std::string out = testing::internal::GetCapturedStdout();
  EXPECT_NE(out.find("; resolved scenario from, base first:\n;   " + path), std::string::npos);
  testing::internal::CaptureStdout();
  EXPECT_EQ(cmd_check({path, "--quiet"}), 0);
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "");
}

TEST(CliCheck, BadInputAndUsage) {
  EXPECT_THROW(cmd_check({}), UsageError);
  EXPECT_THROW(cmd_check({"a.ini", "b.ini"}), UsageError);
  try {
    cmd_check({temp_file("test_cli_check_bad.ini", "[no_such_section_anywhere]\n")});
    ADD_FAILURE() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 1);
    EXPECT_EQ(e.key(), "no_such_section_anywhere");
  }
  EXPECT_THROW(cmd_check({"/nonexistent/scenario.ini"}), InputError);
}

}  // namespace
}  // namespace smug
