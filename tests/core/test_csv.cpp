// The one CSV reader's table view: columns by name, and errors that name file, line and column.
#include <gtest/gtest.h>

#include <functional>

#include "core/csv.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"

namespace smug {
namespace {

std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(CsvTable, FindsColumnsByNameWhateverTheirOrder) {
  const CsvTable t("# made by hand\n b , a\n2,\" one, quoted \"\n\n4,3\n", "t.csv");
  EXPECT_EQ(t.names(), (std::vector<std::string>{"b", "a"}));
  ASSERT_EQ(t.rows().size(), 2u);
  EXPECT_EQ(t.get(t.rows()[0], "a"), "one, quoted");
  EXPECT_EQ(t.get(t.rows()[1], "b"), "4");
  EXPECT_EQ(t.get(t.rows()[1], "absent"), "");
  EXPECT_EQ(t.rows()[1].line, 5);
}

TEST(CsvTable, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(
      error_of([] { CsvTable("a,b\n1,2\n3\n", "t.csv"); }),
      "t.csv:3: expected 2 fields like the header, found 1 (quote a field that holds a comma)");
  EXPECT_EQ(error_of([] { CsvTable("a,a\n", "t.csv"); }),
            "t.csv:1: 'a': column 2: appears twice in the header");
  EXPECT_EQ(error_of([] { CsvTable("# only a comment\n", "t.csv"); }),
            "t.csv: empty file: expected a header row");
  EXPECT_EQ(error_of([] { CsvTable("a\n\"open\n", "t.csv"); }),
            "t.csv: line 2: a quoted field is never closed");
  const CsvTable t("a,b\n", "t.csv");
  EXPECT_EQ(error_of([&] {
              t.require({"a", "c"}, "name a and c");
            }),
            "t.csv:1: 'c': missing column; name a and c");
}

TEST(Text, TrimRemovesBlanksAtBothEndsOnly) {
  EXPECT_EQ(trim(" \t a b \r\n"), "a b");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
}

}  // namespace
}  // namespace smug
