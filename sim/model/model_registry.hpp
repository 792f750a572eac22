// The parameters of the model's mechanisms: each mechanism declares its own in its own file; this
// function gathers them in a fixed order. The registry of a whole scenario (mechanisms and
// measures) is built by the composition root, measures/assemble.hpp.
#pragma once
#include "params/registry.hpp"

namespace smug {

void declare_mechanism_params(ParamRegistry& reg);

}  // namespace smug
