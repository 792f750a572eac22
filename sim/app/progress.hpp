// A progress bar on stderr when it is a terminal: replicates done and time left.
#pragma once
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace smug {

class Progress {
 public:
  Progress(std::string what, bool enabled)
      : what_(std::move(what)),
        on_(enabled && isatty(STDERR_FILENO)),
        t0_(std::chrono::steady_clock::now()) {}
  void update(size_t done, size_t total) {
    if (!on_ || total == 0) return;
    const double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
    const double left = done > 0 ? el / done * (total - done) : 0;
    const int width = 30, filled = static_cast<int>(width * done / total);
    std::fprintf(stderr, "\r%s [%s%s] %zu/%zu  %.0fs elapsed, ~%.0fs left ", what_.c_str(),
                 std::string(filled, '#').c_str(), std::string(width - filled, '.').c_str(), done,
                 total, el, left);
    if (done == total) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  }

 private:
  std::string what_;
  bool on_;
  std::chrono::steady_clock::time_point t0_;
};

}  // namespace smug
