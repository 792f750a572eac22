// Invariant checks that cost nothing unless switched on: SMUG_CHECK(condition, message) throws an
// InvariantError naming the condition, file and line when the condition is false, in builds with
// SMUGSIM_CHECKS=1 (the CMake option SMUGSIM_CHECKS, on by default in Debug builds and in CI's
// sanitizer configuration). Release builds compile the condition out, so a check must have no side
// effects. A broken invariant then fails where it breaks rather than later as a changed digest.
// It throws rather than aborts: the location reaches the user as one line and exit code 1, and a
// worker thread's failure travels to the caller as any other error does.
#pragma once
#include <string>

#include "core/errors.hpp"

#ifndef SMUGSIM_CHECKS
#define SMUGSIM_CHECKS 0
#endif

namespace smug {

class InvariantError : public RuntimeFailure {
 public:
  using RuntimeFailure::RuntimeFailure;
};

namespace detail {
[[noreturn]] void check_failed(const char* condition, const std::string& message, const char* file,
                               int line);
}  // namespace detail

}  // namespace smug

#if SMUGSIM_CHECKS
#define SMUG_CHECK(condition, message)                                                       \
  do {                                                                                       \
    if (!(condition)) ::smug::detail::check_failed(#condition, message, __FILE__, __LINE__); \
  } while (false)
#else
#define SMUG_CHECK(condition, message) \
  do {                                 \
    (void)sizeof(condition);           \
  } while (false)
#endif
