// Typed exceptions. The command maps them to exit codes: InputError and UsageError -> 2,
// anything else -> 1. Each carries enough to print one clear line.
#pragma once
#include <stdexcept>
#include <string>

namespace smug {

// Bad input in a scenario, data or run file. Names the file, line and key where known.
class InputError : public std::runtime_error {
 public:
  InputError(std::string file, int line, std::string key, const std::string& message)
      : std::runtime_error(compose(file, line, key, message)),
        file_(std::move(file)),
        line_(line),
        key_(std::move(key)) {}
  explicit InputError(const std::string& message) : InputError("", 0, "", message) {}

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& key() const { return key_; }

 private:
  static std::string compose(const std::string& file, int line, const std::string& key,
                             const std::string& message);
  std::string file_;
  int line_;
  std::string key_;
};

// Bad command-line usage (unknown option, missing argument).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A failure while running (I/O, internal invariant).
class RuntimeFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace smug
