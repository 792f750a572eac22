// `params --search`: words in the key rank above words in the section name, above the doc.
#include <gtest/gtest.h>

#include "params/param_search.hpp"
#include "test_fixture.hpp"

namespace smug {
namespace {

std::vector<std::string> names(const std::string& words) {
  std::vector<std::string> out;
  for (const auto& h : search_params(test::test_registry(), words)) out.push_back(h.spec->name());
  return out;
}

TEST(ParamSearch, AWordInTheKeyRanksAboveTheSectionAndTheDoc) {
  // "intensity" is patrols.intensity's key; "stopped" only in its doc.
  ASSERT_FALSE(names("intensity").empty());
  EXPECT_EQ(names("intensity").front(), "patrols.intensity");
  // "boat" is every boats parameter's section; capacity also has it in its doc ("people per boat")
  const auto boat = names("boat");
  ASSERT_FALSE(boat.empty());
  EXPECT_EQ(boat.front(), "boats.capacity");
}

TEST(ParamSearch, HigherScoresRankFirstAndPluralsMatch) {
  const auto hits = names("patrols launches");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front(), "patrols.intensity");  // both words (section 4, doc 2)
  // A key match (8) outranks a match of two words in docs (2 + 1 + 1 at most).
  EXPECT_EQ(names("trips giving").front(), "boats.max_trips");
  EXPECT_EQ(names("capacity patrols").front(), "boats.capacity");
  EXPECT_EQ(names("capacities").size(), 0u);  // only a final 's' is dropped
  EXPECT_EQ(names("Capacity").front(), "boats.capacity");
  EXPECT_TRUE(names("zzz").empty());
}

}  // namespace
}  // namespace smug
