#include "core/huge_pages.hpp"

#include <algorithm>
#include <cstdlib>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace smug::huge_pages {

namespace {
constexpr std::size_t kHuge = std::size_t{2} << 20;
constexpr std::size_t kCacheLine = 64;

// aligned_alloc needs a size that is a multiple of the alignment.
void* aligned(std::size_t alignment, std::size_t bytes) {
  const std::size_t rounded = (bytes + alignment - 1) / alignment * alignment;
  void* p = std::aligned_alloc(alignment, rounded);
  if (!p) throw std::bad_alloc();
  return p;
}
}  // namespace

void* allocate(std::size_t bytes, std::size_t alignment) {
  if (bytes == 0) bytes = 1;
  if (bytes < kHuge) return aligned(std::max(alignment, kCacheLine), bytes);
  const std::size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
  void* p = aligned(std::max(alignment, kHuge), rounded);
#if defined(MADV_HUGEPAGE)
  // Advice only: where the kernel has huge pages off, or none free, this changes nothing.
  madvise(p, rounded, MADV_HUGEPAGE);
#endif
  return p;
}

void deallocate(void* p) noexcept {
  std::free(p);
}

}  // namespace smug::huge_pages
