// The per-person arrays' allocator: large arrays start on a 2 MiB boundary (so huge pages can back
// them), small ones come from malloc, and a vector using it behaves as std::vector does.
#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

#include "core/huge_pages.hpp"

using namespace smug;

TEST(HugePages, LargeArraysStartOnAHugePageBoundary) {
  PersonArray<uint32_t> a(1u << 20);  // 4 MiB
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a.data()) % (std::uintptr_t{2} << 20), 0u);
}

TEST(HugePages, VectorKeepsItsContentsThroughGrowth) {
  PersonArray<uint32_t> a;
  for (uint32_t i = 0; i < 1'000'000; ++i) a.push_back(i);
  a.resize(10);
  a.shrink_to_fit();
  ASSERT_EQ(a.size(), 10u);
  EXPECT_EQ(std::accumulate(a.begin(), a.end(), 0u), 45u);
  PersonArray<uint32_t> empty(0);
  EXPECT_TRUE(empty.empty());
}
