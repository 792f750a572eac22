#include "model/levers.hpp"

namespace smug {

const char* exit_name(Exit e) {
  static const char* names[kNumExits] = {"airport", "kosovo", "montenegro", "greece"};
  return names[e];
}

const char* role_name(Role r) {
  static const char* names[kNumRoles] = {"recruiter", "driver", "fixer", "boat_link"};
  return names[r];
}

}  // namespace smug
