// Runs a test function at every point of a design (Morris or Saltelli), as the command will run
// the simulator: one output per point, in the design's order.
#pragma once
#include <vector>

namespace smug::test {

template <class Design, class Model>
std::vector<double> run(const Design& d, const Model& f) {
  std::vector<double> y;
  y.reserve(d.points.size());
  for (const auto& x : d.points) y.push_back(f(x));
  return y;
}

}  // namespace smug::test
