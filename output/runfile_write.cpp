// Writes the run file described in output/SCHEMA.md, atomically.
#include <fcntl.h>
#include <hdf5_hl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <set>
#include <stdexcept>

#include "core/date.hpp"
#include "core/errors.hpp"
#include "output/h5util.hpp"
#include "output/runfile.hpp"

namespace smug::out {

const Series* RunData::find(const std::string& name) const {
  for (const auto& s : series) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

namespace {

// 4096 days x 8 bytes = 32 KiB per chunk: whole replicate series for runs up to ~11 years, well
// inside the default 1 MiB chunk cache, and long enough for deflate to find the repetition.
constexpr hsize_t kChunkDays = 4096;
constexpr int kDeflateLevel = 4;

// Dataset names the schema owns at the root; a series may not take them.
const std::set<std::string>& reserved_root_names() {
  static const std::set<std::string> names = {
      "replicate",    "time",       "seed",         "replicate_key",
      "wall_seconds", "provenance", "varied_param", "varied_param_name",
      "varied_value", "design_row", "posterior_row"};
  return names;
}

bool valid_variable_name(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// Everything that can be wrong with the input is caught here, before a file is created.
void validate(const RunData& d, bool streamed) {
  auto fail = [](const std::string& why) { throw RuntimeFailure(why); };
  if (!parse_date(d.start_date)) fail("start_date '" + d.start_date + "' is not YYYY-MM-DD");
  if (d.ndays < 1) fail("ndays must be at least 1");
  const size_t nrep = d.seeds.size();
  if (nrep < 1) fail("no replicates");
  if (d.replicate_ids.size() != nrep || d.wall_seconds.size() != nrep) {
    fail("seeds, replicate_ids and wall_seconds differ in length");
  }
  if (d.varied_values.size() != nrep * d.varied_names.size()) {
    fail("varied_values has " + std::to_string(d.varied_values.size()) + " values, expected " +
         std::to_string(nrep * d.varied_names.size()));
  }
  if (!d.design_rows.empty() && d.design_rows.size() != nrep) {
    fail("design_rows has the wrong length");
  }
  if (!d.posterior_rows.empty() && d.posterior_rows.size() != nrep) {
    fail("posterior_rows has the wrong length");
  }
  std::set<std::string> seen;
  for (const auto& s : d.series) {
    if (!valid_variable_name(s.name)) fail("series name '" + s.name + "' is not a valid name");
    if (reserved_root_names().count(s.name)) fail("series name '" + s.name + "' is reserved");
    if (!seen.insert(s.name).second) fail("series '" + s.name + "' appears twice");
    if (streamed ? !s.values.empty() : s.values.size() != nrep * static_cast<size_t>(d.ndays)) {
      fail("series '" + s.name + "' has " + std::to_string(s.values.size()) + " values, expected " +
           std::to_string(nrep * static_cast<size_t>(d.ndays)));
    }
  }
  for (const auto& [key, value] : d.provenance) {
    if (key.empty() || key[0] == '_' || key.find('/') != std::string::npos) {
      fail("provenance key '" + key + "' is not a valid attribute name");
    }
    if (key == h5::kAttrConventions || key == h5::kAttrTitle || key == h5::kAttrSchema ||
        key == h5::kAttrComplete) {
      fail("provenance key '" + key + "' is reserved by the schema");
    }
  }
}

H5::DSetCreatPropList tracked_dcpl() {
  H5::DSetCreatPropList dcpl;
  h5::check(H5Pset_attr_creation_order(dcpl.getId(), h5::kCrtOrder), "H5Pset_attr_creation_order");
  return dcpl;
}

// A 1-D int32 coordinate 0..n-1 made a dimension scale, so netCDF sees a dimension `name`.
H5::DataSet index_scale(H5::Group& g, const std::string& name, hsize_t n,
                        const std::string& long_name) {
  const H5::DataSpace space(1, &n);
  H5::DataSet ds = g.createDataSet(name, H5::PredType::STD_I32LE, space, tracked_dcpl());
  std::vector<int32_t> v(n);
  std::iota(v.begin(), v.end(), 0);
  if (n > 0) ds.write(v.data(), H5::PredType::NATIVE_INT32);
  h5::check(H5DSset_scale(ds.getId(), name.c_str()), "H5DSset_scale");
  h5::write_attr(ds, "long_name", long_name);
  return ds;
}

void attach(H5::DataSet& ds, const H5::DataSet& scale, unsigned dim) {
  h5::check(H5DSattach_scale(ds.getId(), scale.getId(), dim), "H5DSattach_scale");
}

H5::DataSet string_list(H5::Group& g, const std::string& name, const H5::DataSet& dim,
                        const std::vector<std::string>& values, const std::string& long_name) {
  const hsize_t n = values.size();
  H5::DataSet ds = g.createDataSet(name, h5::vlen_utf8(), H5::DataSpace(1, &n), tracked_dcpl());
  h5::write_strings(ds, values);
  h5::write_attr(ds, "long_name", long_name);
  attach(ds, dim, 0);
  return ds;
}

template <typename T>
void per_replicate(H5::Group& g, const std::string& name, const H5::PredType& file_type,
                   const H5::PredType& mem_type, const std::vector<T>& values,
                   const H5::DataSet& replicate, const std::string& long_name,
                   const std::string& units) {
  const hsize_t n = values.size();
  H5::DataSet ds = g.createDataSet(name, file_type, H5::DataSpace(1, &n), tracked_dcpl());
  ds.write(values.data(), mem_type);
  h5::write_attr(ds, "long_name", long_name);
  if (!units.empty()) h5::write_attr(ds, "units", units);
  attach(ds, replicate, 0);
}

// The parameters that vary by replicate: a dimension `varied_param`, their names, and
// `varied_value` [replicate, varied_param]; the design or posterior row of each replicate.
void write_varied(H5::H5File& file, const RunData& d, const H5::DataSet& replicate) {
  if (!d.design_rows.empty()) {
    per_replicate(file, "design_row", H5::PredType::STD_I32LE, H5::PredType::NATIVE_INT32,
                  d.design_rows, replicate, "row of the design file (0-based) the replicate ran",
                  "");
  }
  if (!d.posterior_rows.empty()) {
    per_replicate(file, "posterior_row", H5::PredType::STD_I32LE, H5::PredType::NATIVE_INT32,
                  d.posterior_rows, replicate,
                  "row of the posterior file (particle, 0-based) the replicate's draw took", "");
  }
  if (d.varied_names.empty()) return;
  const H5::DataSet param =
      index_scale(file, "varied_param", d.varied_names.size(), "parameter varied by replicate");
  string_list(file, "varied_param_name", param, d.varied_names, "parameter name (section.key)");
  const hsize_t dims[2] = {d.seeds.size(), d.varied_names.size()};
  H5::DataSet ds = file.createDataSet("varied_value", H5::PredType::IEEE_F64LE,
                                      H5::DataSpace(2, dims), tracked_dcpl());
  ds.write(d.varied_values.data(), H5::PredType::NATIVE_DOUBLE);
  h5::write_attr(ds, "long_name", "value of each varied parameter in each replicate");
  attach(ds, replicate, 0);
  attach(ds, param, 1);
}

void write_provenance(H5::H5File& file, const RunData& d) {
  H5::Group g = h5::create_tracked_group(file, "provenance");
  h5::write_attr(g, "long_name", "everything needed to reproduce the run");

  H5::DataSet resolved = g.createDataSet("resolved_scenario", h5::vlen_utf8(),
                                         H5::DataSpace(H5S_SCALAR), tracked_dcpl());
  h5::write_strings(resolved, {d.resolved_scenario});
  h5::write_attr(resolved, "long_name", "the resolved scenario (INI text)");

  const H5::DataSet files =
      index_scale(g, "scenario_file", d.scenario_files.size(), "scenario file (extends chain)");
  std::vector<std::string> paths, texts;
  for (const auto& f : d.scenario_files) {
    paths.push_back(f.path);
    texts.push_back(f.text);
  }
  string_list(g, "scenario_file_path", files, paths, "path of the scenario file as given");
  string_list(g, "scenario_file_text", files, texts, "text of the scenario file");

  const H5::DataSet param = index_scale(g, "param", d.params.size(), "parameter");
  std::vector<std::string> names, values, units, origins;
  for (const auto& p : d.params) {
    names.push_back(p.name);
    values.push_back(p.value);
    units.push_back(p.units);
    origins.push_back(p.origin);
  }
  string_list(g, "param_name", param, names, "parameter name (section.key)");
  string_list(g, "param_value", param, values, "parameter value as resolved");
  string_list(g, "param_units", param, units, "parameter units");
  string_list(g, "param_origin", param, origins,
              "where the value came from (file:line or default)");
}

// Row r of every series dataset from rows(r, ...), replicate by replicate: each row fills whole
// chunks ([1, days]), which HDF5 compresses as they leave its chunk cache.
void write_rows(std::vector<H5::DataSet>& series, hsize_t nrep, hsize_t ndays,
                const ReplicateRows& rows) {
  std::vector<std::vector<double>> values(series.size());
  const hsize_t count[2] = {1, ndays};
  const H5::DataSpace row_space(2, count);
  for (hsize_t r = 0; r < nrep; ++r) {
    for (auto& v : values) v.clear();
    rows(r, values);
    for (size_t s = 0; s < series.size(); ++s) {
      if (values[s].size() != ndays)
        throw RuntimeFailure("replicate " + std::to_string(r) + " has " +
                             std::to_string(values[s].size()) + " days of a series, expected " +
                             std::to_string(ndays));
      const hsize_t start[2] = {r, 0};
      H5::DataSpace file_space = series[s].getSpace();
      file_space.selectHyperslab(H5S_SELECT_SET, count, start);
      series[s].write(values[s].data(), H5::PredType::NATIVE_DOUBLE, row_space, file_space);
    }
  }
}

H5::FileCreatPropList tracked_fcpl() {
  H5::FileCreatPropList fcpl;
  h5::check(H5Pset_link_creation_order(fcpl.getId(), h5::kCrtOrder), "H5Pset_link_creation_order");
  h5::check(H5Pset_attr_creation_order(fcpl.getId(), h5::kCrtOrder), "H5Pset_attr_creation_order");
  return fcpl;
}

void write_contents(H5::H5File& file, const RunData& d, const ReplicateRows& rows) {
  h5::write_attr(file, h5::kAttrConventions, "CF-1.8");
  h5::write_attr(file, h5::kAttrTitle, "smugsim run file");
  h5::write_attr(file, h5::kAttrSchema, h5::kSchemaVersion);
  for (const auto& [key, value] : d.provenance) {
    if (key != h5::kAttrHdf5Version) h5::write_attr(file, key, value);
  }
  h5::write_attr(file, h5::kAttrHdf5Version, hdf5_version());

  const hsize_t nrep = d.seeds.size(), ndays = static_cast<hsize_t>(d.ndays);
  {
    H5::DataSet replicate = index_scale(file, "replicate", nrep, "replicate index");
    H5::DataSet time = file.createDataSet("time", H5::PredType::STD_I32LE, H5::DataSpace(1, &ndays),
                                          tracked_dcpl());
    std::vector<int32_t> offsets(ndays);
    std::iota(offsets.begin(), offsets.end(), 0);
    time.write(offsets.data(), H5::PredType::NATIVE_INT32);
    h5::check(H5DSset_scale(time.getId(), "time"), "H5DSset_scale");
    h5::write_attr(time, "units", "days since " + d.start_date + " 00:00:00");
    h5::write_attr(time, "calendar", "proleptic_gregorian");
    h5::write_attr(time, "long_name", "simulated day");
    h5::write_attr(time, "standard_name", "time");
    h5::write_attr(time, "axis", "T");

    per_replicate(file, "seed", H5::PredType::STD_U64LE, H5::PredType::NATIVE_UINT64, d.seeds,
                  replicate, "random seed of the replicate", "");
    per_replicate(file, "replicate_key", H5::PredType::STD_U64LE, H5::PredType::NATIVE_UINT64,
                  d.replicate_ids, replicate, "replicate key of the random streams", "");
    per_replicate(file, "wall_seconds", H5::PredType::IEEE_F64LE, H5::PredType::NATIVE_DOUBLE,
                  d.wall_seconds, replicate, "wall-clock time to simulate the replicate", "s");

    const hsize_t dims[2] = {nrep, ndays};
    const hsize_t chunk[2] = {1, std::min(ndays, kChunkDays)};
    H5::DSetCreatPropList dcpl = tracked_dcpl();
    dcpl.setChunk(2, chunk);
    dcpl.setShuffle();
    dcpl.setDeflate(kDeflateLevel);
    dcpl.setFletcher32();  // last: the checksum covers the bytes stored, and is checked first
    std::vector<H5::DataSet> series;
    for (const auto& s : d.series) {
      series.push_back(
          file.createDataSet(s.name, H5::PredType::IEEE_F64LE, H5::DataSpace(2, dims), dcpl));
      H5::DataSet& ds = series.back();
      h5::write_attr(ds, "units", s.units);
      h5::write_attr(ds, "long_name", s.long_name);
      h5::write_attr(ds, "smugsim_kind", s.kind == SeriesKind::kFlow ? "flow" : "level");
      attach(ds, replicate, 0);
      attach(ds, time, 1);
    }
    write_rows(series, nrep, ndays, rows);
    write_varied(file, d, replicate);
  }
  write_provenance(file, d);

  // Last, so that a file with `complete` is a file whose every other object was written.
  h5::write_attr(file, h5::kAttrComplete, int32_t{1});
}

void write_run_file_from(const std::string& path, const RunData& data, bool streamed,
                         const ReplicateRows& rows) {
  try {
    validate(data, streamed);
  } catch (const std::runtime_error& e) {
    throw RuntimeFailure("cannot write run file '" + path + "': " + e.what());
  }
  const std::string dir = std::filesystem::path(path).parent_path().string();
  std::error_code ec;
  if (!dir.empty() && !std::filesystem::is_directory(dir, ec)) {
    throw RuntimeFailure("cannot write run file '" + path + "': folder '" + dir +
                         "' does not exist");
  }
  // HDF5's own report of a refused create would only say "H5Fcreate failed".
  if (::access(dir.empty() ? "." : dir.c_str(), W_OK) != 0) {
    throw RuntimeFailure("cannot write run file '" + path +
                         "': cannot create files in its folder: " + std::strerror(errno));
  }
  h5::write_atomically(
      path, "run file", [&](H5::H5File& file) { write_contents(file, data, rows); },
      tracked_fcpl());
}

}  // namespace

void write_run_file(const std::string& path, const RunData& data) {
  const size_t ndays = static_cast<size_t>(std::max(0, data.ndays));
  write_run_file_from(path, data, false, [&](size_t r, std::vector<std::vector<double>>& values) {
    for (size_t s = 0; s < data.series.size(); ++s) {
      const auto& v = data.series[s].values;
      values[s].assign(v.begin() + static_cast<std::ptrdiff_t>(r * ndays),
                       v.begin() + static_cast<std::ptrdiff_t>((r + 1) * ndays));
    }
  });
}

void write_run_file(const std::string& path, const RunData& data, const ReplicateRows& rows) {
  write_run_file_from(path, data, true, rows);
}

}  // namespace smug::out
