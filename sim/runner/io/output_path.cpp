#include "runner/io/output_path.hpp"

#include <filesystem>

#include "core/errors.hpp"

namespace smug {

namespace fs = std::filesystem;

namespace {

// What an existing non-regular file is, for the message.
std::string kind_of(fs::file_type t) {
  switch (t) {
    case fs::file_type::directory:
      return "a directory";
    case fs::file_type::character:
      return "a character device";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::socket:
      return "a socket";
    default:
      return "not a regular file";
  }
}

// The folder the file would be written in: "." for a bare name.
fs::path folder_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

}  // namespace

void check_output_path(const std::string& path, const std::vector<std::string>& inputs,
                       const std::string& what) {
  const std::string head = what + " '" + path + "': ";
  if (path.empty()) throw UsageError(what + ": the file name is empty");
  if (path.back() == '/') throw UsageError(head + "names a folder; give a file name");
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (fs::exists(st) && !fs::is_regular_file(st))
    throw UsageError(head + "is " + kind_of(st.type()) + "; give a regular file or a new name");
  if (!fs::is_directory(folder_of(path), ec))
    throw UsageError(head + "the folder " + folder_of(path).string() + " does not exist");
  if (!fs::exists(st)) return;
  for (const std::string& in : inputs) {
    if (fs::equivalent(path, in, ec))
      throw UsageError(head + "is also an input of this command (" + in +
                       "); write the output elsewhere");
  }
}

void require_regular_file(const std::string& path) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) return;  // the reader names a missing file in its own words
  if (!fs::is_regular_file(st))
    throw InputError(path, 0, "", "is " + kind_of(st.type()) + ", not a regular file");
}

}  // namespace smug
