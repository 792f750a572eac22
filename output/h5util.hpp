// Internal helpers shared by the run-file writer and reader. Not part of the public interface:
// only output/*.cpp include this.
#pragma once
#include <H5Cpp.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace smug::out::h5 {

inline constexpr const char* kSchemaVersion = "1";

// Names the writer owns on the root group; a provenance entry may not reuse them.
inline constexpr const char* kAttrConventions = "Conventions";
inline constexpr const char* kAttrTitle = "title";
inline constexpr const char* kAttrSchema = "smugsim_schema";
inline constexpr const char* kAttrComplete = "complete";
inline constexpr const char* kAttrHdf5Version = "hdf5_version";

// Variable-length UTF-8 strings: what netCDF-4 calls NC_STRING.
H5::StrType vlen_utf8();

// Creation-order tracking and indexing, which netCDF-C needs on every group (links and attributes)
// and which we also set on datasets so attributes list in the order written.
inline constexpr unsigned kCrtOrder = H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED;

// A group created with creation-order tracking (the C++ API cannot pass a group creation list).
H5::Group create_tracked_group(const H5::Group& parent, const std::string& name);

void write_attr(H5::H5Object& obj, const std::string& name, const std::string& value);
void write_attr(H5::H5Object& obj, const std::string& name, int32_t value);

// nullopt when the attribute is absent; throws H5::Exception if present but unreadable, and
// std::runtime_error if it is not a string.
std::optional<std::string> read_string_attr(const H5::H5Object& obj, const std::string& name);
std::string attr_or_empty(const H5::H5Object& obj, const std::string& name);

void write_strings(H5::DataSet& ds, const std::vector<std::string>& values);
std::vector<std::string> read_strings(const H5::DataSet& ds);  // 1-D or scalar, vlen or fixed

// A 1-D (cols <= 1) or 2-D [rows][cols] dataset of v, row-major.
template <typename T>
void write_table(H5::Group& g, const std::string& name, const std::vector<T>& v, size_t cols,
                 const H5::PredType& type) {
  const hsize_t rows = cols > 0 ? v.size() / cols : 0;
  hsize_t dims[2] = {rows, static_cast<hsize_t>(cols)};
  H5::DataSpace space(cols > 1 ? 2 : 1, dims);
  H5::DataSet ds = g.createDataSet(name, type, space);
  if (!v.empty()) ds.write(v.data(), type);
}

// Every value of a dataset, row-major, whatever its rank.
template <typename T>
std::vector<T> read_table(const H5::Group& g, const std::string& name, const H5::PredType& type) {
  H5::DataSet ds = g.openDataSet(name);
  const hssize_t n = ds.getSpace().getSimpleExtentNpoints();
  std::vector<T> v(static_cast<size_t>(n));
  if (n > 0) ds.read(v.data(), type);
  return v;
}

// Opens a file of another kind than the run file (root attribute smugsim_kind = kind) for
// reading, once it exists, is HDF5 and its checksum holds; `what` names it in the errors
// ("calibration file"). Throws RunFileError (declared in output/runfile.hpp).
H5::H5File open_file_of_kind(const std::string& path, const std::string& kind,
                             const std::string& what);

// The string attributes of a group but `skip`, by name (the provenance a file carries).
std::map<std::string, std::string> string_attributes(const H5::Group& g, const std::string& skip);

void write_string_list(H5::Group& g, const std::string& name, const std::vector<std::string>& v);

// Extent of a 1-D or 2-D dataset; throws std::runtime_error if the rank differs.
std::vector<hsize_t> extent(const H5::DataSet& ds, int rank);

// Names of the links in a group (a real group: for the root, openGroup("/") rather than the
// file), in creation order when indexed, else by name.
std::vector<std::string> link_names(const H5::Group& group);

// Turns off HDF5's automatic printing of its error stack (once per thread); every entry point of
// the output library calls it before any HDF5 use, so failures surface only as exceptions.
void quiet();

// Writes a file atomically: write(file) fills a file that HDF5 builds in memory (created with
// fcpl), whose bytes then go to "<path>.tmp.<pid>" in the same folder; that file is reopened and
// must carry complete = 1 (the writer sets it last), then it is fsynced and renamed onto path. On
// any failure the temporary file is removed, path is untouched, and one RuntimeFailure names the
// path. `kind` names the file in error messages ("run file").
void write_atomically(const std::string& path, const std::string& kind,
                      const std::function<void(H5::H5File& file)>& write,
                      const H5::FileCreatPropList& fcpl = H5::FileCreatPropList::DEFAULT);

// Every file written by write_atomically ends with a trailer of kTrailer bytes past HDF5's end
// of file, "\n<kChecksumTag><16 hex digits>\n": the FNV-1a 64-bit hash of every byte before it.
// HDF5 and the tools built on it ignore it; readers check it before reading the data, so a damaged
// byte anywhere (chunk index, variable-length string heap) is an error rather than other numbers
// or a crash.
inline constexpr const char* kChecksumTag = "smugsim-fnv1a64 ";
inline constexpr size_t kTrailer = 1 + 16 + 16 + 1;
uint64_t fnv1a(const unsigned char* bytes, size_t n, uint64_t hash = 14695981039346656037ull);

// nullopt if the file carries no checksum (written before it existed); else whether it matches.
std::optional<bool> checksum_matches(const std::string& path);

// For a file without the checksum (0.1.0's, and the committed scenarios/calibration/*.h5): runs
// `read` in a child process first and says whether the child survived it. HDF5 1.10.8 can crash
// on such a file when it is damaged (found by the fuzzer, tests/fuzz/regressions/runfile/); a
// crash in the child becomes a refusal here instead of the end of this process. The child says
// nothing: an error it met is met again, and reported, by the caller's own read. True if the
// check cannot be made (fork fails).
bool survives_in_child(const std::function<void()>& read);

// Wraps a negative return code of the C or high-level API as an H5::Exception.
void check(long long status, const char* what);

}  // namespace smug::out::h5
