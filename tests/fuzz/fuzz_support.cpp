#include "fuzz_support.hpp"

#include <unistd.h>

#include <filesystem>

namespace smug::fuzz {

ScratchFile::ScratchFile(const char* name) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/smugsim-fuzz-XXXXXX";
  if (!mkdtemp(pattern.data())) finding("setup", "cannot make a temporary folder");
  dir_ = pattern;
  path_ = dir_ + "/" + name;
}

ScratchFile::~ScratchFile() {
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

const std::string& ScratchFile::write(const uint8_t* data, size_t size) {
  std::FILE* f = std::fopen(path_.c_str(), "wb");
  if (!f || (size > 0 && std::fwrite(data, 1, size, f) != size) || std::fclose(f) != 0)
    finding("setup", "cannot write the scratch file");
  return path_;
}

}  // namespace smug::fuzz
