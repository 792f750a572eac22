#include "model/model_registry.hpp"

namespace smug {

const ParamRegistry& model_registry() {
  static const ParamRegistry reg = [] {
    ParamRegistry r;
    return r;
  }();
  return reg;
}

}  // namespace smug
