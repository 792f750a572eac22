// docs/parameters.md is generated from the registry; this keeps the committed copy in step with
// the code, so the documentation cannot silently drift from the parameters the model reads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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
