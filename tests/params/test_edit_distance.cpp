#include <gtest/gtest.h>

#include "params/scenario.hpp"

namespace smug {
namespace {

TEST(EditDistance, Basics) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("grant_rate", "grant_rate"), 0u);
  EXPECT_EQ(edit_distance("grant_rat", "grant_rate"), 1u);    // deletion
  EXPECT_EQ(edit_distance("grant_rrate", "grant_rate"), 1u);  // insertion
  EXPECT_EQ(edit_distance("grant_rote", "grant_rate"), 1u);   // substitution
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("flaw", "lawn"), 2u);
  EXPECT_EQ(edit_distance("ab", "ba"), 2u);  // no transpositions in plain Levenshtein
}

TEST(EditDistance, IsSymmetric) {
  for (const char* a : {"", "start", "enabled", "intensity"}) {
    for (const char* b : {"", "end", "enable", "intensities"}) {
      EXPECT_EQ(edit_distance(a, b), edit_distance(b, a)) << a << " / " << b;
    }
  }
}

}  // namespace
}  // namespace smug
