// The one interrupt scope: SIGINT and SIGTERM set its flag instead of ending the process, and
// leaving the scope (normally or by an exception) restores the handlers that were there before.
#include <gtest/gtest.h>

#include <csignal>
#include <stdexcept>

#include "runner/interrupt.hpp"

namespace smug {
namespace {

volatile std::sig_atomic_t g_previous_handler_calls = 0;
extern "C" void previous_handler(int) {
  g_previous_handler_calls = g_previous_handler_calls + 1;
}

TEST(InterruptScope, ASignalSetsTheFlagInsteadOfEndingTheProcess) {
  InterruptScope scope;
  EXPECT_FALSE(scope.interrupted());
  std::raise(SIGTERM);
  EXPECT_TRUE(scope.interrupted());
  EXPECT_TRUE(scope.stop().load());
}

TEST(InterruptScope, LeavingTheScopeByAnExceptionRestoresThePreviousHandlers) {
  std::signal(SIGINT, previous_handler);
  std::signal(SIGTERM, previous_handler);
  g_previous_handler_calls = 0;
  try {
    InterruptScope scope;
    throw std::runtime_error("a failure mid-run");
  } catch (const std::runtime_error&) {
  }
  std::raise(SIGINT);
  std::raise(SIGTERM);
  EXPECT_EQ(g_previous_handler_calls, 2);
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

TEST(InterruptScope, OnlyOneScopeAtATime) {
  InterruptScope first;
  EXPECT_THROW(InterruptScope second, std::logic_error);
}

TEST(InterruptScope, ANewScopeStartsUninterrupted) {
  {
    InterruptScope scope;
    std::raise(SIGINT);
    ASSERT_TRUE(scope.interrupted());
  }
  std::signal(SIGINT, SIG_DFL);
  InterruptScope again;
  EXPECT_FALSE(again.interrupted());
}

}  // namespace
}  // namespace smug
