#include "output/h5util.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "core/errors.hpp"
#include "output/runfile.hpp"

namespace smug::out::h5 {

bool survives_in_child(const std::function<void()>& read) {
  std::fflush(nullptr);  // nothing buffered is written twice
  const pid_t child = ::fork();
  if (child < 0) return true;
  if (child == 0) {
    try {
      read();
    } catch (...) {  // refused: the caller's own read refuses it again, with the message
    }
    ::_exit(0);  // no exit handlers: the child leaves the parent's files and output alone
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0)
    if (errno != EINTR) return true;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void check(long long status, const char* what) {
  if (status < 0) throw H5::Exception(what, "HDF5 call failed");
}

H5::StrType vlen_utf8() {
  H5::StrType t(H5::PredType::C_S1, H5T_VARIABLE);
  t.setCset(H5T_CSET_UTF8);
  return t;
}

H5::Group create_tracked_group(const H5::Group& parent, const std::string& name) {
  const hid_t gcpl = H5Pcreate(H5P_GROUP_CREATE);
  check(gcpl, "H5Pcreate(group)");
  hid_t gid = -1;
  if (H5Pset_link_creation_order(gcpl, kCrtOrder) >= 0 &&
      H5Pset_attr_creation_order(gcpl, kCrtOrder) >= 0) {
    gid = H5Gcreate2(parent.getId(), name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT);
  }
  H5Pclose(gcpl);
  check(gid, "H5Gcreate2");
  // Group(hid_t) takes its own reference to the id, so ours is released here.
  H5::Group group(gid);
  H5Gclose(gid);
  return group;
}

void write_attr(H5::H5Object& obj, const std::string& name, const std::string& value) {
  const H5::StrType t = vlen_utf8();
  H5::Attribute a = obj.createAttribute(name, t, H5::DataSpace(H5S_SCALAR));
  a.write(t, value);
}

void write_attr(H5::H5Object& obj, const std::string& name, int32_t value) {
  H5::Attribute a = obj.createAttribute(name, H5::PredType::STD_I32LE, H5::DataSpace(H5S_SCALAR));
  a.write(H5::PredType::NATIVE_INT32, &value);
}

std::optional<std::string> read_string_attr(const H5::H5Object& obj, const std::string& name) {
  if (!obj.attrExists(name)) return std::nullopt;
  const H5::Attribute a = obj.openAttribute(name);
  if (a.getTypeClass() != H5T_STRING) {
    throw RuntimeFailure("attribute '" + name + "' is not a string");
  }
  std::string value;
  a.read(a.getStrType(), value);
  return value;
}

std::string attr_or_empty(const H5::H5Object& obj, const std::string& name) {
  return read_string_attr(obj, name).value_or("");
}

H5::H5File open_file_of_kind(const std::string& path, const std::string& kind,
                             const std::string& what) {
  if (!std::filesystem::exists(path)) throw RunFileError(what + " '" + path + "' does not exist");
  if (!H5::H5File::isHdf5(path)) throw RunFileError(path + ": not an HDF5 file");
  if (checksum_matches(path) == false)
    throw RunFileError(path + ": corrupt " + what + " (its checksum does not match)");
  H5::H5File file(path, H5F_ACC_RDONLY);
  if (attr_or_empty(file.openGroup("/"), "smugsim_kind") != kind)
    throw RunFileError(path + ": not a smugsim " + what);
  return file;
}

std::map<std::string, std::string> string_attributes(const H5::Group& g, const std::string& skip) {
  std::map<std::string, std::string> out;
  const auto n = static_cast<hsize_t>(g.getNumAttrs());
  for (hsize_t i = 0; i < n; ++i) {
    H5::Attribute a = g.openAttribute(static_cast<unsigned>(i));
    if (a.getTypeClass() != H5T_STRING || a.getName() == skip) continue;
    out[a.getName()] = attr_or_empty(g, a.getName());
  }
  return out;
}

void write_string_list(H5::Group& g, const std::string& name, const std::vector<std::string>& v) {
  hsize_t n = v.size();
  H5::DataSpace space(1, &n);
  H5::DataSet ds = g.createDataSet(name, vlen_utf8(), space);
  if (!v.empty()) write_strings(ds, v);
}

void write_strings(H5::DataSet& ds, const std::vector<std::string>& values) {
  if (values.empty()) return;
  std::vector<const char*> ptrs;
  ptrs.reserve(values.size());
  for (const auto& v : values) ptrs.push_back(v.c_str());
  ds.write(ptrs.data(), vlen_utf8());
}

std::vector<std::string> read_strings(const H5::DataSet& ds) {
  if (ds.getTypeClass() != H5T_STRING) throw RuntimeFailure("dataset is not of strings");
  const H5::DataSpace space = ds.getSpace();
  const hssize_t n = space.getSimpleExtentNpoints();
  std::vector<std::string> out;
  if (n <= 0) return out;
  out.reserve(static_cast<size_t>(n));
  const H5::StrType type = ds.getStrType();
  if (type.isVariableStr()) {
    std::vector<char*> buf(static_cast<size_t>(n), nullptr);
    ds.read(buf.data(), type);
    for (char* p : buf) out.emplace_back(p ? p : "");
    H5Dvlen_reclaim(type.getId(), space.getId(), H5P_DEFAULT, buf.data());
  } else {
    const size_t len = type.getSize();
    std::vector<char> buf(static_cast<size_t>(n) * len);
    ds.read(buf.data(), type);
    for (hssize_t i = 0; i < n; ++i) {
      const char* p = buf.data() + static_cast<size_t>(i) * len;
      out.emplace_back(p, strnlen(p, len));
    }
  }
  return out;
}

std::vector<hsize_t> extent(const H5::DataSet& ds, int rank) {
  const H5::DataSpace space = ds.getSpace();
  if (space.getSimpleExtentNdims() != rank) {
    throw RuntimeFailure("dataset '" + ds.getObjName() + "' does not have rank " +
                         std::to_string(rank));
  }
  std::vector<hsize_t> dims(static_cast<size_t>(rank));
  space.getSimpleExtentDims(dims.data());
  return dims;
}

std::vector<std::string> link_names(const H5::Group& group) {
  H5G_info_t info;
  check(H5Gget_info(group.getId(), &info), "H5Gget_info");
  H5_index_t index = H5_INDEX_NAME;
  const hid_t gcpl = H5Gget_create_plist(group.getId());
  if (gcpl >= 0) {
    unsigned flags = 0;
    if (H5Pget_link_creation_order(gcpl, &flags) >= 0 && (flags & H5P_CRT_ORDER_INDEXED)) {
      index = H5_INDEX_CRT_ORDER;
    }
    H5Pclose(gcpl);
  }
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t len =
        H5Lget_name_by_idx(group.getId(), ".", index, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
    check(len, "H5Lget_name_by_idx");
    std::string name(static_cast<size_t>(len) + 1, '\0');
    check(H5Lget_name_by_idx(group.getId(), ".", index, H5_ITER_INC, i, name.data(), name.size(),
                             H5P_DEFAULT),
          "H5Lget_name_by_idx");
    name.resize(static_cast<size_t>(len));
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace smug::out::h5
