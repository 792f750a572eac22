// Placeholder until the run command lands.
#include "app/commands.hpp"
#include "core/errors.hpp"

namespace smug {
int cmd_run(const Args&) { throw RuntimeFailure("'run' is not implemented yet"); }
}  // namespace smug
