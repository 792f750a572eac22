#include "core/huge_pages.hpp"

#include <cstdlib>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace smug::huge_pages {

namespace {
constexpr std::size_t kHuge = std::size_t{2} << 20;
}

void* allocate(std::size_t bytes) {
  if (bytes == 0) bytes = 1;
  if (bytes < kHuge) {
    void* p = std::malloc(bytes);
    if (!p) throw std::bad_alloc();
    return p;
  }
  // aligned_alloc needs a size that is a multiple of the alignment.
  const std::size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
  void* p = std::aligned_alloc(kHuge, rounded);
  if (!p) throw std::bad_alloc();
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
