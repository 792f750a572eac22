#include "output/sensfile.hpp"

#include <filesystem>

#include "output/h5util.hpp"
#include "output/runfile.hpp"

namespace smug::out {

namespace {

constexpr const char* kKind = "smugsim sensitivity file";
const H5::PredType& kDouble = H5::PredType::NATIVE_DOUBLE;

std::vector<double> doubles(const H5::Group& g, const std::string& name) {
  return h5::read_table<double>(g, name, kDouble);
}

// The sizes the tables must have for the names they go with: a file that breaks them was not
// written by this module.
void check_shape(const std::string& path, const SensitivityRecord& r) {
  const size_t k = r.param_names.size(), m = r.output_names.size();
  const size_t n = r.points(), c = r.index_columns.size();
  const bool ok = k > 0 && r.param_low.size() == k && r.param_high.size() == k &&
                  r.design_points.size() == n * k && r.design_unit.size() == n * k &&
                  r.point_outputs.size() == n * m && r.indices.size() == m * k * c;
  if (!ok) throw RunFileError(path + ": inconsistent sensitivity file (table sizes disagree)");
}

}  // namespace

void write_sensitivity_file(const std::string& path, const SensitivityRecord& r) {
  const size_t k = r.param_names.size();
  h5::write_atomically(path, "sensitivity file", [&](H5::H5File& file) {
    H5::Group root = file.openGroup("/");
    h5::write_attr(root, "smugsim_kind", kKind);
    h5::write_attr(root, "method", r.method);
    for (const auto& [key, value] : r.attributes) h5::write_attr(root, key, value);
    h5::write_string_list(root, "param_name", r.param_names);
    h5::write_table(root, "param_low", r.param_low, 1, kDouble);
    h5::write_table(root, "param_high", r.param_high, 1, kDouble);
    h5::write_string_list(root, "output_name", r.output_names);
    h5::write_table(root, "design_unit", r.design_unit, k, kDouble);
    h5::write_table(root, "design_point", r.design_points, k, kDouble);
    h5::write_table(root, "point_output", r.point_outputs, r.output_names.size(), kDouble);
    h5::write_string_list(root, "index_column", r.index_columns);
    // [output][param][column] as a 2-D table of output x param rows: HDF5 tools show it whole.
    h5::write_table(root, "index", r.indices, r.index_columns.size(), kDouble);
    h5::write_attr(root, h5::kAttrComplete, int32_t{1});
  });
}

SensitivityRecord read_sensitivity_file(const std::string& path) {
  h5::quiet();
  try {
    // Every sensitivity file smugsim wrote has the checksum: one without it was altered, and a
    // damaged HDF5 file can crash HDF5 (docs/reliability.md), so it is not read at all.
    std::error_code ec;
    if (std::filesystem::exists(path, ec) && H5::H5File::isHdf5(path) &&
        !h5::checksum_matches(path).has_value())
      throw RunFileError(path + ": not a sensitivity file as smugsim writes them (no checksum)");
    H5::H5File file = h5::open_file_of_kind(path, kKind, "sensitivity file");
    H5::Group root = file.openGroup("/");
    SensitivityRecord r;
    r.attributes = h5::string_attributes(root, "smugsim_kind");
    r.method = r.attributes["method"];
    r.attributes.erase("method");
    r.param_names = h5::read_strings(root.openDataSet("param_name"));
    r.param_low = doubles(root, "param_low");
    r.param_high = doubles(root, "param_high");
    r.output_names = h5::read_strings(root.openDataSet("output_name"));
    r.design_unit = doubles(root, "design_unit");
    r.design_points = doubles(root, "design_point");
    r.point_outputs = doubles(root, "point_output");
    r.index_columns = h5::read_strings(root.openDataSet("index_column"));
    r.indices = doubles(root, "index");
    check_shape(path, r);
    return r;
  } catch (const H5::Exception& e) {
    throw RunFileError(path + ": unreadable sensitivity file (" + e.getDetailMsg() + ")");
  }
}

}  // namespace smug::out
