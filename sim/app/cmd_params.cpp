// Placeholder until the params command lands.
#include "app/commands.hpp"
#include "core/errors.hpp"

namespace smug {
int cmd_params(const Args&) { throw RuntimeFailure("'params' is not implemented yet"); }
}  // namespace smug
