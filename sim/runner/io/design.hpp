// Experimental designs over parameters for `smugsim sweep`: full grids and Latin hypercubes.
// Pure computation; cmd_design.cpp checks the names and values against the registry and writes
// the CSV that parse_param_table reads back.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace smug {

struct GridAxis {
  std::string name;  // "section.key"
  double low = 0, high = 0;
  int n = 1;  // points from low to high inclusive, evenly spaced
};

struct LhsAxis {
  std::string name;
  double low = 0, high = 0;
};

struct Design {
  std::vector<std::string> names;
  std::vector<std::vector<double>> rows;  // [row][name]
};

// 'section.key=a:b:n' and 'section.key=low:high'. Throw UsageError naming the text.
GridAxis parse_grid_axis(const std::string& text);
LhsAxis parse_lhs_axis(const std::string& text);

// Every combination, the first axis varying slowest. Point i of n is (low (n-1-i) + high i)/(n-1),
// which gives the end points exactly and round numbers where the step is one (0.1:0.5:5 gives
// 0.1, 0.2, 0.3, 0.4, 0.5).
Design grid_design(const std::vector<GridAxis>& axes);

// n rows. Each axis is cut into n equal bins and takes one value in each: a random permutation
// of the bins, and a uniform position inside each, from stream (seed, kDesign, entity = axis).
Design lhs_design(const std::vector<LhsAxis>& axes, int n, uint64_t seed);

// Header of names, one row per set; numbers in the shortest form that reads back exactly.
std::string design_csv(const Design& d);
// The same from cells already written as the scenario takes them (dates, texts).
std::string design_csv(const std::vector<std::string>& names,
                       const std::vector<std::vector<std::string>>& rows);

}  // namespace smug
