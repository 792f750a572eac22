// parse_whole, the one reader of whole numbers given as text: digits only, within 64 bits.
#include <gtest/gtest.h>

#include "core/text.hpp"

namespace smug {
namespace {

TEST(ParseWhole, TakesDigitsOnlyAndRefusesSignsFractionsJunkAndOverflow) {
  EXPECT_EQ(parse_whole("0"), 0u);
  EXPECT_EQ(parse_whole(" 42\t"), 42u);
  EXPECT_EQ(parse_whole("18446744073709551615"), UINT64_MAX);
  for (const char* bad : {"", " ", "-1", "+1", "1.5", "1e3", "3x", "0x10", "2 3",
                          "18446744073709551616", "99999999999999999999999"})
    EXPECT_EQ(parse_whole(bad), std::nullopt) << "'" << bad << "'";
}

}  // namespace
}  // namespace smug
