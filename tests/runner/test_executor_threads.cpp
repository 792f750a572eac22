// The threads executor after the system refused some of the threads asked for: the run goes on,
// the warning names how many were created, and the provenance records the threads that ran.
#include <gtest/gtest.h>

#include <sstream>
#include <system_error>

#include "runner/executor.hpp"

namespace smug {
namespace {

TEST(ExecutorThreads, ARefusedThreadIsWarnedOfAndRecordedInTheProvenance) {
  const auto executor = make_executor();
  ASSERT_TRUE(executor->keeps_results());
  EXPECT_EQ(executor->provenance().count("threads"), 0u);
  EnsembleOptions o;
  o.threads = 4;
  int calls = 0;
  o.spawn = [&](std::function<void()> f) {
    if (++calls == 2)
      throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again),
                              "thread creation refused (test)");
    return std::thread(std::move(f));
  };
  std::ostringstream log;
  warn_of_thread_shortfall(o, &log);
  const std::vector<size_t> slots = {0, 1, 2, 3, 4, 5};
  const auto out = executor->run(
      slots,
      [](size_t slot) {
        return ReplicateResult{0, slot, Recorder(1, 0)};
      },
      o);
  ASSERT_EQ(out.size(), slots.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i].replicate, slots[i]);
  EXPECT_EQ(log.str(), "smugsim: warning: could create only 2 of 4 threads\n");
  EXPECT_EQ(executor->provenance().at("threads"), "2");
}

TEST(ExecutorThreads, WithoutALogNothingIsPrinted) {
  EnsembleOptions o;
  warn_of_thread_shortfall(o, nullptr);
  EXPECT_FALSE(o.on_threads);
}

}  // namespace
}  // namespace smug
