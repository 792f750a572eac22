// Sobol indices from a Saltelli design's outputs, with V the variance of the outputs at A and B
// together (2N values):
//   S1_i = (1/N) sum_j f(B)_j (f(A_B^(i))_j - f(A)_j) / V         (Saltelli et al. 2010, table 2)
//   ST_i = (1/2N) sum_j (f(A)_j - f(A_B^(i))_j)^2 / V             (Jansen 1999)
// S1 is the share of the output's variance that the parameter explains alone, ST the share it
// takes part in, interactions included; ST - S1 measures its interactions and ST near 0 means the
// parameter can be fixed anywhere in its range. Bootstrap intervals resample the N rows j (each
// row of A, B and every A_B^(i) together). An output that does not vary (V = 0) has no indices:
// they are NaN.
#pragma once
#include <vector>

#include "analysis/bootstrap.hpp"
#include "analysis/saltelli_design.hpp"

namespace smug {

struct SobolIndex {
  double s1 = 0, s1_lo = 0, s1_hi = 0;  // estimate, 5% and 95% bootstrap quantiles
  double st = 0, st_lo = 0, st_hi = 0;
};

// One index per parameter, in the design's order. outputs[i] is the model's value at
// design.points[i]; one output at a time. Throws UsageError for a wrong count, a non-finite
// output (naming the point) or no resamples.
std::vector<SobolIndex> sobol_indices(const SaltelliDesign& design,
                                      const std::vector<double>& outputs,
                                      const BootstrapOptions& bootstrap);

}  // namespace smug
