// Whether this build runs under a sanitizer that reserves terabytes of address space for its
// shadow memory (ASan, TSan): such a process cannot start under an address-space limit
// (RLIMIT_AS, `prlimit --as`), so tests that set one skip themselves there.
#pragma once

namespace smug::test {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kShadowMemory = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool kShadowMemory = true;
#else
inline constexpr bool kShadowMemory = false;
#endif
#else
inline constexpr bool kShadowMemory = false;
#endif

}  // namespace smug::test
