#include "measures/assemble.hpp"

#include "measures/measure.hpp"
#include "model/model_registry.hpp"

namespace smug {

const ParamRegistry& model_registry() {
  static const ParamRegistry reg = [] {
    ParamRegistry r;
    declare_mechanism_params(r);
    for (const auto& m : measure_entries()) m.declare(r);
    return r;
  }();
  return reg;
}

Model build_model(const Scenario& s, ModelInputs inputs) {
  return Model(s, std::move(inputs), make_measures(s));
}

}  // namespace smug
