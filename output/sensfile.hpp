// The sensitivity file (`smugsim sensitivity`): the design the model ran at, one value per design
// point and output (the mean over the point's replicates, or the paired effect), the indices per
// output and parameter with their intervals, and the set-up and provenance. Written atomically
// once the indices are computed. Knows HDF5 and the tables it is handed: the indices are named
// columns, so the file holds any method's without knowing what they mean. Schema: SCHEMA.md.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace smug::out {

struct SensitivityRecord {
  std::string method;  // "morris" | "sobol"
  std::vector<std::string> param_names;
  std::vector<double> param_low, param_high;
  std::vector<std::string> output_names;
  // [point][param]: on the unit cube and scaled to the ranges (where the model ran).
  std::vector<double> design_unit, design_points;
  std::vector<double> point_outputs;  // [point][output]: what the indices are computed from
  // [output][param][column], row-major, one column per name in index_columns.
  std::vector<std::string> index_columns;
  std::vector<double> indices;
  std::map<std::string, std::string> attributes;  // set-up text, seed, provenance

  size_t points() const {
    return param_names.empty() ? 0 : design_points.size() / param_names.size();
  }
  // One index of output o, parameter p, column c.
  double index(size_t o, size_t p, size_t c) const {
    return indices[(o * param_names.size() + p) * index_columns.size() + c];
  }
};

// Throws RuntimeFailure (naming the path) on failure and leaves nothing at path.
void write_sensitivity_file(const std::string& path, const SensitivityRecord& rec);
// Throws RunFileError (one line) for a missing, corrupt, foreign or inconsistent file.
SensitivityRecord read_sensitivity_file(const std::string& path);

}  // namespace smug::out
