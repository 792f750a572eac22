// What the running binary is: version, commit, compiler and build type, for the provenance of
// every file smugsim writes (runner/run_record.hpp) and `smugsim --version`. build_info.cpp is
// generated at build time (runner/build_info.cmake).
#pragma once
#include <string>

namespace smug {
struct BuildInfo {
  std::string version;
  std::string git_commit;
  bool git_dirty;
  std::string compiler;
  std::string build_type;
};
const BuildInfo& build_info();
}  // namespace smug
