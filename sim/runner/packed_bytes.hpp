// Lossless compression of replicate bytes for checkpoints: the bytes are grouped by their place in
// each 8-byte word (HDF5's shuffle filter: the high bytes of doubles that hold small counts are
// alike and compress well together), then deflated with zlib at its fastest level.
#pragma once
#include <string>
#include <string_view>

namespace smug {

std::string pack_bytes(std::string_view raw);

// The raw bytes back; std::runtime_error if `packed` is not pack_bytes of raw_size bytes.
std::string unpack_bytes(std::string_view packed, size_t raw_size);

// The largest pack_bytes can return for raw_size bytes: a reader can refuse anything longer
// before reading it.
size_t packed_bound(size_t raw_size);

}  // namespace smug
