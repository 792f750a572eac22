// The checks both estimators make on what they are given, before any arithmetic: an output
// vector that does not match its design, or holds a NaN from a failed run, would otherwise give
// indices that look like numbers.
#pragma once
#include <string>
#include <vector>

#include "analysis/bootstrap.hpp"

namespace smug {

// Throws UsageError unless there are `expected` outputs, all finite (naming the first bad point).
void check_outputs(const std::vector<double>& outputs, size_t expected, const std::string& method);

// Throws UsageError for a bootstrap of no resamples.
void check_bootstrap(const BootstrapOptions& bootstrap);

}  // namespace smug
