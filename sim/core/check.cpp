#include "core/check.hpp"

#include <sstream>

namespace smug::detail {

void check_failed(const char* condition, const std::string& message, const char* file, int line) {
  std::ostringstream s;
  s << "internal error: invariant '" << condition << "' broken at " << file << ':' << line << ": "
    << message;
  throw InvariantError(s.str());
}

}  // namespace smug::detail
