// The HDF5 writers' form of the one durable write (core/durable_write.hpp). The file is built in
// memory (HDF5's core driver without a backing store), so HDF5 never holds a file on disk open for
// writing: a full disk or a failed write is an error of the plain write below, and no HDF5 close
// can fail later on a half-written file (in a destructor, or in the library's atexit clean-up,
// which would print "H5Fclose failed" and could crash). The temporary file is then reopened and
// its `complete` attribute checked before it is renamed over the previous file.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/durable_write.hpp"
#include "core/errors.hpp"
#include "output/h5util.hpp"

namespace smug::out::h5 {

namespace {

constexpr size_t kCoreIncrement = size_t{1} << 20;

// The core driver's buffer, caught when the driver frees it on close: by then HDF5 has written
// everything, superblock included, marked closed (an image taken while open reads as in use).
struct Caught {
  size_t size = 0;
  std::vector<unsigned char> image;
};

void* image_malloc(size_t size, H5FD_file_image_op_t, void*) {
  return std::malloc(size);
}
void* image_memcpy(void* dest, const void* src, size_t size, H5FD_file_image_op_t, void*) {
  return std::memcpy(dest, src, size);
}
void* image_realloc(void* ptr, size_t size, H5FD_file_image_op_t, void*) {
  return std::realloc(ptr, size);
}
// HDF5 copies the callbacks' user data with the property list: ours is shared, not owned.
void* udata_copy(void* udata) {
  return udata;
}
herr_t udata_free(void*) {
  return 0;
}
herr_t image_free(void* ptr, H5FD_file_image_op_t op, void* udata) {
  auto* caught = static_cast<Caught*>(udata);
  if (op == H5FD_FILE_IMAGE_OP_FILE_CLOSE && ptr && caught->size > 0) {
    const auto* bytes = static_cast<const unsigned char*>(ptr);
    caught->image.assign(bytes, bytes + caught->size);
  }
  std::free(ptr);
  return 0;
}

// Appends the trailer: HDF5 and the tools built on it ignore bytes past the file's end of
// allocation.
void stamp_checksum(std::vector<unsigned char>& image) {
  const uint64_t hash = fnv1a(image.data(), image.size());
  char text[kTrailer + 1];
  std::snprintf(text, sizeof text, "\n%s%016llx\n", kChecksumTag,
                static_cast<unsigned long long>(hash));
  image.insert(image.end(), text, text + kTrailer);
}

std::vector<unsigned char> build_image(const H5::FileCreatPropList& fcpl,
                                       const std::function<void(H5::H5File& file)>& write) {
  Caught caught;
  H5FD_file_image_callbacks_t callbacks = {image_malloc, image_memcpy, image_realloc, image_free,
                                           udata_copy,   udata_free,   &caught};
  H5::FileAccPropList fapl;
  check(H5Pset_fapl_core(fapl.getId(), kCoreIncrement, false), "H5Pset_fapl_core");
  check(H5Pset_file_image_callbacks(fapl.getId(), &callbacks), "H5Pset_file_image_callbacks");
  // The 1.10 format checksums its metadata (object headers, attribute heaps, chunk indexes), so
  // a damaged index is an error rather than a chunk read as the fill value.
  check(H5Pset_libver_bounds(fapl.getId(), H5F_LIBVER_V110, H5F_LIBVER_LATEST),
        "H5Pset_libver_bounds");
  H5::H5File file("smugsim-in-memory.h5", H5F_ACC_TRUNC, fcpl, fapl);
  write(file);
  file.flush(H5F_SCOPE_GLOBAL);
  // The image's size is the file's end of allocation (the core driver's buffer grows in steps).
  const ssize_t size = H5Fget_file_image(file.getId(), nullptr, 0);
  check(size, "H5Fget_file_image");
  caught.size = static_cast<size_t>(size);
  file.close();
  if (caught.image.empty()) throw H5::Exception("build_image", "no file image");
  stamp_checksum(caught.image);
  return caught.image;
}

[[noreturn]] void fail(const std::string& path, const std::string& kind, const std::string& what) {
  throw RuntimeFailure("cannot write " + kind + " '" + path + "': " + what);
}

// Creates the temporary file first (so a kill while HDF5 builds the image leaves only it), then
// writes the image built meanwhile.
void fill_temporary(const std::string& tmp,
                    const std::function<std::vector<unsigned char>()>& build,
                    const std::string& path, const std::string& kind) {
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, kind, std::string("cannot create a temporary file: ") + strerror(errno));
  std::vector<unsigned char> image;
  try {
    image = build();
  } catch (...) {
    ::close(fd);
    throw;
  }
  const std::string_view bytes(reinterpret_cast<const char*>(image.data()), image.size());
  if (!write_all(fd, bytes)) {
    const int err = errno;
    ::close(fd);
    fail(path, kind, std::string("write failed: ") + std::strerror(err));
  }
  if (::close(fd) != 0) fail(path, kind, std::string("close failed: ") + std::strerror(errno));
}

// The temporary file as written reads back as a complete file (read only: nothing to flush).
void verify_complete(const std::string& tmp, const std::string& path, const std::string& kind) {
  int32_t complete = 0;
  try {
    H5::FileAccPropList fapl;
    check(H5Pset_file_locking(fapl.getId(), false, true), "H5Pset_file_locking");
    H5::H5File file(tmp, H5F_ACC_RDONLY, H5::FileCreatPropList::DEFAULT, fapl);
    if (file.attrExists(kAttrComplete)) {
      const H5::Attribute a = file.openAttribute(kAttrComplete);
      if (a.getTypeClass() == H5T_INTEGER) a.read(H5::PredType::NATIVE_INT32, &complete);
    }
    file.close();
  } catch (const H5::Exception& e) {
    fail(path, kind, "the temporary file does not read back: HDF5 error in " + e.getFuncName());
  }
  if (complete != 1) fail(path, kind, "the temporary file does not read back as complete");
}

}  // namespace

