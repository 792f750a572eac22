// One root for smugsim's errors, and one exit-code contract for every command: an Error carries
// its kind, and the kind decides the exit code (usage and input errors 2, runtime failures 1) and
// how the command prints it. Each error carries enough to print one clear line; input errors name
// the file, line and key where known.
#pragma once
#include <stdexcept>
#include <string>

namespace smug {

enum class ErrorKind {
  kUsage,    // bad command line: unknown option, missing argument (exit 2)
  kInput,    // bad scenario, data or run file (exit 2)
  kRuntime,  // a failure while running: I/O, resources, a broken invariant (exit 1)
};

// The process exit code of an error of this kind.
int exit_code(ErrorKind kind);

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }
  int exit_code() const { return smug::exit_code(kind_); }

 private:
  ErrorKind kind_;
};

// Bad input in a scenario, data or run file. Names the file, line and key where known.
class InputError : public Error {
 public:
  InputError(std::string file, int line, std::string key, const std::string& message)
      : Error(ErrorKind::kInput, compose(file, line, key, message)),
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
class UsageError : public Error {
 public:
  explicit UsageError(const std::string& message) : Error(ErrorKind::kUsage, message) {}
};

// A failure while running (I/O, resources, internal invariant).
class RuntimeFailure : public Error {
 public:
  explicit RuntimeFailure(const std::string& message) : Error(ErrorKind::kRuntime, message) {}
};

}  // namespace smug
