// The registry of every parameter of the model: each mechanism and measure declares its own in its
// own file; this function gathers them, once, into an immutable registry.
#pragma once
#include "params/registry.hpp"

namespace smug {

const ParamRegistry& model_registry();

}  // namespace smug