uint64_t fnv1a(const unsigned char* bytes, size_t n, uint64_t hash) {
  for (size_t i = 0; i < n; ++i) hash = (hash ^ bytes[i]) * 1099511628211ull;
  return hash;
}

std::optional<bool> checksum_matches(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  char tail[kTrailer];
  const std::string tag = std::string("\n") + kChecksumTag;
  long size = -1;
  if (std::fseek(f, 0, SEEK_END) == 0) size = std::ftell(f);
  if (size < static_cast<long>(kTrailer) ||
      std::fseek(f, size - static_cast<long>(kTrailer), SEEK_SET) != 0 ||
      std::fread(tail, 1, kTrailer, f) != kTrailer ||
      std::memcmp(tail, tag.data(), tag.size()) != 0) {
    std::fclose(f);
    return std::nullopt;
  }
  const std::string stored(tail + tag.size(), 16);
  std::rewind(f);
  std::vector<unsigned char> buf(size_t{1} << 20);
  uint64_t hash = 14695981039346656037ull;
  size_t left = static_cast<size_t>(size) - kTrailer;
  while (left > 0) {
    const size_t n = std::fread(buf.data(), 1, std::min(left, buf.size()), f);
    if (n == 0) break;
    hash = fnv1a(buf.data(), n, hash);
    left -= n;
  }
  std::fclose(f);
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return left == 0 && stored == text;
}

void quiet() {
  // Once per thread: a thread-safe HDF5 keeps one error stack, and its printing switch, per thread.
  thread_local bool done = false;
  if (!done) done = H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr) >= 0;
}

void write_atomically(const std::string& path, const std::string& kind,
                      const std::function<void(H5::H5File& file)>& write,
                      const H5::FileCreatPropList& fcpl) {
  quiet();
  const auto build = [&]() -> std::vector<unsigned char> {
    try {
      return build_image(fcpl, write);
    } catch (const H5::Exception& e) {
      fail(path, kind, "HDF5 error in " + e.getFuncName() + ": " + e.getDetailMsg());
    } catch (const std::bad_alloc&) {
      fail(path, kind, "out of memory while building the file");
    }
  };
  replace_durably(path, kind, [&](const std::string& tmp) {
    fill_temporary(tmp, build, path, kind);
    verify_complete(tmp, path, kind);
  });
}

}  // namespace smug::out::h5
