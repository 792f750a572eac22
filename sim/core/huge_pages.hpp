// An allocator for the per-person arrays that the daily loops read at random. It asks the kernel
// to back them with transparent huge pages (2 MiB) where it can: with 4 KiB pages nearly every
// random read of a person also misses the translation cache, and under virtualisation a page walk
// costs about as much as the read itself. Contents and results are the same as with std::vector's
// own allocator; only where the memory comes from differs.
#pragma once
#include <cstddef>
#include <new>
#include <vector>

namespace smug {

namespace huge_pages {
// Memory of at least `bytes`, aligned to 2 MiB when it is large enough to gain from huge pages, and
// otherwise to a cache line (64 bytes) or to `alignment` if that is larger: small arrays (the
// model's tests, small --scale runs) must honour over-aligned records as large ones do.
void* allocate(std::size_t bytes, std::size_t alignment);
void deallocate(void* p) noexcept;
}  // namespace huge_pages

template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) {
    return static_cast<T*>(huge_pages::allocate(n * sizeof(T), alignof(T)));
  }
  void deallocate(T* p, std::size_t) noexcept { huge_pages::deallocate(p); }
  template <class U>
  bool operator==(const HugePageAllocator<U>&) const noexcept {
    return true;
  }
  template <class U>
  bool operator!=(const HugePageAllocator<U>&) const noexcept {
    return false;
  }
};

// A per-person array.
template <class T>
using PersonArray = std::vector<T, HugePageAllocator<T>>;

}  // namespace smug
