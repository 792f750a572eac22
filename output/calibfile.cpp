#include "output/calibfile.hpp"

#include <stdexcept>
#include <string>

#include "output/h5util.hpp"
#include "output/runfile.hpp"

namespace smug::out {

namespace {

constexpr const char* kKind = "smugsim calibration file";

using h5::read_table;
using h5::write_string_list;
using h5::write_table;

// A table of parameter sets with their summaries and distances (the check, the screen).
void write_sets(H5::Group& g, const std::vector<double>& theta, const std::vector<double>& sums,
                const std::vector<double>& dist, size_t k, size_t t) {
  write_table(g, "theta", theta, k, H5::PredType::NATIVE_DOUBLE);
  write_table(g, "summaries", sums, t, H5::PredType::NATIVE_DOUBLE);
  write_table(g, "distance", dist, 1, H5::PredType::NATIVE_DOUBLE);
}

void read_sets(const H5::Group& g, std::vector<double>& theta, std::vector<double>& sums,
               std::vector<double>& dist) {
  theta = read_table<double>(g, "theta", H5::PredType::NATIVE_DOUBLE);
  sums = read_table<double>(g, "summaries", H5::PredType::NATIVE_DOUBLE);
  dist = read_table<double>(g, "distance", H5::PredType::NATIVE_DOUBLE);
}

uint64_t count_attr(const std::string& path, const H5::Group& g, const std::string& group,
                    const std::string& name) {
  try {
    return std::stoull(h5::attr_or_empty(g, name));
  } catch (const std::logic_error&) {
    throw RunFileError(path + ": " + group + "/" + name + " is unreadable");
  }
}

}  // namespace

void write_calibration_file(const std::string& path, const CalibrationRecord& r) {
  const size_t k = r.param_names.size(), t = r.target_ids.size();
  h5::write_atomically(path, "calibration file", [&](H5::H5File& file) {
    H5::Group root = file.openGroup("/");
    h5::write_attr(root, "smugsim_kind", kKind);
    for (const auto& [key, value] : r.attributes) h5::write_attr(root, key, value);
    write_string_list(root, "param_name", r.param_names);
    write_string_list(root, "prior_shape", r.prior_shapes);
    write_table(root, "prior_low", r.prior_low, 1, H5::PredType::NATIVE_DOUBLE);
    write_table(root, "prior_high", r.prior_high, 1, H5::PredType::NATIVE_DOUBLE);
    write_string_list(root, "prior_reason", r.prior_reasons);
    write_string_list(root, "target_id", r.target_ids);
    write_table(root, "tolerance", r.tolerance, 1, H5::PredType::NATIVE_DOUBLE);
    write_table(root, "acceptance", r.acceptance, 1, H5::PredType::NATIVE_DOUBLE);
    H5::Group ev = root.createGroup("evaluated");
    write_table(ev, "theta", r.eval_theta, k, H5::PredType::NATIVE_DOUBLE);
    write_table(ev, "summaries", r.eval_summaries, t, H5::PredType::NATIVE_DOUBLE);
    write_table(ev, "distance", r.eval_distance, 1, H5::PredType::NATIVE_DOUBLE);
    write_table(ev, "generation", r.eval_generation, 1, H5::PredType::NATIVE_INT);
    H5::Group pop = root.createGroup("posterior");
    write_table(pop, "theta", r.pop_theta, k, H5::PredType::NATIVE_DOUBLE);
    write_table(pop, "summaries", r.pop_summaries, t, H5::PredType::NATIVE_DOUBLE);
    write_table(pop, "distance", r.pop_distance, 1, H5::PredType::NATIVE_DOUBLE);
    write_table(pop, "weight", r.pop_weight, 1, H5::PredType::NATIVE_DOUBLE);
    write_table(pop, "generation", r.pop_generation, 1, H5::PredType::NATIVE_INT);
    if (!r.check_distance.empty()) {
      H5::Group check = root.createGroup("check");
      h5::write_attr(check, "replicates", std::to_string(r.check_replicates));
      h5::write_attr(check, "seed", std::to_string(r.check_seed));
      write_sets(check, r.check_theta, r.check_summaries, r.check_distance, k, t);
    }
    if (!r.screen_distance.empty()) {
      H5::Group screen = root.createGroup("screen");
      h5::write_attr(screen, "replicates", std::to_string(r.screen_replicates));
      h5::write_attr(screen, "first_replicate", std::to_string(r.screen_first_replicate));
      write_sets(screen, r.screen_theta, r.screen_summaries, r.screen_distance, k, t);
    }
    h5::write_attr(root, h5::kAttrComplete, int32_t{1});
  });
}

namespace {

CalibrationRecord read_checked(const std::string& path);

}  // namespace

// A file without the checksum (the committed scenarios/calibration/*.h5 among them) is first read
// in a child process, so that a damaged one is refused rather than crashing HDF5 here.
CalibrationRecord read_calibration_file(const std::string& path) {
  if (!h5::checksum_matches(path).has_value() &&
      !h5::survives_in_child([&] { (void)read_checked(path); }))
    throw RunFileError(path + ": corrupt calibration file (reading it crashed HDF5)");
  return read_checked(path);
}

namespace {

CalibrationRecord read_checked(const std::string& path) {
  h5::quiet();
  try {
    H5::H5File file = h5::open_file_of_kind(path, kKind, "calibration file");
    H5::Group root = file.openGroup("/");
    CalibrationRecord r;
    r.attributes = h5::string_attributes(root, "smugsim_kind");
    r.param_names = h5::read_strings(root.openDataSet("param_name"));
    r.prior_shapes = h5::read_strings(root.openDataSet("prior_shape"));
    r.prior_low = read_table<double>(root, "prior_low", H5::PredType::NATIVE_DOUBLE);
    r.prior_high = read_table<double>(root, "prior_high", H5::PredType::NATIVE_DOUBLE);
    r.prior_reasons = h5::read_strings(root.openDataSet("prior_reason"));
    r.target_ids = h5::read_strings(root.openDataSet("target_id"));
    r.tolerance = read_table<double>(root, "tolerance", H5::PredType::NATIVE_DOUBLE);
    r.acceptance = read_table<double>(root, "acceptance", H5::PredType::NATIVE_DOUBLE);
    H5::Group ev = root.openGroup("evaluated");
    r.eval_theta = read_table<double>(ev, "theta", H5::PredType::NATIVE_DOUBLE);
    r.eval_summaries = read_table<double>(ev, "summaries", H5::PredType::NATIVE_DOUBLE);
    r.eval_distance = read_table<double>(ev, "distance", H5::PredType::NATIVE_DOUBLE);
    r.eval_generation = read_table<int>(ev, "generation", H5::PredType::NATIVE_INT);
    H5::Group pop = root.openGroup("posterior");
    r.pop_theta = read_table<double>(pop, "theta", H5::PredType::NATIVE_DOUBLE);
    r.pop_summaries = read_table<double>(pop, "summaries", H5::PredType::NATIVE_DOUBLE);
    r.pop_distance = read_table<double>(pop, "distance", H5::PredType::NATIVE_DOUBLE);
    r.pop_weight = read_table<double>(pop, "weight", H5::PredType::NATIVE_DOUBLE);
    r.pop_generation = read_table<int>(pop, "generation", H5::PredType::NATIVE_INT);
    if (root.nameExists("check")) {
      H5::Group check = root.openGroup("check");
      r.check_replicates = static_cast<int>(count_attr(path, check, "check", "replicates"));
      r.check_seed = count_attr(path, check, "check", "seed");
      read_sets(check, r.check_theta, r.check_summaries, r.check_distance);
    }
    if (root.nameExists("screen")) {
      H5::Group screen = root.openGroup("screen");
      r.screen_replicates = static_cast<int>(count_attr(path, screen, "screen", "replicates"));
      r.screen_first_replicate =
          static_cast<int>(count_attr(path, screen, "screen", "first_replicate"));
      read_sets(screen, r.screen_theta, r.screen_summaries, r.screen_distance);
    }
    return r;
  } catch (const H5::Exception& e) {
    throw RunFileError(path + ": unreadable calibration file (" + e.getDetailMsg() + ")");
  } catch (const std::runtime_error& e) {
    if (dynamic_cast<const RunFileError*>(&e)) throw;
    throw RunFileError(path + ": " + e.what());
  }
}

}  // namespace

}  // namespace smug::out
