// docs/levers.md gives analysts scenario snippets to start from: each must be a scenario that
// `smugsim check` accepts, or the page would teach them errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/commands.hpp"

namespace smug {
namespace {

std::vector<std::string> ini_blocks(const std::string& text) {
  std::vector<std::string> blocks;
  const std::string open = "```ini\n", close = "```";
  for (size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
    const size_t end = text.find(close, at + open.size());
    blocks.push_back(text.substr(at + open.size(), end - at - open.size()));
    at = end + close.size();
  }
  return blocks;
}

TEST(LeversDoc, EverySnippetIsAScenarioThatChecks) {
  std::ifstream in(SMUG_SOURCE_DIR "/docs/levers.md", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const auto blocks = ini_blocks(text.str());
  ASSERT_GE(blocks.size(), 7u);  // one a policy idea at least
  // The snippets extend ../baseline.ini, as saved in scenarios/whatifs/.
  const std::string from = "extends = ../baseline.ini",
                    to = "extends = " SMUG_SOURCE_DIR "/scenarios/baseline.ini";
  for (size_t i = 0; i < blocks.size(); ++i) {
    std::string ini = blocks[i];
    const size_t at = ini.find(from);
    ASSERT_NE(at, std::string::npos) << "snippet " << i << " does not extend the baseline";
    ini.replace(at, from.size(), to);
    const auto path = std::filesystem::path(SMUG_BINARY_DIR) / ("levers_snippet.ini");
    std::ofstream(path, std::ios::binary) << ini;
    EXPECT_EQ(cmd_check({path.string(), "--quiet"}), 0) << blocks[i];
  }
}

}  // namespace
}  // namespace smug
