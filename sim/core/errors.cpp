#include "core/errors.hpp"

#include <sstream>

namespace smug {

int exit_code(ErrorKind kind) {
  return kind == ErrorKind::kRuntime ? 1 : 2;
}

// Built with a stream: GCC 12 warns falsely (-Wrestrict) on chains of std::string operator+.
std::string InputError::compose(const std::string& file, int line, const std::string& key,
                                const std::string& message) {
  std::ostringstream s;
  if (!file.empty()) {
    s << file;
    if (line > 0) s << ':' << line;
    s << ": ";
  }
  if (!key.empty()) s << '\'' << key << "': ";
  s << message;
  return s.str();
}

}  // namespace smug
