// A hint to fetch a cache line that will be read soon. GCC 12 at -O3 deleted __builtin_prefetch
// calls that sat behind a condition with nothing else to do there (the decision loop's prefetches
// of people likely to pass its gate were missing from the binary); an asm statement with a memory
// operand is kept where it is written.
#pragma once

namespace smug {

inline void prefetch(const void* p) {
#if defined(__GNUC__) && defined(__x86_64__)
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
  __builtin_prefetch(p);
#endif
}

}  // namespace smug
