// Atomic file replacement shared by the run-file and calibration-file writers.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "core/errors.hpp"
#include "output/h5util.hpp"

namespace smug::out::h5 {

namespace {

std::runtime_error sys_error(const std::string& path, const std::string& what,
                             const std::string& kind) {
  return std::runtime_error("cannot write " + kind + " '" + path + "': " + what + ": " +
                            std::strerror(errno));
}

void fsync_file(const std::string& tmp, const std::string& path, const std::string& kind) {
  const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw sys_error(path, "cannot reopen the temporary file to fsync it", kind);
  if (::fsync(fd) != 0) {
    const int saved = errno;
    ::close(fd);
    errno = saved;
    throw sys_error(path, "fsync of the temporary file failed", kind);
  }
  ::close(fd);
}

// Best effort: the rename has happened, so the file is in place either way; some file systems
// refuse fsync on a directory.
void fsync_dir(const std::string& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

}  // namespace

void write_atomically(const std::string& path, const std::string& kind,
                      const std::function<void(const std::string& tmp)>& write) {
  H5::Exception::dontPrint();
  const std::string dir = std::filesystem::path(path).parent_path().string();
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  try {
    write(tmp);
    fsync_file(tmp, path, kind);
    if (std::rename(tmp.c_str(), path.c_str()) != 0)
      throw sys_error(path, "cannot rename the temporary file onto it", kind);
  } catch (const H5::Exception& e) {
    std::remove(tmp.c_str());
    throw RuntimeFailure("cannot write " + kind + " '" + path + "': HDF5 error in " +
                             e.getFuncName() + ": " + e.getDetailMsg());
  } catch (...) {
    std::remove(tmp.c_str());
    throw;
  }
  fsync_dir(dir.empty() ? "." : dir);
}

}  // namespace smug::out::h5
