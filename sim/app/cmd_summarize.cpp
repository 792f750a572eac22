// Placeholder until the summarize command lands.
#include "app/commands.hpp"
#include "core/errors.hpp"

namespace smug {
int cmd_summarize(const Args&) { throw RuntimeFailure("'summarize' is not implemented yet"); }
}  // namespace smug
