#include "core/durable_write.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/errors.hpp"

namespace smug {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& kind, const std::string& what,
                       int err) {
  throw RuntimeFailure("cannot write " + (kind.empty() ? "" : kind + " ") + "'" + path +
                       "': " + what + ": " + std::strerror(err));
}

std::string temporary_name(const std::string& path) {
  return path + ".tmp." + std::to_string(::getpid());
}

void fsync_file(const std::string& tmp, const std::string& path, const std::string& kind) {
  const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(path, kind, "cannot reopen the temporary file to fsync it", errno);
  if (::fsync(fd) != 0) {
    const int err = errno;
    ::close(fd);
    fail(path, kind, "fsync of the temporary file failed", err);
  }
  ::close(fd);
}

// Best effort: the rename has happened, so the file is in place either way; some file systems
// refuse fsync on a directory.
void fsync_folder_of(const std::string& path) {
  const std::string dir = std::filesystem::path(path).parent_path().string();
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  (void)::fsync(fd);
  ::close(fd);
}

void fill_with(const std::string& tmp, const std::string& path, const std::string& kind,
               std::string_view bytes) {
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, kind, "cannot create a temporary file", errno);
  if (!write_all(fd, bytes)) {
    const int err = errno;
    ::close(fd);
    fail(path, kind, "write failed", err);
  }
  if (::close(fd) != 0) fail(path, kind, "close failed", errno);
}

}  // namespace

std::vector<std::string> remove_leftover_temporaries(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  const fs::path folder = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  const std::string prefix = p.filename().string() + ".tmp.";
  std::vector<std::string> removed;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    if (name.find_first_not_of("0123456789", prefix.size()) != std::string::npos) continue;
    if (!entry.is_regular_file(ec)) continue;
    if (fs::remove(entry.path(), ec)) removed.push_back(entry.path().string());
  }
  return removed;
}

bool write_all(int fd, std::string_view bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

void replace_durably(const std::string& path, const std::string& kind,
                     const std::function<void(const std::string& tmp)>& fill) {
  const std::string tmp = temporary_name(path);
  try {
    fill(tmp);
    fsync_file(tmp, path, kind);
    if (std::rename(tmp.c_str(), path.c_str()) != 0)
      fail(path, kind, "cannot rename the temporary file onto it", errno);
  } catch (...) {
    std::remove(tmp.c_str());
    throw;
  }
  fsync_folder_of(path);
}

void write_durably(const std::string& path, std::string_view bytes, const std::string& kind) {
  replace_durably(path, kind, [&](const std::string& tmp) { fill_with(tmp, path, kind, bytes); });
}

}  // namespace smug
