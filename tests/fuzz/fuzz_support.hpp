// What every fuzz target shares: the rule for what counts as a finding, and a scratch file for the
// readers that take a path. The rule is the exit-code contract (docs/reliability.md): bad input is
// refused with a smug::Error of kind input or usage (exit 2, one line). Any other exception that
// escapes a reader would reach the user as exit 1 or a raw library message, so it is a finding:
// the target aborts, and libFuzzer keeps the input as a crash.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/errors.hpp"

namespace smug::fuzz {

[[noreturn]] inline void finding(const char* what, const char* message) {
  std::fprintf(stderr, "fuzz finding: %s: %s\n", what, message);
  std::abort();
}

// Runs read(); returns normally on success or on a documented refusal.
template <class Read>
void expect_success_or_refusal(Read&& read) {
  try {
    read();
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::kRuntime) finding("a runtime failure on bad input", e.what());
  } catch (const std::exception& e) {
    finding("an exception outside smug::Error", e.what());
  }
}

inline std::string bytes(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// A file in a private temporary folder, made once per process and rewritten for each input.
// libFuzzer runs inputs one at a time in a process, so one file is enough.
class ScratchFile {
 public:
  explicit ScratchFile(const char* name);
  ~ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  // Replaces the file's bytes; aborts if it cannot (the fuzzer's disk, not the reader, failed).
  const std::string& write(const uint8_t* data, size_t size);

 private:
  std::string dir_;
  std::string path_;
};

}  // namespace smug::fuzz
