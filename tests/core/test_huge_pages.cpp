// The per-person arrays' allocator: large arrays start on a 2 MiB boundary (so huge pages can back
// them), small ones start on a cache line (or their type's alignment if larger), and a vector
// using it behaves as std::vector does.
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

// Found by UBSan: small arrays came from malloc (16-byte aligned) even for a 32-byte aligned type.
TEST(HugePages, SmallArraysHonourAlignment) {
  struct alignas(32) Record {
    double v[4];
  };
  struct alignas(128) Wide {
    char c[128];
  };
  for (size_t n : {1u, 3u, 17u, 1000u}) {
    PersonArray<Record> a(n);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a.data()) % 64, 0u) << n;
    PersonArray<Wide> w(n);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(w.data()) % 128, 0u) << n;
  }
}
