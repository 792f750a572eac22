// Reads a run file (output/SCHEMA.md). Every failure becomes one RunFileError line naming the
// file; HDF5's own error stack is never printed.
#include <filesystem>
#include <memory>
#include <new>
#include <string_view>

#include "core/date.hpp"
#include "output/h5util.hpp"
#include "output/runfile.hpp"

namespace smug::out {

namespace {

// A structural problem found while reading; turned into "corrupt run file" with the path.
struct Corrupt : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::vector<double> read_doubles(const H5::DataSet& ds, size_t expected) {
  if (ds.getTypeClass() != H5T_FLOAT) throw Corrupt("'" + ds.getObjName() + "' is not float");
  if (static_cast<size_t>(ds.getSpace().getSimpleExtentNpoints()) != expected) {
    throw Corrupt("'" + ds.getObjName() + "' has the wrong size");
  }
  std::vector<double> v(expected);
  if (expected > 0) ds.read(v.data(), H5::PredType::NATIVE_DOUBLE);
  return v;
}

std::vector<uint64_t> read_u64(const H5::DataSet& ds, size_t expected) {
  if (ds.getTypeClass() != H5T_INTEGER) throw Corrupt("'" + ds.getObjName() + "' is not integer");
  if (h5::extent(ds, 1)[0] != expected) throw Corrupt("'" + ds.getObjName() + "' wrong length");
  std::vector<uint64_t> v(expected);
  if (expected > 0) ds.read(v.data(), H5::PredType::NATIVE_UINT64);
  return v;
}

// "days since YYYY-MM-DD[ 00:00:00]" -> "YYYY-MM-DD"
std::string start_from_units(const std::string& units) {
  constexpr std::string_view kPrefix = "days since ";
  if (units.rfind(kPrefix, 0) != 0 || units.size() < kPrefix.size() + 10) {
    throw Corrupt("time units '" + units + "' are not 'days since YYYY-MM-DD'");
  }
  const std::string date = units.substr(kPrefix.size(), 10);
  if (!parse_date(date)) throw Corrupt("time units '" + units + "' carry no valid date");
  return date;
}

std::vector<std::string> strings_of_length(const H5::Group& g, const std::string& name, size_t n) {
  auto v = h5::read_strings(g.openDataSet(name));
  if (v.size() != n) throw Corrupt("'" + name + "' has the wrong length");
  return v;
}

void read_provenance_group(const H5::Group& g, RunData& d) {
  const auto resolved = h5::read_strings(g.openDataSet("resolved_scenario"));
  d.resolved_scenario = resolved.empty() ? "" : resolved[0];

  const auto paths = h5::read_strings(g.openDataSet("scenario_file_path"));
  const auto texts = strings_of_length(g, "scenario_file_text", paths.size());
  for (size_t i = 0; i < paths.size(); ++i) d.scenario_files.push_back({paths[i], texts[i]});

  const auto names = h5::read_strings(g.openDataSet("param_name"));
  const auto values = strings_of_length(g, "param_value", names.size());
  const auto units = strings_of_length(g, "param_units", names.size());
  const auto origins = strings_of_length(g, "param_origin", names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    d.params.push_back({names[i], values[i], units[i], origins[i]});
  }
}

std::vector<int32_t> read_rows(const H5::DataSet& ds, size_t expected) {
  if (ds.getTypeClass() != H5T_INTEGER) throw Corrupt("'" + ds.getObjName() + "' is not integer");
  if (h5::extent(ds, 1)[0] != expected) throw Corrupt("'" + ds.getObjName() + "' wrong length");
  std::vector<int32_t> v(expected);
  if (expected > 0) ds.read(v.data(), H5::PredType::NATIVE_INT32);
  return v;
}

// Optional: files of runs whose replicates all ran the same parameters have none of these.
void read_varied(const H5::H5File& file, RunData& d, hsize_t nrep) {
  if (file.nameExists("design_row")) {
    d.design_rows = read_rows(file.openDataSet("design_row"), nrep);
  }
  if (file.nameExists("posterior_row")) {
    d.posterior_rows = read_rows(file.openDataSet("posterior_row"), nrep);
  }
  if (!file.nameExists("varied_param_name")) return;
  d.varied_names = h5::read_strings(file.openDataSet("varied_param_name"));
  const H5::DataSet values = file.openDataSet("varied_value");
  const auto dims = h5::extent(values, 2);
  if (dims[0] != nrep || dims[1] != d.varied_names.size()) {
    throw Corrupt("'varied_value' is not [replicate, varied_param]");
  }
  d.varied_values = read_doubles(values, nrep * d.varied_names.size());
}

// Root string attributes other than the schema's own are provenance (including hdf5_version,
// which the writer adds).
void read_root_attributes(const H5::H5File& file, RunData& d) {
  const int n = file.getNumAttrs();
  for (int i = 0; i < n; ++i) {
    const hid_t aid = H5Aopen_by_idx(file.getId(), ".", H5_INDEX_NAME, H5_ITER_INC,
                                     static_cast<hsize_t>(i), H5P_DEFAULT, H5P_DEFAULT);
    h5::check(aid, "H5Aopen_by_idx");
    const H5::Attribute a(aid);  // takes its own reference
    H5Aclose(aid);
    const std::string name = a.getName();
    if (name == h5::kAttrConventions || name == h5::kAttrTitle || name == h5::kAttrSchema ||
        name == h5::kAttrComplete || a.getTypeClass() != H5T_STRING) {
      continue;
    }
    std::string value;
    a.read(a.getStrType(), value);
    d.provenance[name] = value;
  }
}

// The series datasets in the order the writer made them, with their description (values empty).
std::vector<std::pair<Series, H5::DataSet>> series_of(const H5::H5File& file, hsize_t nrep,
                                                      hsize_t ndays) {
  std::vector<std::pair<Series, H5::DataSet>> out;
  for (const auto& name : h5::link_names(file.openGroup("/"))) {
    H5O_info_t info;
    h5::check(H5Oget_info_by_name(file.getId(), name.c_str(), &info, H5P_DEFAULT),
              "H5Oget_info_by_name");
    if (info.type != H5O_TYPE_DATASET) continue;
    H5::DataSet ds = file.openDataSet(name);
    const auto kind = h5::read_string_attr(ds, "smugsim_kind");
    if (!kind) continue;  // coordinates and per-replicate metadata
    Series s;
    s.name = name;
    if (*kind == "flow") {
      s.kind = SeriesKind::kFlow;
    } else if (*kind == "level") {
      s.kind = SeriesKind::kLevel;
    } else {
      throw Corrupt("series '" + name + "' has unknown smugsim_kind '" + *kind + "'");
    }
    if (ds.getTypeClass() != H5T_FLOAT) throw Corrupt("'" + name + "' is not float");
    const auto dims = h5::extent(ds, 2);
    if (dims[0] != nrep || dims[1] != ndays) {
      throw Corrupt("series '" + name + "' is not [replicate, time]");
    }
    s.units = h5::attr_or_empty(ds, "units");
    s.long_name = h5::attr_or_empty(ds, "long_name");
    out.emplace_back(std::move(s), std::move(ds));
  }
  return out;
}

hsize_t replicates_of(const H5::H5File& file) {
  return h5::extent(file.openDataSet("replicate"), 1)[0];
}

hsize_t days_of(const H5::H5File& file) {
  return h5::extent(file.openDataSet("time"), 1)[0];
}

// with_values false: the series are described and left empty (read_run_header).
RunData read_contents(const H5::H5File& file, bool with_values) {
  RunData d;
  const hsize_t ndays = days_of(file);
  d.ndays = static_cast<int>(ndays);
  d.start_date = start_from_units(h5::attr_or_empty(file.openDataSet("time"), "units"));

  const hsize_t nrep = replicates_of(file);
  d.seeds = read_u64(file.openDataSet("seed"), nrep);
  d.replicate_ids = read_u64(file.openDataSet("replicate_key"), nrep);
  d.wall_seconds = read_doubles(file.openDataSet("wall_seconds"), nrep);
  for (auto& [s, ds] : series_of(file, nrep, ndays)) {
    if (with_values) s.values = read_doubles(ds, nrep * ndays);
    d.series.push_back(std::move(s));
  }
  read_varied(file, d, nrep);
  read_root_attributes(file, d);
  read_provenance_group(file.openGroup("provenance"), d);
  return d;
}

// Opens a run file for reading after every check that can be made without trusting HDF5 with it,
// and checks that it is a complete smugsim run file of this schema.
H5::H5File open_run_file(const std::string& path) {
  h5::quiet();
  const std::string q = "'" + path + "'";
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw RunFileError("run file " + q + " does not exist");
  if (std::filesystem::is_directory(status)) {
    throw RunFileError("run file " + q + " is a directory, not a file");
  }

  bool is_hdf5 = false;
  try {
    is_hdf5 = H5::H5File::isHdf5(path);
  } catch (const H5::Exception&) {
    throw RunFileError("cannot read run file " + q + " (permission denied or unreadable)");
  }
  if (!is_hdf5) {
    throw RunFileError(q + " is not an HDF5 file (wrong format, or truncated before its header)");
  }

  // Before HDF5 reads anything: a damaged heap can crash HDF5 itself. (A file that HDF5 has since
  // modified in place was truncated to its end of file, trailer included: it is read unchecked.)
  if (h5::checksum_matches(path) == false) {
    throw RunFileError("run file " + q +
                       " is truncated or corrupt: its checksum does not match its bytes");
  }

  H5::H5File file;
  try {
    file.openFile(path, H5F_ACC_RDONLY);
  } catch (const H5::Exception& e) {
    throw RunFileError("run file " + q + " is truncated or corrupt: HDF5 cannot open it");
  }
  const auto schema = h5::read_string_attr(file, h5::kAttrSchema);
  if (!schema) throw RunFileError(q + " is not a smugsim run file (no smugsim_schema attribute)");
  if (*schema != h5::kSchemaVersion) {
    throw RunFileError(q + " has smugsim schema version " + *schema +
                       "; this smugsim reads version " + h5::kSchemaVersion);
  }
  int32_t complete = 0;
  if (file.attrExists(h5::kAttrComplete)) {
    const H5::Attribute a = file.openAttribute(h5::kAttrComplete);
    if (a.getTypeClass() == H5T_INTEGER) a.read(H5::PredType::NATIVE_INT32, &complete);
  }
  if (complete != 1) {
    throw RunFileError("incomplete run file " + q + ": the run that wrote it did not finish");
  }
  return file;
}

// Runs `read` on the open file, turning every failure into one RunFileError line naming path.
template <typename F>
auto reading(const std::string& path, F&& read) {
  const std::string q = "'" + path + "'";
  try {
    return read();
  } catch (const RunFileError&) {
    throw;
  } catch (const H5::Exception& e) {
    throw RunFileError("run file " + q + " is corrupt: HDF5 failed in " + e.getFuncName());
  } catch (const std::bad_alloc&) {
    throw RunFileError("run file " + q + " is corrupt: it declares impossibly large datasets");
  } catch (const std::exception& e) {
    throw RunFileError("run file " + q + " is corrupt: " + e.what());
  }
}

}  // namespace

// A file without the checksum is first read whole in a child process (h5::survives_in_child).
void refuse_if_it_crashes(const std::string& path) {
  if (h5::checksum_matches(path).has_value()) return;
  if (!h5::survives_in_child([&] { (void)read_contents(open_run_file(path), true); }))
    throw RunFileError("run file '" + path +
                       "' is corrupt: reading it crashed HDF5 (a file without smugsim's checksum, "
                       "as 0.1.0 wrote them, is read in a separate process first)");
}

RunData read_run_file(const std::string& path) {
  refuse_if_it_crashes(path);
  return reading(path, [&] { return read_contents(open_run_file(path), true); });
}

RunData read_run_header(const std::string& path) {
  refuse_if_it_crashes(path);
  return reading(path, [&] { return read_contents(open_run_file(path), false); });
}

struct RunFileRows::Impl {
  explicit Impl(const H5::H5File& f) : file(f) {}
  H5::H5File file;
  std::vector<H5::DataSet> series;
  hsize_t nrep = 0, ndays = 0;
};

RunFileRows::RunFileRows(const std::string& path) : path_(path) {
  refuse_if_it_crashes(path);
  reading(path, [&] {
    impl_ = std::make_unique<Impl>(open_run_file(path));
    impl_->nrep = replicates_of(impl_->file);
    impl_->ndays = days_of(impl_->file);
    for (auto& [s, ds] : series_of(impl_->file, impl_->nrep, impl_->ndays))
      impl_->series.push_back(std::move(ds));
    return 0;
  });
}

RunFileRows::~RunFileRows() = default;

size_t RunFileRows::replicates() const {
  return static_cast<size_t>(impl_->nrep);
}

void RunFileRows::read(size_t r, std::vector<std::vector<double>>& values) const {
  reading(path_, [&] {
    if (r >= impl_->nrep) throw std::out_of_range("replicate " + std::to_string(r) + " of none");
    values.resize(impl_->series.size());
    const hsize_t count[2] = {1, impl_->ndays}, start[2] = {r, 0};
    const H5::DataSpace row(2, count);
    for (size_t s = 0; s < impl_->series.size(); ++s) {
      H5::DataSpace space = impl_->series[s].getSpace();
      space.selectHyperslab(H5S_SELECT_SET, count, start);
      values[s].resize(impl_->ndays);
      impl_->series[s].read(values[s].data(), H5::PredType::NATIVE_DOUBLE, row, space);
    }
    return 0;
  });
}

}  // namespace smug::out
