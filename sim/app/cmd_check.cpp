// Placeholder until the check command lands.
#include "app/commands.hpp"
#include "core/errors.hpp"

namespace smug {
int cmd_check(const Args&) { throw RuntimeFailure("'check' is not implemented yet"); }
}  // namespace smug
