#include "core/rng.hpp"

#include <algorithm>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SMUG_PHILOX_AVX2 1
#endif

namespace smug {

namespace {
constexpr uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;
constexpr uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;

inline void round(Philox4x32Counter& c, const Philox4x32Key& k) {
  const uint64_t p0 = static_cast<uint64_t>(kM0) * c[0];
  const uint64_t p1 = static_cast<uint64_t>(kM1) * c[2];
  const uint32_t hi0 = static_cast<uint32_t>(p0 >> 32), lo0 = static_cast<uint32_t>(p0);
  const uint32_t hi1 = static_cast<uint32_t>(p1 >> 32), lo1 = static_cast<uint32_t>(p1);
  c = {hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0};
}

// Two 64-bit words per block, low word first: the order of Stream::operator().
inline void put_words(uint32_t b0, uint32_t b1, uint32_t b2, uint32_t b3, uint64_t* w) {
  w[0] = (static_cast<uint64_t>(b1) << 32) | b0;
  w[1] = (static_cast<uint64_t>(b3) << 32) | b2;
}

#ifdef SMUG_PHILOX_AVX2
// The high and low halves of the 32x32-bit products of a's eight lanes with m: vpmuludq multiplies
// the even lanes, so the odd ones are shifted down, multiplied and their halves blended back.
__attribute__((target("avx2"))) inline void mul_hi_lo(__m256i a, __m256i m, __m256i& hi,
                                                      __m256i& lo) {
  const __m256i even = _mm256_mul_epu32(a, m);
  const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(a, 32), m);
  lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
  hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}

__attribute__((target("avx2"))) inline __m256i splat(uint32_t x) {
  return _mm256_set1_epi32(static_cast<int>(x));
}

// Ten rounds on eight counters at once, lane l of x[0..3] holding counter l's four words.
__attribute__((target("avx2"))) inline void rounds_avx2(__m256i (&x)[4], Philox4x32Key key) {
  const __m256i m0 = splat(kM0), m1 = splat(kM1);
  for (int r = 0; r < 10; ++r) {
    if (r > 0) {
      key[0] += kW0;
      key[1] += kW1;
    }
    __m256i hi0, lo0, hi1, lo1;
    mul_hi_lo(x[0], m0, hi0, lo0);
    mul_hi_lo(x[2], m1, hi1, lo1);
    x[0] = _mm256_xor_si256(_mm256_xor_si256(hi1, x[1]), splat(key[0]));
    x[2] = _mm256_xor_si256(_mm256_xor_si256(hi0, x[3]), splat(key[1]));
    x[1] = lo1;
    x[3] = lo0;
  }
}

// The words of the eight blocks in x, lane by lane: y[w][l] is word w of block l.
__attribute__((target("avx2"))) inline void store_lanes(const __m256i (&x)[4],
                                                        uint32_t (&y)[4][8]) {
  for (int w = 0; w < 4; ++w) _mm256_storeu_si256(reinterpret_cast<__m256i*>(y[w]), x[w]);
}

// Blocks of n arbitrary counters, eight at a time; returns how many it did (a multiple of 8).
__attribute__((target("avx2"))) size_t blocks_avx2(Philox4x32Key key, const Philox4x32Counter* in,
                                                   size_t n, Philox4x32Counter* out) {
  size_t j = 0;
  for (; j + 8 <= n; j += 8) {
    uint32_t y[4][8];
    for (int l = 0; l < 8; ++l)
      for (int w = 0; w < 4; ++w) y[w][l] = in[j + l][w];
    __m256i x[4];
    for (int w = 0; w < 4; ++w) x[w] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(y[w]));
    rounds_avx2(x, key);
    store_lanes(x, y);
    for (int l = 0; l < 8; ++l) out[j + l] = {y[0][l], y[1][l], y[2][l], y[3][l]};
  }
  return j;
}
#endif

}  // namespace

Philox4x32Counter philox4x32_10(Philox4x32Counter ctr, Philox4x32Key key) {
  for (int r = 0; r < 10; ++r) {
    if (r > 0) {
      key[0] += kW0;
      key[1] += kW1;
    }
    round(ctr, key);
  }
  return ctr;
}

namespace {

// Blocks of arbitrary counters: eight at a time where the processor can.
void blocks(Philox4x32Key key, const Philox4x32Counter* in, size_t n, Philox4x32Counter* out) {
  size_t j = 0;
#ifdef SMUG_PHILOX_AVX2
  if (__builtin_cpu_supports("avx2")) j = blocks_avx2(key, in, n, out);
#endif
  for (; j < n; ++j) out[j] = philox4x32_10(in[j], key);
}

// The words of the blocks of counter(j), j < n, in a Stream's order, a chunk of counters at a time.
template <class Counter>
void words_of(Philox4x32Key key, size_t n, Counter&& counter, uint64_t* words) {
  constexpr size_t kChunk = 64;
  Philox4x32Counter c[kChunk];
  for (size_t j0 = 0; j0 < n; j0 += kChunk) {
    const size_t m = std::min(kChunk, n - j0);
    for (size_t j = 0; j < m; ++j) c[j] = counter(j0 + j);
    blocks(key, c, m, c);
    for (size_t j = 0; j < m; ++j)
      put_words(c[j][0], c[j][1], c[j][2], c[j][3], words + 2 * (j0 + j));
  }
}

}  // namespace

void philox4x32_10_words(Philox4x32Counter first, Philox4x32Key key, size_t nblocks,
                         uint64_t* words) {
  words_of(
      key, nblocks,
      [&](size_t j) {
        return Philox4x32Counter{first[0] + static_cast<uint32_t>(j), first[1], first[2], first[3]};
      },
      words);
}

void philox4x32_10_first_blocks(Philox4x32Key key, Purpose purpose, uint32_t day,
                                const uint32_t* entities, size_t n, Philox4x32Counter* out) {
  for (size_t j = 0; j < n; ++j) out[j] = {0, day, entities[j], purpose_id(purpose)};
  blocks(key, out, n, out);
}

void philox4x32_10_stream_words(Philox4x32Key key, Purpose purpose, uint32_t day,
                                uint32_t first_entity, size_t entities, uint32_t nblocks,
                                uint64_t* words) {
  words_of(
      key, entities * nblocks,
      [&](size_t j) {
        return Philox4x32Counter{static_cast<uint32_t>(j % nblocks), day,
                                 first_entity + static_cast<uint32_t>(j / nblocks),
                                 purpose_id(purpose)};
      },
      words);
}

void Stream::fill(uint64_t* out, size_t n) {
  size_t j = 0;
  while (j < n && used_ < 2) out[j++] = (*this)();  // what is left of the current block
  const size_t whole = (n - j) / 2;
  if (whole > 0) {
    philox4x32_10_words(ctr_, key_, whole, out + j);
    ctr_[0] += static_cast<uint32_t>(whole);
    j += 2 * whole;
  }
  while (j < n) out[j++] = (*this)();  // a last half block: the next draw takes its other word
}

}  // namespace smug
