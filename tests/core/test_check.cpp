// SMUG_CHECK: with the checks compiled in, a broken invariant throws an InvariantError naming the
// condition, file and line, which the command reports as a runtime failure (exit 1).
#undef SMUGSIM_CHECKS
#define SMUGSIM_CHECKS 1
#include <gtest/gtest.h>

#include "core/check.hpp"

namespace smug {
namespace {

TEST(InvariantChecks, ABrokenInvariantNamesItsConditionFileAndLine) {
  const int members = -1;
  try {
    SMUG_CHECK(members >= 0, "negative organisation members");
    FAIL() << "the check did not fire";
  } catch (const InvariantError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("'members >= 0'"), std::string::npos) << what;
    EXPECT_NE(what.find("test_check.cpp:"), std::string::npos) << what;
    EXPECT_NE(what.find("negative organisation members"), std::string::npos) << what;
    EXPECT_EQ(e.kind(), ErrorKind::kRuntime);
    EXPECT_EQ(e.exit_code(), 1);
  }
}

TEST(InvariantChecks, AnInvariantThatHoldsIsSilent) {
  const int members = 3;
  EXPECT_NO_THROW(SMUG_CHECK(members >= 0, "negative organisation members"));
}

TEST(Errors, EveryKindHasItsExitCode) {
  EXPECT_EQ(UsageError("u").exit_code(), 2);
  EXPECT_EQ(InputError("f.ini", 3, "run.seed", "bad").exit_code(), 2);
  EXPECT_EQ(RuntimeFailure("r").exit_code(), 1);
  EXPECT_STREQ(InputError("f.ini", 3, "run.seed", "bad").what(), "f.ini:3: 'run.seed': bad");
}

}  // namespace
}  // namespace smug
