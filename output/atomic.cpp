// The HDF5 writers' form of the one durable write (core/durable_write.hpp). The file is built in
// memory (HDF5's core driver without a backing store), so HDF5 never holds a file on disk open for
// writing: a full disk or a failed write is an error of the plain write below, and no HDF5 close
// can fail later on a half-written file (in a destructor, or in the library's atexit clean-up,
// which would print "H5Fclose failed" and could crash). The temporary file is then reopened and
// its `complete` attribute checked before it is renamed over the previous file.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "core/durable_write.hpp"
#include "core/errors.hpp"
#include "output/h5util.hpp"

namespace smug::out::h5 {

namespace {

constexpr size_t kCoreIncrement = size_t{1} << 20;

std::vector<unsigned char> build_image(const H5::FileCreatPropList& fcpl,
                                       const std::function<void(H5::H5File& file)>& write) {
  H5::FileAccPropList fapl;
  check(H5Pset_fapl_core(fapl.getId(), kCoreIncrement, false), "H5Pset_fapl_core");
  H5::H5File file("smugsim-in-memory.h5", H5F_ACC_TRUNC, fcpl, fapl);
  write(file);
  file.flush(H5F_SCOPE_GLOBAL);
  const ssize_t size = H5Fget_file_image(file.getId(), nullptr, 0);
  check(size, "H5Fget_file_image");
  std::vector<unsigned char> image(static_cast<size_t>(size));
  check(H5Fget_file_image(file.getId(), image.data(), image.size()), "H5Fget_file_image");
  file.close();
  return image;
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
  size_t done = 0;
  while (done < image.size()) {
    const ssize_t n = ::write(fd, image.data() + done, image.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      fail(path, kind, std::string("write failed: ") + std::strerror(err));
    }
    done += static_cast<size_t>(n);
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
