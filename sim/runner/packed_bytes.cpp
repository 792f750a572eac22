#include "runner/packed_bytes.hpp"

#include <zlib.h>

#include <stdexcept>

namespace smug {

namespace {

constexpr size_t kWord = 8;

// Forward: byte k of word w goes to k * words + w (back: the reverse). The tail that is not a
// whole word stays in place.
std::string regroup(std::string_view in, bool forward) {
  const size_t words = in.size() / kWord;
  std::string out(in);
  for (size_t w = 0; w < words; ++w) {
    for (size_t k = 0; k < kWord; ++k) {
      const size_t packed = k * words + w, plain = w * kWord + k;
      out[forward ? packed : plain] = in[forward ? plain : packed];
    }
  }
  return out;
}

}  // namespace

size_t packed_bound(size_t raw_size) {
  return compressBound(static_cast<uLong>(raw_size));
}

std::string pack_bytes(std::string_view raw) {
  const std::string grouped = regroup(raw, true);
  uLongf n = compressBound(static_cast<uLong>(grouped.size()));
  std::string out(n, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &n,
                reinterpret_cast<const Bytef*>(grouped.data()), static_cast<uLong>(grouped.size()),
                Z_BEST_SPEED) != Z_OK)
    throw std::runtime_error("zlib could not compress a replicate");
  out.resize(n);
  return out;
}

std::string unpack_bytes(std::string_view packed, size_t raw_size) {
  std::string grouped(raw_size, '\0');
  uLongf n = static_cast<uLongf>(raw_size);
  if (uncompress(reinterpret_cast<Bytef*>(grouped.data()), &n,
                 reinterpret_cast<const Bytef*>(packed.data()),
                 static_cast<uLong>(packed.size())) != Z_OK ||
      n != raw_size)
    throw std::runtime_error("damaged (does not decompress)");
  return regroup(grouped, false);
}

}  // namespace smug
