// The memory check before a run: what it estimates, what it reads of the machine, and how it
// refuses.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../sanitizers.hpp"
#include "core/errors.hpp"
#include "runner/resources.hpp"

namespace smug {
namespace {

RunSize full_horizon(uint64_t replicates, int threads) {
  RunSize s;
  s.replicates = replicates;
  s.threads = threads;
  s.people = 600000;            // about full scale
  s.series_bytes = 1700000;     // a full-horizon replicate's series
  s.kept_series_bytes = 88000;  // five series, daily
  return s;
}

TEST(Resources, OnlyTheFileAndTheSummaryGrowWithReplicates) {
  const MemoryEstimate few = estimate_memory(full_horizon(10, 4));
  const MemoryEstimate many = estimate_memory(full_horizon(10000, 4));
  EXPECT_EQ(many.in_flight, few.in_flight);  // four at a time either way
  EXPECT_EQ(many.kept, 1000 * few.kept);
  EXPECT_NEAR(static_cast<double>(many.file), 1000.0 * static_cast<double>(few.file), 1000.0);
  // 10,000 full-horizon replicates: the compressed file, not 17 GB of series.
  EXPECT_LT(many.total(), 3ull << 30);
  EXPECT_GT(many.total(), 1ull << 30);
}

TEST(Resources, ThreadsBeyondTheReplicatesAddNothing) {
  EXPECT_EQ(estimate_memory(full_horizon(2, 64)).in_flight,
            estimate_memory(full_horizon(2, 2)).in_flight);
}

TEST(Resources, AShortfallIsRefusedWithBothNumbersAndTheRemedies) {
  const MemoryEstimate need = estimate_memory(full_horizon(100000, 2));
  try {
    check_memory(need, uint64_t{2} << 30);
    FAIL() << "not refused";
  } catch (const RuntimeFailure& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("needs about " + format_bytes(need.total())), std::string::npos) << m;
    EXPECT_NE(m.find("2.1 GB is available"), std::string::npos) << m;
    EXPECT_NE(m.find("--shard"), std::string::npos) << m;
    EXPECT_NE(m.find("nothing was run"), std::string::npos) << m;
  }
  EXPECT_NO_THROW(check_memory(need, need.total()));
  EXPECT_NO_THROW(check_memory(need, std::nullopt));  // unknown: never a false refusal
}

TEST(Resources, TheSystemsAvailableMemoryIsRead) {
  const auto room = available_memory();
  ASSERT_TRUE(room.has_value());
  EXPECT_GT(*room, uint64_t{1} << 20);
}

TEST(Resources, AnAddressSpaceLimitBoundsTheAvailableMemory) {
  if (test::kShadowMemory) GTEST_SKIP() << "a sanitizer's shadow memory needs no address limit";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    rlimit lim{};
    ::getrlimit(RLIMIT_AS, &lim);
    lim.rlim_cur = uint64_t{4} << 30;
    if (::setrlimit(RLIMIT_AS, &lim) != 0) ::_exit(2);
    const auto room = available_memory();
    ::_exit(room && *room < (uint64_t{4} << 30) ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace smug
