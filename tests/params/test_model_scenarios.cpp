// Every scenario shipped in the repository must parse against the model's own registry.
#include <gtest/gtest.h>

#include <filesystem>

#include "measures/assemble.hpp"
#include "runner/io/scenario_files.hpp"

namespace smug {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> shipped_scenarios() {
  std::vector<std::string> out;
  const fs::path root = fs::path(SMUG_SOURCE_DIR) / "scenarios";
  for (const fs::path& dir : {root, root / "whatifs"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.is_regular_file() && e.path().extension() == ".ini") out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ModelScenarios, EveryShippedScenarioParses) {
  const auto files = shipped_scenarios();
  if (files.empty()) GTEST_SKIP() << "no scenarios/*.ini or scenarios/whatifs/*.ini yet";
  for (const auto& f : files) {
    SCOPED_TRACE(f);
    try {
      const Scenario s = parse_scenario(f, load_file_from_disk, model_registry());
      EXPECT_FALSE(s.files().empty());
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
    }
  }
}

}  // namespace
}  // namespace smug
