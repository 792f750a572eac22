// The sensitivity reports as CSV text, with the headers issue 21 asks for:
//   parameter,output,mu_star,mu_star_lo,mu_star_hi,sigma
//   parameter,output,S1,S1_lo,S1_hi,ST,ST_lo,ST_hi
// one row per (output, parameter), outputs in the order given, parameters in the design's order.
// Formatting only: the caller writes the file, so this layer does no I/O. Numbers are in the
// shortest form that reads back exactly; an undefined index is `nan`; names are quoted (RFC 4180)
// only when they need it.
#pragma once
#include <string>
#include <vector>

#include "analysis/morris_indices.hpp"
#include "analysis/parameter_range.hpp"
#include "analysis/sobol_indices.hpp"

namespace smug {

// One output's indices, one per parameter.
struct MorrisReport {
  std::string output;
  std::vector<MorrisIndex> indices;
};
struct SobolReport {
  std::string output;
  std::vector<SobolIndex> indices;
};

std::string morris_csv(const std::vector<ParameterRange>& parameters,
                       const std::vector<MorrisReport>& reports);
std::string sobol_csv(const std::vector<ParameterRange>& parameters,
                      const std::vector<SobolReport>& reports);

}  // namespace smug
