// The Saltelli (2010) design for Sobol indices. Two independent N x k samples A and B are the
// first and last k coordinates of N points of a 2k-dimensional Sobol low-discrepancy sequence
// (Boost.Random's sobol, Joe and Kuo direction numbers); A_B^(i) is A with column i taken from B.
// The model runs at the N (k + 2) rows of A, B and the k matrices A_B^(i). Boost's sequence starts
// at the point after the origin, which is the usual skip of the first point (the origin sits on
// every face of the cube and would unbalance the sample); N a power of two keeps the points
// balanced. The sequence is deterministic: the design needs no seed.
#pragma once
#include <cstddef>
#include <vector>

#include "analysis/parameter_range.hpp"

namespace smug {

// Where each row of A, B and A_B^(i) sits among the design's points: A first, then B, then the
// k matrices A_B^(i) in parameter order, each N rows.
struct SaltelliLayout {
  size_t n = 0, k = 0;
  size_t a(size_t j) const { return j; }
  size_t b(size_t j) const { return n + j; }
  size_t ab(size_t i, size_t j) const { return (2 + i) * n + j; }
  size_t points() const { return (k + 2) * n; }
};

struct SaltelliDesign {
  std::vector<ParameterRange> ranges;
  SaltelliLayout layout;
  // N (k + 2) points in the layout's order: unit in [0,1)^k, points scaled to the ranges (where
  // the model runs). Output i of the model belongs to points[i].
  std::vector<std::vector<double>> unit, points;
};

// N = base samples. Throws UsageError for bad ranges, N < 2, or 2k above the Sobol table's
// dimensions.
SaltelliDesign saltelli_design(const std::vector<ParameterRange>& ranges, size_t base);

}  // namespace smug
