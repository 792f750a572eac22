#include "analysis/output_check.hpp"

#include <cmath>

#include "core/errors.hpp"

namespace smug {

void check_outputs(const std::vector<double>& outputs, size_t expected, const std::string& method) {
  if (outputs.size() != expected)
    throw UsageError(method + ": " + std::to_string(outputs.size()) + " outputs for a design of " +
                     std::to_string(expected) + " points");
  for (size_t i = 0; i < outputs.size(); ++i) {
    if (!std::isfinite(outputs[i]))
      throw UsageError(method + ": the output at design point " + std::to_string(i) +
                       " is not a finite number");
  }
}

void check_bootstrap(const BootstrapOptions& bootstrap) {
  if (bootstrap.resamples == 0) throw UsageError("a bootstrap needs at least one resample");
}

}  // namespace smug
