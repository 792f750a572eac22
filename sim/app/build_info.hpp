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
