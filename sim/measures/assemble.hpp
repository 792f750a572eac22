// The composition root: a model with every measure the scenario deploys, and the registry of every
// parameter a scenario may set (the mechanisms' and the measures'). The model library knows only
// the Measure port; this is the one place that joins it to the concrete measures.
#pragma once
#include "model/simulation.hpp"
#include "params/registry.hpp"

namespace smug {

// Every parameter of the model and its measures, declared once and immutable thereafter.
const ParamRegistry& model_registry();

// The model of a resolved scenario, with its measures in the registry's fixed order.
Model build_model(const Scenario& s, ModelInputs inputs);

}  // namespace smug
